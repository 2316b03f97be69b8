// The command line's export and apply against local servers: round trips, dry runs, refusals,
// partial failures, confirmation and what reaches the service.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "cli/apply_command.h"
#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "cli/export_command.h"
#include "demo/demo_endpoint.h"
#include "ivs/stage.h"
#include "ivs/stage_changes.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/json_paths.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace testsupport;

namespace {

const QString kSeedArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration");
const QString kSegment = QStringLiteral(
    "stage.autoParticipantRecordingConfiguration.hlsConfiguration.targetSegmentDurationSeconds");
const QString kEuStorage =
    QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD");
// Spaces, "=", "&", "é": what a query string, a JSON body and SigV4 must all carry intact.
const QString kAwkwardKey = QStringLiteral("show name=late + live é");
const QString kAwkwardValue = QStringLiteral("a=b+c=d é ü");

QProcessEnvironment scriptedEnvironment()
{
    return environmentWith(QStringLiteral("AKIDCLITEST"), QStringLiteral("cli-test-secret"));
}

QProcessEnvironment demoEnvironment()
{
    const aws::Credentials credentials = demo::DemoEndpoint::credentials();
    return environmentWith(credentials.accessKeyId, credentials.secretAccessKey);
}

Run exportStage(const QStringList &arguments,
                const QProcessEnvironment &environment = scriptedEnvironment())
{
    return runInProcess(&cli::runExport, arguments, environment);
}

Run applyFile(const QStringList &arguments,
              const QProcessEnvironment &environment = scriptedEnvironment(),
              const cli::Confirmation &confirm = {})
{
    auto apply = [&confirm](const QStringList &words, const QProcessEnvironment &variables,
                            QTextStream &out, QTextStream &err) {
        return cli::runApply(words, variables, out, err, confirm);
    };
    return runInProcess(apply, arguments, environment);
}

// The real binary, with the event loop running meanwhile: the endpoints answer from this thread.
Run runBinary(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcessEnvironment full = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys)
        full.insert(key, environment.value(key));
    return runAppBinary(arguments, full);
}

bool isOneLine(const QString &text)
{
    return text.endsWith(QLatin1Char('\n')) && text.count(QLatin1Char('\n')) == 1;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// tests/data/get_stage_seed_response.json as the service would answer GetStage / UpdateStage.
net::HttpResponse seedStageResponse()
{
    return net::HttpResponse::json(200,
                                   readTestData(QStringLiteral("get_stage_seed_response.json")));
}

// What export writes for the seed stage.
QJsonObject seedDocument()
{
    const QJsonObject response =
        parseObject(readTestData(QStringLiteral("get_stage_seed_response.json")));
    const auto stage =
        ivs::Stage::fromJson(response.value(QStringLiteral("stage")).toObject(), nullptr);
    return ivs::EditableConfig::fromStage(*stage).toDocument(kSeedArn);
}

QStringList requestPaths(const ScriptedEndpoint &endpoint)
{
    QStringList paths;
    for (const net::HttpRequest &request : endpoint.requests())
        paths.append(QString::fromLatin1(request.method + ' ' + request.path));
    return paths;
}

const QString kGetStageRequest = QStringLiteral("POST /GetStage");

} // namespace

class TestExportApplyCli : public QObject {
    Q_OBJECT
private slots:
    void exportPrintsTheEditableConfiguration();
    void exportWritesAFile();
    void roundTripChangesTheStage();
    void dryRunPrintsTheReviewAndSendsNothing();
    void unchangedFileSendsNothing();
    void recordingSettingsIgnoredWhileRecordingIsOffAreNamed();
    void badFilesAreUsageErrors_data();
    void badFilesAreUsageErrors();
    void usageErrorsSendNothing_data();
    void usageErrorsSendNothing();
    void conflictIsReportedWithTheFailingOperation();
    void partialFailureSaysWhatWasApplied_data();
    void partialFailureSaysWhatWasApplied();
    void confirmationIsAskedUnlessYes();
    void changesTheServiceDidNotKeepAreNoted();
    void verboseShowsEveryRequestExactly();
    void unwritableExportFileLeavesNothingBehind();
    void failedExportKeepsTheExistingFile();
    void helpListsTheCommands();
    void binaryRoundTripAgainstTheDemoService();
};

void TestExportApplyCli::exportPrintsTheEditableConfiguration()
{
    const Run run =
        exportStage({QStringLiteral("--demo"), QStringLiteral("--arn"), kDefaultsDemoArn},
                    QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonObject document = parseObject(run.out.toUtf8());
    QCOMPARE(document.value(QStringLiteral("format")).toString(),
             QStringLiteral("ivs-stage-browser/stage-configuration"));
    QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(document.value(QStringLiteral("sourceArn")).toString(), kDefaultsDemoArn);
    QCOMPARE(valueAtPath(document, QStringLiteral("stage.name")).toString(),
             QStringLiteral("podcast-room"));
    // Defaults are filled in, so the file says what the stage does, not just what was stored.
    QCOMPARE(valueAtPath(document, kSegment).toInt(), 6);
    QVERIFY(valueAtPath(document, QStringLiteral("stage.tags")).isObject());
    QVERIFY2(run.out.contains(QLatin1String("\n    \"stage\"")), "not indented");
}

void TestExportApplyCli::exportWritesAFile()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seed.json"));
    const Run run = exportStage({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                                 QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QStringLiteral("to %1").arg(path)), qPrintable(run.out));
    QCOMPARE(parseObject(readFile(path)), seedDocument());
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("seed.json")});
}

void TestExportApplyCli::roundTripChangesTheStage()
{
    // One demo service across the commands, so that what apply changes is there to re-export.
    demo::DemoEndpoint service;
    QVERIFY(service.start());
    const QStringList connection{QStringLiteral("--endpoint-url"), service.url().toString(),
                                 QStringLiteral("--arn"), kDefaultsDemoArn};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("podcast.json"));

    Run run =
        exportStage(connection + QStringList{QStringLiteral("--file"), path}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QJsonObject document = parseObject(readFile(path));
    document = withPath(document, QStringLiteral("stage.name"), QStringLiteral("podcast-live"));
    document =
        withPath(document,
                 QStringLiteral("stage.") + kRecording + QStringLiteral(".storageConfigurationArn"),
                 kEuStorage);
    document = withPath(document, kSegment, 4);
    document = withPath(document, QStringLiteral("stage.tags"),
                        QJsonObject{{kAwkwardKey, kAwkwardValue},
                                    {QStringLiteral("plain"), QStringLiteral("kept")}});
    QVERIFY(writeFile(path, toJson(document)));

    run = applyFile(connection + QStringList{QStringLiteral("--file"), path}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QStringLiteral("name: \"podcast-room\" → \"podcast-live\"")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("targetSegmentDurationSeconds: 6 → 4")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(
                 QStringLiteral("tags[\"%1\"]: (none) → \"%2\"").arg(kAwkwardKey, kAwkwardValue)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("POST /UpdateStage {")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Applied: UpdateStage, TagResource.")),
             qPrintable(run.out));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));

    run = exportStage(connection, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QJsonObject again = parseObject(run.out.toUtf8());
    QCOMPARE(again.value(QStringLiteral("stage")), document.value(QStringLiteral("stage")));

    // Removing the awkward tag goes through UntagResource's query string.
    document = withPath(document, QStringLiteral("stage.tags"),
                        QJsonObject{{QStringLiteral("plain"), QStringLiteral("kept")}});
    QVERIFY(writeFile(path, toJson(document)));
    run = applyFile(connection + QStringList{QStringLiteral("--file"), path}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(
                 QStringLiteral("tags[\"%1\"]: \"%2\" → (none)").arg(kAwkwardKey, kAwkwardValue)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Applied: UntagResource.")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("UpdateStage {")), qPrintable(run.out));

    run = exportStage(connection, demoEnvironment());
    again = parseObject(run.out.toUtf8());
    QCOMPARE(valueAtPath(again, QStringLiteral("stage.tags")).toObject(),
             (QJsonObject{{QStringLiteral("plain"), QStringLiteral("kept")}}));
    QCOMPARE(valueAtPath(again, kSegment).toInt(), 4);
}

void TestExportApplyCli::dryRunPrintsTheReviewAndSendsNothing()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.json"));
    QJsonObject document =
        withPath(seedDocument(), QStringLiteral("stage.name"), QStringLiteral("renamed"));
    document = withPath(document, QStringLiteral("stage.tags"),
                        QJsonObject{{QStringLiteral("owner"), QStringLiteral("stream-ops")},
                                    {kAwkwardKey, kAwkwardValue}});
    QVERIFY(writeFile(path, toJson(document)));

    const Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                               QStringLiteral("--dry-run"), QStringLiteral("--endpoint-url"),
                               endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QStringLiteral("name: \"seed-stage\" → \"renamed\"")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("tags[\"environment\"]: \"staging\" → (none)")),
             qPrintable(run.out));
    QVERIFY2(
        run.out.contains(QStringLiteral("POST /UpdateStage {\"arn\":\"%1\",\"name\":\"renamed\"}")
                             .arg(kSeedArn)),
        qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("DELETE /tags/%1?tagKeys=environment")
                                  .arg(QString::fromLatin1(kSeedArn.toUtf8().toPercentEncoding()))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Dry run: nothing was sent.")), qPrintable(run.out));
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});
}

void TestExportApplyCli::unchangedFileSendsNothing()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("same.json"));
    // A file may leave fields out: what it omits stays as it is.
    QJsonObject document = seedDocument();
    document = withoutPath(document, QStringLiteral("stage.tags"));
    document = withoutPath(document, QStringLiteral("stage.") + kRecording);
    QVERIFY(writeFile(path, toJson(document)));
    const Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                               QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.startsWith(QLatin1String("No changes")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Nothing was sent")), qPrintable(run.out));
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});
}

// A file that sets recording settings but no storage configuration: the service would reset
// them, so apply names each one and says why, rather than "already matches".
void TestExportApplyCli::recordingSettingsIgnoredWhileRecordingIsOffAreNamed()
{
    QJsonObject response =
        parseObject(readTestData(QStringLiteral("get_stage_seed_response.json")));
    // Recording off, as the service answers it: the other settings are not even returned.
    response = withPath(response, QStringLiteral("stage.") + kRecording,
                        QJsonObject{{QStringLiteral("storageConfigurationArn"), QString()}});
    const auto stage =
        ivs::Stage::fromJson(response.value(QStringLiteral("stage")).toObject(), nullptr);
    QVERIFY(stage);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, toJson(response)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recording.json"));
    // What export writes for a stage with recording off: every setting at its default.
    QJsonObject document = ivs::EditableConfig::fromStage(*stage).toDocument(kSeedArn);
    document = withPath(document,
                        QStringLiteral("stage.") + kRecording +
                            QStringLiteral(".recordingReconnectWindowSeconds"),
                        120);
    document = withPath(document, kSegment, 2);
    QVERIFY(writeFile(path, toJson(document)));

    Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                         QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(!run.out.contains(QLatin1String("already matches")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("storageConfigurationArn is empty")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("recordingReconnectWindowSeconds 120 (stays 0)")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("targetSegmentDurationSeconds 2 (stays 6)")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("a storage configuration in us-west-2")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Nothing was sent")), qPrintable(run.out));
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});

    // With a change that is sent, the ignored settings are still named, as a note.
    document = withPath(document, QStringLiteral("stage.name"), QStringLiteral("renamed"));
    QVERIFY(writeFile(path, toJson(document)));
    run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                     QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                     QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QStringLiteral("name: \"seed-stage\" → \"renamed\"")),
             qPrintable(run.out));
    QVERIFY2(run.err.startsWith(QLatin1String("ivs-stage-browser: note: Recording is off in")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("recordingReconnectWindowSeconds 120 (stays 0)")),
             qPrintable(run.err));
}

void TestExportApplyCli::badFilesAreUsageErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    const QJsonObject seed = seedDocument();
    QTest::newRow("not JSON") << QByteArray("{\"format\": ivs") << QStringLiteral("is not JSON");
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << QStringLiteral("not an object");
    QTest::newRow("wrong format")
        << toJson(withPath(seed, QStringLiteral("format"), QStringLiteral("terraform")))
        << QStringLiteral("not a stage configuration exported by IVS Stage Browser");
    QTest::newRow("wrong version") << toJson(withPath(seed, QStringLiteral("version"), 2))
                                   << QStringLiteral("Unsupported stage configuration version 2");
    QTest::newRow("no stage") << toJson(withoutPath(seed, QStringLiteral("stage")))
                              << QStringLiteral("no \"stage\" object");
    QTest::newRow("segment out of range")
        << toJson(withPath(seed, kSegment, 11))
        << QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds: Must be from 2 to 10");
    QTest::newRow("bad name") << toJson(withPath(seed, QStringLiteral("stage.name"),
                                                 QStringLiteral("has spaces")))
                              << QStringLiteral("name:");
    QJsonObject tooMany;
    for (int i = 0; i < 51; ++i)
        tooMany.insert(QStringLiteral("tag-%1").arg(i), QStringLiteral("v"));
    QTest::newRow("51 tags") << toJson(withPath(seed, QStringLiteral("stage.tags"), tooMany))
                             << QStringLiteral("At most 50 tags; there are 51");
    QTest::newRow("tag value not text")
        << toJson(withPath(seed, QStringLiteral("stage.tags"),
                           QJsonObject{{QStringLiteral("count"), 3}}))
        << QStringLiteral("Tag \"count\" must have a text value");
}

void TestExportApplyCli::badFilesAreUsageErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(path, content));
    const Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                               QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(run.err.contains(path), qPrintable(run.err)); // which file
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});
}

void TestExportApplyCli::usageErrorsSendNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{QStringLiteral("--arn"), kSeedArn}
                             << QStringLiteral("--file is required");
    QTest::newRow("missing file") << QStringList{QStringLiteral("--arn"), kSeedArn,
                                                 QStringLiteral("--file"),
                                                 QStringLiteral("/nonexistent/stage.json")}
                                  << QStringLiteral("\"/nonexistent/stage.json\" does not exist");
    QTest::newRow("no arn") << QStringList{QStringLiteral("--file"), QStringLiteral("x.json")}
                            << QStringLiteral("--arn is required (see apply --help)");
    // The changes go to the ARN's region; comparing them with a lookup elsewhere would be wrong.
    QTest::newRow("other region")
        << QStringList{QStringLiteral("--arn"),    kSeedArn,
                       QStringLiteral("--file"),   QStringLiteral("x.json"),
                       QStringLiteral("--region"), QStringLiteral("eu-west-1")}
        << QStringLiteral("--region eu-west-1 does not match the ARN's region us-west-2");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--arn"), kSeedArn, QStringLiteral("--force")}
        << QStringLiteral("Unknown option 'force'");
}

void TestExportApplyCli::usageErrorsSendNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    const Run run = applyFile(
        arguments + QStringList{QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY(endpoint.requests().isEmpty());
}

void TestExportApplyCli::conflictIsReportedWithTheFailingOperation()
{
    // studio-main is recording a participant: the demo service refuses recording changes (409).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("studio.json"));
    Run run = exportStage({QStringLiteral("--demo"), QStringLiteral("--arn"),
                           kFullyConfiguredDemoArn, QStringLiteral("--file"), path},
                          QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QJsonObject document = parseObject(readFile(path));
    document = withPath(document,
                        QStringLiteral("stage.") + kRecording +
                            QStringLiteral(".recordingReconnectWindowSeconds"),
                        90);
    document = withPath(document, QStringLiteral("stage.tags.added"), QStringLiteral("yes"));
    QVERIFY(writeFile(path, toJson(document)));

    run = applyFile({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                     QStringLiteral("--file"), path},
                    QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::ServiceError));
    QVERIFY2(run.out.contains(QStringLiteral("recordingReconnectWindowSeconds: 60 → 90")),
             qPrintable(run.out)); // the review came before the attempt
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Nothing was applied. UpdateStage failed")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("ConflictException")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Not sent: TagResource.")), qPrintable(run.err));
    // The window's words ("still pending") mean nothing to a command that keeps no edits.
    QVERIFY2(!run.err.contains(QLatin1String("pending")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("tree")), qPrintable(run.err));
}

void TestExportApplyCli::partialFailureSaysWhatWasApplied_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("500") << 500 << QByteArray("InternalServerException") << int(cli::ServiceError);
    QTest::newRow("access denied")
        << 403 << QByteArray("AccessDeniedException") << int(cli::AuthError);
    QTest::newRow("validation") << 400 << QByteArray("ValidationException")
                                << int(cli::ServiceError);
}

void TestExportApplyCli::partialFailureSaysWhatWasApplied()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    QFETCH(int, exitCode);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([&](const net::HttpRequest &request) {
        if (request.path.startsWith("/tags/") && request.method == "POST")
            return awsErrorResponse(status, errorType, QStringLiteral("scripted tag failure"));
        if (request.path.startsWith("/tags/"))
            return net::HttpResponse::json(200, "{}");
        return seedStageResponse(); // GetStage, UpdateStage and the re-read
    });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.json"));
    QJsonObject document =
        withPath(seedDocument(), QStringLiteral("stage.name"), QStringLiteral("renamed"));
    document = withPath(document, QStringLiteral("stage.tags"),
                        QJsonObject{{QStringLiteral("environment"), QStringLiteral("staging")},
                                    {kAwkwardKey, kAwkwardValue}}); // adds one, removes "owner"
    QVERIFY(writeFile(path, toJson(document)));

    const Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                               QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Applied: UpdateStage. TagResource failed:")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QString::fromLatin1(errorType)), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("scripted tag failure")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Not sent: UntagResource.")), qPrintable(run.err));
    QVERIFY2(run.err.trimmed().endsWith(QLatin1String("Not sent: UntagResource.")),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("pending")), qPrintable(run.err));
    const QString tagsPath =
        QStringLiteral("/tags/") + QString::fromLatin1(kSeedArn.toUtf8().toPercentEncoding());
    QCOMPARE(requestPaths(endpoint),
             (QStringList{kGetStageRequest, QStringLiteral("POST /UpdateStage"),
                          QStringLiteral("POST ") + tagsPath, kGetStageRequest}));
    // The tag went out as sent, awkward characters and all.
    const QJsonObject tagBody = parseObject(endpoint.requests().at(2).body);
    QCOMPARE(tagBody,
             (QJsonObject{{QStringLiteral("tags"), QJsonObject{{kAwkwardKey, kAwkwardValue}}}}));
}

void TestExportApplyCli::confirmationIsAskedUnlessYes()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.json"));
    QVERIFY(writeFile(path, toJson(withPath(seedDocument(), QStringLiteral("stage.name"),
                                            QStringLiteral("renamed")))));
    const QStringList arguments{QStringLiteral("--arn"),          kSeedArn,
                                QStringLiteral("--file"),         path,
                                QStringLiteral("--endpoint-url"), endpoint.url().toString()};

    QStringList questions;
    Run run = applyFile(arguments, scriptedEnvironment(), [&questions](const QString &question) {
        questions.append(question);
        return false;
    });
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.at(0).contains(kSeedArn), qPrintable(questions.at(0)));
    QVERIFY2(run.out.contains(QLatin1String("POST /UpdateStage")), qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QLatin1String("Nothing was sent.\n")), qPrintable(run.out));
    QCOMPARE(requestPaths(endpoint), QStringList{kGetStageRequest});

    run = applyFile(arguments + QStringList{QStringLiteral("--yes")}, scriptedEnvironment(),
                    [&questions](const QString &question) {
                        questions.append(question);
                        return false;
                    });
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(questions.size(), 1); // not asked again
    QVERIFY2(run.out.contains(QLatin1String("Applied: UpdateStage.")), qPrintable(run.out));
    QCOMPARE(requestPaths(endpoint).count(QStringLiteral("POST /UpdateStage")), 1);
}

void TestExportApplyCli::changesTheServiceDidNotKeepAreNoted()
{
    // The service accepts UpdateStage but the stage read back afterwards still has the old name.
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.json"));
    QVERIFY(writeFile(path, toJson(withPath(seedDocument(), QStringLiteral("stage.name"),
                                            QStringLiteral("renamed")))));
    const Run run = applyFile({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                               QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QLatin1String("Applied: UpdateStage.")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("the service did not keep everything in %1: name is "
                                             "\"seed-stage\", the file says \"renamed\"")
                                  .arg(path)),
             qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QCOMPARE(
        requestPaths(endpoint),
        (QStringList{kGetStageRequest, QStringLiteral("POST /UpdateStage"), kGetStageRequest}));
}

void TestExportApplyCli::verboseShowsEveryRequestExactly()
{
    demo::DemoEndpoint service;
    QVERIFY(service.start());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("podcast.json"));
    const QStringList connection{QStringLiteral("--endpoint-url"), service.url().toString(),
                                 QStringLiteral("--arn"), kDefaultsDemoArn};
    QJsonObject document =
        withPath(parseObject(exportStage(connection, demoEnvironment()).out.toUtf8()),
                 QStringLiteral("stage.tags"), QJsonObject{{kAwkwardKey, kAwkwardValue}});
    QVERIFY(writeFile(path, toJson(document)));
    QVERIFY(applyFile(connection + QStringList{QStringLiteral("--file"), path}, demoEnvironment())
                .exitCode == cli::Success);

    QVERIFY(
        writeFile(path, toJson(withPath(document, QStringLiteral("stage.tags"), QJsonObject{}))));
    const Run run = applyFile(
        connection + QStringList{QStringLiteral("--file"), path, QStringLiteral("--verbose")},
        demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    const QString encodedArn = QString::fromLatin1(kDefaultsDemoArn.toUtf8().toPercentEncoding());
    const QString encodedKey = QString::fromLatin1(kAwkwardKey.toUtf8().toPercentEncoding());
    // The method, the percent-encoded path and query, and the attempt, untouched by formatting.
    QVERIFY2(run.err.contains(QStringLiteral("DELETE %1/tags/%2?tagKeys=%3 (region eu-central-1, "
                                             "credentials AKID…SER1, attempt 1)")
                                  .arg(service.url().toString(), encodedArn, encodedKey)),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Sending UntagResource for %1").arg(kDefaultsDemoArn)),
             qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("Applied: UntagResource.")), qPrintable(run.out));
}

void TestExportApplyCli::unwritableExportFileLeavesNothingBehind()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStageResponse());
    QTemporaryDir dir;
    const QString missingFolder = dir.filePath(QStringLiteral("missing/stage.json"));
    Run run =
        exportStage({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), missingFolder,
                     QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QStringLiteral("Cannot write %1").arg(missingFolder)),
             qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    // A folder is not a file to replace.
    run = exportStage({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), dir.path(),
                       QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QStringLiteral("Cannot write %1").arg(dir.path())),
             qPrintable(run.err));

    QVERIFY(endpoint.requests().isEmpty()); // refused before any call
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

void TestExportApplyCli::failedExportKeepsTheExistingFile()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(awsErrorResponse(500, "InternalServerException", QStringLiteral("down")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(writeFile(path, "previous export\n"));
    const Run run = exportStage({QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), path,
                                 QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::ServiceError));
    QVERIFY2(run.err.contains(QLatin1String("InternalServerException")), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QCOMPARE(readFile(path), QByteArray("previous export\n"));
    // No temporary file is left next to it either.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("stage.json")});
}

void TestExportApplyCli::helpListsTheCommands()
{
    const QString commands = cli::commandsHelpText();
    for (const QString &expected :
         {QStringLiteral("get-stage --arn ARN"), QStringLiteral("export --arn ARN [--file FILE]"),
          QStringLiteral("apply --arn ARN --file FILE [--dry-run] [--yes]"),
          QStringLiteral("profile list"), QStringLiteral("ivs-stage-browser get-stage --help")})
        QVERIFY2(commands.contains(expected), qPrintable(expected));

    const QProcessEnvironment none;
    Run run = runBinary({QStringLiteral("export"), QStringLiteral("--help")}, none);
    QCOMPARE(run.exitCode, 0);
    for (const QString &expected :
         {QStringLiteral("Usage: ivs-stage-browser export --arn ARN [--file FILE]"),
          QStringLiteral("--endpoint-url"), QStringLiteral("--profile"),
          QStringLiteral("--timeout"), QStringLiteral("Exit codes")})
        QVERIFY2(run.out.contains(expected), qPrintable(expected + QLatin1Char('\n') + run.out));
    run = runBinary({QStringLiteral("apply"), QStringLiteral("--help")}, none);
    QCOMPARE(run.exitCode, 0);
    for (const QString &expected :
         {QStringLiteral("Usage: ivs-stage-browser apply --arn ARN --file FILE [--dry-run]"),
          QStringLiteral("--yes"), QStringLiteral("--demo"), QStringLiteral("Exit codes")})
        QVERIFY2(run.out.contains(expected), qPrintable(expected + QLatin1Char('\n') + run.out));
}

void TestExportApplyCli::binaryRoundTripAgainstTheDemoService()
{
    demo::DemoEndpoint service;
    QVERIFY(service.start());
    const QStringList connection{QStringLiteral("--endpoint-url"), service.url().toString(),
                                 QStringLiteral("--arn"), kDefaultsDemoArn};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("podcast.json"));
    Run run = runBinary(QStringList{QStringLiteral("export")} + connection +
                            QStringList{QStringLiteral("--file"), path},
                        demoEnvironment());
    QCOMPARE(run.exitCode, 0);
    QJsonObject document = parseObject(readFile(path));
    document = withPath(document, QStringLiteral("stage.name"), QStringLiteral("from-binary"));
    document =
        withPath(document, QStringLiteral("stage.tags"), QJsonObject{{kAwkwardKey, kAwkwardValue}});
    QVERIFY(writeFile(path, toJson(document)));

    // Standard input is not a terminal: nothing is asked.
    run = runBinary(QStringList{QStringLiteral("apply")} + connection +
                        QStringList{QStringLiteral("--file"), path},
                    demoEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(
                 QStringLiteral("tags[\"%1\"]: (none) → \"%2\"").arg(kAwkwardKey, kAwkwardValue)),
             qPrintable(run.out)); // UTF-8 on standard output
    QVERIFY2(run.out.contains(QLatin1String("Applied: UpdateStage, TagResource.")),
             qPrintable(run.out + run.err));

    run = runBinary(QStringList{QStringLiteral("export")} + connection, demoEnvironment());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject again = parseObject(run.out.toUtf8());
    QCOMPARE(again.value(QStringLiteral("stage")), document.value(QStringLiteral("stage")));
}

QTEST_GUILESS_MAIN(TestExportApplyCli)
#include "tst_export_apply_cli.moc"
