// The command line's list-stages and diagnose against local servers: regions, paging, failures
// that keep what was read, output formats and exit codes.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "cli/command_line.h"
#include "cli/diagnose_command.h"
#include "cli/exit_codes.h"
#include "cli/list_stages_command.h"
#include "demo/demo_endpoint.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/raw_tcp_server.h"
#include "support/scripted_endpoint.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

using namespace testsupport;

namespace {

const QString kFieldReporterArn =
    QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1");

QProcessEnvironment scriptedEnvironment()
{
    return environmentWith(QStringLiteral("AKIDBROWSECLI"), QStringLiteral("browse-cli-secret"));
}

QProcessEnvironment demoEnvironment()
{
    const aws::Credentials credentials = demo::DemoEndpoint::credentials();
    return environmentWith(credentials.accessKeyId, credentials.secretAccessKey);
}

Run listStages(const QStringList &arguments,
               const QProcessEnvironment &environment = scriptedEnvironment())
{
    return runInProcess(&cli::runListStages, arguments, environment);
}

Run diagnose(const QStringList &arguments,
             const QProcessEnvironment &environment = scriptedEnvironment())
{
    return runInProcess(&cli::runDiagnose, arguments, environment);
}

// The real binary, with the event loop running meanwhile.
Run runBinary(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
    environment.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    return runAppBinary(arguments, environment);
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool isOneLine(const QString &text)
{
    return text.endsWith(QLatin1Char('\n')) && text.count(QLatin1Char('\n')) == 1;
}

QJsonDocument parseJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// The region a request was signed for, from its credential scope.
QString signedRegion(const net::HttpRequest &request)
{
    static const QRegularExpression scope(QStringLiteral("Credential=[^/]+/\\d{8}/([^/]+)/ivs/"));
    return scope.match(QString::fromLatin1(request.header("authorization"))).captured(1);
}

QJsonObject requestBody(const net::HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QJsonObject stageSummary(const QString &region, const QString &id, const QString &name)
{
    return {{QStringLiteral("arn"),
             QStringLiteral("arn:aws:ivs:%1:123456789012:stage/%2").arg(region, id)},
            {QStringLiteral("name"), name}};
}

net::HttpResponse stagesPage(const QJsonArray &stages, const QString &nextToken = {})
{
    QJsonObject answer{{QStringLiteral("stages"), stages}};
    if (!nextToken.isEmpty())
        answer.insert(QStringLiteral("nextToken"), nextToken);
    return net::HttpResponse::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

// Two stages in every region, named after it, in one page.
net::HttpResponse twoStagesOfItsRegion(const net::HttpRequest &request)
{
    const QString region = signedRegion(request);
    return stagesPage({stageSummary(region, QStringLiteral("b1"), region + QStringLiteral("-b")),
                       stageSummary(region, QStringLiteral("a1"), region + QStringLiteral("-a"))});
}

int countOf(const QStringList &list, const QString &value)
{
    return static_cast<int>(list.count(value));
}

QStringList signedRegions(const ScriptedEndpoint &endpoint)
{
    QStringList regions;
    for (const net::HttpRequest &request : endpoint.requests())
        regions.append(signedRegion(request));
    return regions;
}

QStringList findingIds(const QJsonObject &document)
{
    QStringList ids;
    for (const QJsonValue &finding : document.value(QStringLiteral("findings")).toArray())
        ids.append(finding.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

// The command line's browsing and checking: list-stages across regions, diagnose on one stage.
class TestBrowseCli : public QObject {
    Q_OBJECT
private slots:
    void listsEveryDemoRegionSortedInColumns();
    void jsonListsEveryStageWithItsFields();
    void repeatedRegionIsAskedAndPrintedOnce();
    void failingRegionDoesNotHideTheOthers_data();
    void failingRegionDoesNotHideTheOthers();
    void everyRegionFailingReportsEachOnce();
    void failureAfterAPageKeepsWhatWasRead();
    void everyPageIsFetched();
    void regionsAreAskedAtOnce();
    void noRegionConfiguredIsAUsageError();
    void configuredRegionIsTheDefault();
    void listStagesUsageErrors_data();
    void listStagesUsageErrors();
    void diagnosesEachDemoStage_data();
    void diagnosesEachDemoStage();
    void diagnoseTextHasOneBlockPerFinding();
    void diagnoseJsonShape();
    void diagnoseLookupFailuresKeepTheirCodes_data();
    void diagnoseLookupFailuresKeepTheirCodes();
    void diagnoseRefusesAnotherRegion();
    void helpDescribesBothCommands();
    void binaryListsAndDiagnosesTheDemo();
};

void TestBrowseCli::listsEveryDemoRegionSortedInColumns()
{
    demo::DemoEndpoint service;
    QVERIFY(service.start());
    const Run run = listStages({QStringLiteral("--endpoint-url"), service.url().toString(),
                                QStringLiteral("--all-regions")},
                               demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList printed = lines(run.out);
    QCOMPARE(printed.size(), 5);
    QVERIFY2(printed.at(0).startsWith(QLatin1String("NAME")), qPrintable(run.out));
    // Sorted by region: ap-northeast-1, eu-central-1, eu-west-1, us-west-2.
    const QStringList expected{
        QStringLiteral("town-hall ap-northeast-1 Tn4Hall2026x st-9ZyXwVuTsRqPoNm department=comms"),
        QStringLiteral("podcast-room eu-central-1 Qx7Rk2LmPz9W - -"),
        QStringLiteral("field-reporter eu-west-1 FieldRep0rt1 - show=Evening News"),
        QStringLiteral("studio-main us-west-2 abcdABCDefgh st-a1b2C3d4E5f6G7h "
                       "environment=production, show=Morning Live, team=video-ops")};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(printed.at(i + 1).simplified(), expected.at(i));
    // Aligned: every column starts where its heading does.
    for (const QString &heading : {QStringLiteral("REGION"), QStringLiteral("STAGE ID"),
                                   QStringLiteral("ACTIVE SESSION"), QStringLiteral("TAGS")}) {
        const qsizetype column = printed.at(0).indexOf(heading);
        QVERIFY(column > 0);
        for (int i = 1; i < printed.size(); ++i) {
            QVERIFY2(printed.at(i).at(column - 1) == QLatin1Char(' ') &&
                         printed.at(i).at(column) != QLatin1Char(' '),
                     qPrintable(heading + QLatin1Char('\n') + run.out));
        }
    }
}

void TestBrowseCli::jsonListsEveryStageWithItsFields()
{
    const Run run = listStages({QStringLiteral("--demo"), QStringLiteral("--all-regions"),
                                QStringLiteral("--output"), QStringLiteral("json")},
                               QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    const QJsonDocument document = parseJson(run.out);
    QVERIFY(document.isArray());
    const QJsonArray stages = document.array();
    QCOMPARE(stages.size(), 4);
    QStringList names;
    for (const QJsonValue &value : stages) {
        const QJsonObject stage = value.toObject();
        QCOMPARE(sortedKeys(stage),
                 (QStringList{QStringLiteral("activeSessionId"), QStringLiteral("arn"),
                              QStringLiteral("name"), QStringLiteral("region"),
                              QStringLiteral("tags")}));
        QVERIFY(stage.value(QStringLiteral("arn"))
                    .toString()
                    .startsWith(QStringLiteral("arn:aws:ivs:%1:")
                                    .arg(stage.value(QStringLiteral("region")).toString())));
        QVERIFY(stage.value(QStringLiteral("tags")).isObject());
        names.append(stage.value(QStringLiteral("name")).toString());
    }
    QCOMPARE(names, (QStringList{QStringLiteral("town-hall"), QStringLiteral("podcast-room"),
                                 QStringLiteral("field-reporter"), QStringLiteral("studio-main")}));
    const QJsonObject studio = stages.at(3).toObject();
    QCOMPARE(studio.value(QStringLiteral("arn")).toString(), kFullyConfiguredDemoArn);
    QCOMPARE(studio.value(QStringLiteral("activeSessionId")).toString(),
             QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QCOMPARE(studio.value(QStringLiteral("tags")).toObject().value(QStringLiteral("show")),
             QJsonValue(QStringLiteral("Morning Live")));
    // No session in progress: null, which jq's select() treats as absent.
    QVERIFY(stages.at(1).toObject().value(QStringLiteral("activeSessionId")).isNull());
    QCOMPARE(stages.at(1).toObject().value(QStringLiteral("tags")).toObject(), QJsonObject());
}

void TestBrowseCli::repeatedRegionIsAskedAndPrintedOnce()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler(twoStagesOfItsRegion);
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                                QStringLiteral("--region"), QStringLiteral("us-east-1"),
                                QStringLiteral("--region"), QStringLiteral(" eu-west-1 ")});
    QCOMPARE(run.exitCode, int(cli::Success));
    const QStringList printed = lines(run.out);
    QCOMPARE(printed.size(), 5);
    QCOMPARE(printed.at(1).section(QLatin1Char(' '), 0, 0), QStringLiteral("eu-west-1-a"));
    QCOMPARE(printed.at(2).section(QLatin1Char(' '), 0, 0), QStringLiteral("eu-west-1-b"));
    QCOMPARE(printed.at(3).section(QLatin1Char(' '), 0, 0), QStringLiteral("us-east-1-a"));
    QCOMPARE(printed.at(4).section(QLatin1Char(' '), 0, 0), QStringLiteral("us-east-1-b"));
    QCOMPARE(endpoint.requests().size(), 2);
    QCOMPARE(countOf(signedRegions(endpoint), QStringLiteral("eu-west-1")), 1);
}

void TestBrowseCli::failingRegionDoesNotHideTheOthers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("access denied")
        << 403 << QByteArray("AccessDeniedException") << int(cli::AuthError);
    QTest::newRow("service failure")
        << 500 << QByteArray("InternalServerException") << int(cli::ServiceError);
}

void TestBrowseCli::failingRegionDoesNotHideTheOthers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    QFETCH(int, exitCode);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([status, errorType](const net::HttpRequest &request) {
        if (signedRegion(request) == QLatin1String("eu-west-1"))
            return awsErrorResponse(status, errorType, QStringLiteral("not in this region"));
        return twoStagesOfItsRegion(request);
    });
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                QStringLiteral("--region"), QStringLiteral("us-west-2"),
                                QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                                QStringLiteral("--region"), QStringLiteral("ap-south-1")});
    QCOMPARE(run.exitCode, exitCode);
    const QStringList printed = lines(run.out);
    QCOMPARE(printed.size(), 5);
    QVERIFY2(printed.at(1).startsWith(QLatin1String("ap-south-1-a ")), qPrintable(run.out));
    QVERIFY2(printed.at(4).startsWith(QLatin1String("us-west-2-b ")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("eu-west-1")));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.startsWith(QLatin1String("ivs-stage-browser: eu-west-1: ")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QString::fromLatin1(errorType)), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("not in this region")), qPrintable(run.err));
}

void TestBrowseCli::everyRegionFailingReportsEachOnce()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &) {
        return awsErrorResponse(403, "AccessDeniedException", QStringLiteral("denied"));
    });
    const QStringList regions{QStringLiteral("us-west-2"), QStringLiteral("eu-central-1")};
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                QStringLiteral("--region"), regions.at(0),
                                QStringLiteral("--region"), regions.at(1)});
    QCOMPARE(run.exitCode, int(cli::AuthError));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
    const QStringList reported = lines(run.err);
    QCOMPARE(reported.size(), 2);
    for (int i = 0; i < regions.size(); ++i)
        QVERIFY2(reported.at(i).startsWith(
                     QStringLiteral("ivs-stage-browser: %1: Access denied").arg(regions.at(i))),
                 qPrintable(run.err));
}

void TestBrowseCli::failureAfterAPageKeepsWhatWasRead()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        if (requestBody(request).value(QStringLiteral("nextToken")).toString().isEmpty())
            return stagesPage({stageSummary(QStringLiteral("us-west-2"), QStringLiteral("p1"),
                                            QStringLiteral("first-page"))},
                              QStringLiteral("more"));
        return awsErrorResponse(503, "ServiceUnavailableException", QStringLiteral("busy"));
    });
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                QStringLiteral("--region"), QStringLiteral("us-west-2")});
    QCOMPARE(run.exitCode, int(cli::ServiceError));
    QCOMPARE(lines(run.out).size(), 2);
    QVERIFY(lines(run.out).at(1).startsWith(QLatin1String("first-page ")));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("The stage read before the failure is listed.")),
             qPrintable(run.err));
}

void TestBrowseCli::everyPageIsFetched()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    // Five stages, two a page, as the service pages: an opaque token for the next one.
    endpoint.setHandler([](const net::HttpRequest &request) {
        const QString token = requestBody(request).value(QStringLiteral("nextToken")).toString();
        const int offset = token.isEmpty() ? 0 : token.mid(QStringLiteral("tok-").size()).toInt();
        QJsonArray page;
        for (int i = offset; i < std::min(offset + 2, 5); ++i)
            page.append(stageSummary(QStringLiteral("eu-central-1"), QStringLiteral("id%1").arg(i),
                                     QStringLiteral("stage-%1").arg(4 - i)));
        return stagesPage(page,
                          offset + 2 < 5 ? QStringLiteral("tok-%1").arg(offset + 2) : QString());
    });
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                QStringLiteral("--region"), QStringLiteral("eu-central-1"),
                                QStringLiteral("--output"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QStringList names;
    for (const QJsonValue &stage : parseJson(run.out).array())
        names.append(stage.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("stage-0"), QStringLiteral("stage-1"),
                                 QStringLiteral("stage-2"), QStringLiteral("stage-3"),
                                 QStringLiteral("stage-4")}));
    QCOMPARE(endpoint.requests().size(), 3);
    QVERIFY(!requestBody(endpoint.requests().at(0)).contains(QStringLiteral("nextToken")));
    QCOMPARE(requestBody(endpoint.requests().at(1)).value(QStringLiteral("nextToken")),
             QJsonValue(QStringLiteral("tok-2")));
    QCOMPARE(requestBody(endpoint.requests().at(2)).value(QStringLiteral("nextToken")),
             QJsonValue(QStringLiteral("tok-4")));
}

void TestBrowseCli::regionsAreAskedAtOnce()
{
    // An endpoint that never answers: each region waits out the 1-second timeout. Asked one
    // after the other, four regions would take four seconds.
    RawTcpServer silent(RawTcpServer::Behaviour::NeverAnswer);
    QVERIFY(silent.start());
    const QStringList regions{QStringLiteral("us-east-1"), QStringLiteral("us-west-2"),
                              QStringLiteral("eu-west-1"), QStringLiteral("ap-south-1")};
    QStringList arguments{QStringLiteral("--endpoint-url"), silent.url(),
                          QStringLiteral("--timeout"), QStringLiteral("1")};
    for (const QString &region : regions)
        arguments << QStringLiteral("--region") << region;
    QElapsedTimer timer;
    timer.start();
    const Run run = listStages(arguments);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(run.exitCode, int(cli::NetworkError));
    QCOMPARE(lines(run.err).size(), regions.size());
    QCOMPARE(silent.connectionsAccepted(), int(regions.size()));
    QVERIFY2(elapsed < 3000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

void TestBrowseCli::noRegionConfiguredIsAUsageError()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler(twoStagesOfItsRegion);
    const Run run = listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("No region is configured")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("--all-regions")), qPrintable(run.err));
    QVERIFY(endpoint.requests().isEmpty());
}

void TestBrowseCli::configuredRegionIsTheDefault()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler(twoStagesOfItsRegion);
    QProcessEnvironment environment = scriptedEnvironment();
    environment.insert(QStringLiteral("AWS_REGION"), QStringLiteral("ap-northeast-2"));
    const Run run =
        listStages({QStringLiteral("--endpoint-url"), endpoint.url().toString()}, environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(signedRegions(endpoint), QStringList{QStringLiteral("ap-northeast-2")});
    QVERIFY2(run.out.contains(QLatin1String("ap-northeast-2-a")), qPrintable(run.out));
}

void TestBrowseCli::listStagesUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("both region choices")
        << QStringList{QStringLiteral("--region"), QStringLiteral("us-west-2"),
                       QStringLiteral("--all-regions")}
        << QStringLiteral("not both");
    QTest::newRow("bad output") << QStringList{QStringLiteral("--all-regions"),
                                               QStringLiteral("--output"), QStringLiteral("tree")}
                                << QStringLiteral("--output must be \"table\" or \"json\"");
    QTest::newRow("empty region") << QStringList{QStringLiteral("--region"), QStringLiteral(" ")}
                                  << QStringLiteral("--region needs a value");
    QTest::newRow("arn is not an option here")
        << QStringList{QStringLiteral("--arn"), kFullyConfiguredDemoArn}
        << QStringLiteral("Unknown option");
    QTest::newRow("zero timeout") << QStringList{QStringLiteral("--all-regions"),
                                                 QStringLiteral("--timeout"), QStringLiteral("0")}
                                  << QStringLiteral("--timeout must be");
}

void TestBrowseCli::listStagesUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const Run run = listStages(
        arguments + QStringList{QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY(endpoint.requests().isEmpty());
}

void TestBrowseCli::diagnosesEachDemoStage_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("studio-main") << kFullyConfiguredDemoArn
                                 << QStringList{QStringLiteral("participant-recording-failed"),
                                                QStringLiteral("replicas-not-recorded")}
                                 << cli::kProblemsFound;
    QTest::newRow("field-reporter") << kFieldReporterArn
                                    << QStringList{QStringLiteral("storage-region-mismatch"),
                                                   QStringLiteral("thumbnail-interval-ignored")}
                                    << cli::kProblemsFound;
    QTest::newRow("podcast-room") << kDefaultsDemoArn
                                  << QStringList{QStringLiteral("recording-off")}
                                  << int(cli::Success);
}

void TestBrowseCli::diagnosesEachDemoStage()
{
    QFETCH(QString, arn);
    QFETCH(QStringList, expectedIds);
    QFETCH(int, exitCode);
    demo::DemoEndpoint service;
    QVERIFY(service.start());
    const Run run =
        diagnose({QStringLiteral("--endpoint-url"), service.url().toString(),
                  QStringLiteral("--arn"), arn, QStringLiteral("--output"), QStringLiteral("json")},
                 demoEnvironment());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonObject document = parseJson(run.out).object();
    const QStringList ids = findingIds(document);
    for (const QString &id : expectedIds)
        QVERIFY2(ids.contains(id),
                 qPrintable(id + QStringLiteral(" not in ") + ids.join(QStringLiteral(", "))));
    if (exitCode == int(cli::Success)) {
        // Only notes: nothing that needs attention.
        for (const QJsonValue &finding : document.value(QStringLiteral("findings")).toArray())
            QCOMPARE(finding.toObject().value(QStringLiteral("severity")).toString(),
                     QStringLiteral("info"));
        QCOMPARE(ids, expectedIds);
    }
}

void TestBrowseCli::diagnoseTextHasOneBlockPerFinding()
{
    Run run = diagnose({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn},
                       QProcessEnvironment());
    QCOMPARE(run.exitCode, cli::kProblemsFound);
    const QStringList blocks = run.out.split(QStringLiteral("\n\n"));
    QCOMPARE(blocks.size(), 3); // the failed recording, the replica, the session in progress
    QVERIFY2(blocks.at(0).startsWith(QLatin1String("ERROR    Recording failed for guest-ben")),
             qPrintable(run.out));
    // Its events say why: publishing failed (B-frames), so there was nothing to record.
    QVERIFY2(blocks.at(0).contains(QLatin1String("PUBLISH_ERROR B_FRAME_PRESENT")),
             qPrintable(run.out));
    QVERIFY2(blocks.at(0).contains(QStringLiteral("\n  → Turn off B-frames")), qPrintable(run.out));
    QVERIFY2(blocks.at(0).contains(QStringLiteral("\n  field: participants[\"pB2guestBen00002\"]")),
             qPrintable(run.out));
    QVERIFY2(blocks.at(1).startsWith(QLatin1String("WARNING  Replica participants are not")),
             qPrintable(run.out));
    QVERIFY2(blocks.at(1).contains(QLatin1String(
                 "\n  field: autoParticipantRecordingConfiguration.recordParticipantReplicas")),
             qPrintable(run.out));
    QVERIFY2(blocks.at(2).startsWith(QLatin1String("INFO     Session st-a1b2C3d4E5f6G7h")),
             qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("No problems found.")));

    run = diagnose({QStringLiteral("--demo"), QStringLiteral("--arn"), kDefaultsDemoArn},
                   QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.startsWith(QLatin1String("INFO     Participants are not recorded")),
             qPrintable(run.out));
    // Recording is off on that stage: nothing wrong is not everything fine.
    QVERIFY2(run.out.endsWith(QLatin1String("\n\nRecording is off; no other problems found.\n")),
             qPrintable(run.out));
}

void TestBrowseCli::diagnoseJsonShape()
{
    const Run run = diagnose({QStringLiteral("--demo"), QStringLiteral("--arn"), kOlderDemoArn,
                              QStringLiteral("--output"), QStringLiteral("json")},
                             QProcessEnvironment());
    QCOMPARE(run.exitCode, cli::kProblemsFound);
    const QJsonObject document = parseJson(run.out).object();
    QCOMPARE(sortedKeys(document),
             (QStringList{QStringLiteral("arn"), QStringLiteral("findings")}));
    QCOMPARE(document.value(QStringLiteral("arn")).toString(), kOlderDemoArn);
    const QJsonArray findings = document.value(QStringLiteral("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    const QStringList order{QStringLiteral("error"), QStringLiteral("warning"),
                            QStringLiteral("info")};
    qsizetype previous = 0;
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        QCOMPARE(sortedKeys(finding),
                 (QStringList{QStringLiteral("action"), QStringLiteral("fieldPath"),
                              QStringLiteral("id"), QStringLiteral("severity"),
                              QStringLiteral("title")}));
        for (const QString &key : sortedKeys(finding))
            QVERIFY2(finding.value(key).isString(), qPrintable(key));
        const qsizetype rank = order.indexOf(finding.value(QStringLiteral("severity")).toString());
        QVERIFY(rank >= previous); // errors first, then warnings, then notes
        previous = rank;
    }
    // town-hall has no RTMP endpoints: a warning on the endpoints row.
    const QJsonObject first = findings.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("endpoints-missing"));
    QCOMPARE(first.value(QStringLiteral("fieldPath")).toString(), QStringLiteral("endpoints"));
    QVERIFY(findingIds(document).contains(QStringLiteral("recording-off")));
}

void TestBrowseCli::diagnoseLookupFailuresKeepTheirCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("not found") << 404 << QByteArray("ResourceNotFoundException")
                               << int(cli::NotFound);
    QTest::newRow("access denied")
        << 403 << QByteArray("AccessDeniedException") << int(cli::AuthError);
    QTest::newRow("service failure")
        << 500 << QByteArray("InternalServerException") << int(cli::ServiceError);
}

void TestBrowseCli::diagnoseLookupFailuresKeepTheirCodes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    QFETCH(int, exitCode);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(awsErrorResponse(status, errorType, QStringLiteral("scripted")));
    const Run run = diagnose({QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                              QStringLiteral("--arn"), kFullyConfiguredDemoArn});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(QString::fromLatin1(errorType)), qPrintable(run.err));
    // Only GetStage: nothing is checked when the stage cannot be read.
    QCOMPARE(endpoint.requests().size(), 1);
    QCOMPARE(endpoint.requests().at(0).path, QByteArray("/GetStage"));
}

void TestBrowseCli::diagnoseRefusesAnotherRegion()
{
    Run run = diagnose({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                        QStringLiteral("--region"), QStringLiteral("eu-west-1")},
                       QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QLatin1String("diagnose works in the stage's own region")),
             qPrintable(run.err));

    run = diagnose({QStringLiteral("--demo"), QStringLiteral("--arn"),
                    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/missing")},
                   QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::NotFound));
    QVERIFY2(run.err.contains(QLatin1String("Stage not found")), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
}

void TestBrowseCli::helpDescribesBothCommands()
{
    const QString commands = cli::commandsHelpText();
    for (const QString &expected :
         {QStringLiteral("list-stages [--region R]... [--all-regions]"),
          QStringLiteral("diagnose --arn ARN"), QStringLiteral("list-stages --help"),
          QStringLiteral("diagnose --help")})
        QVERIFY2(commands.contains(expected), qPrintable(expected));
    QVERIFY(cli::isCommandInvocation(
        {QStringLiteral("ivs-stage-browser"), QStringLiteral("list-stages")}));
    QVERIFY(cli::isCommandInvocation(
        {QStringLiteral("ivs-stage-browser"), QStringLiteral("diagnose")}));

    const QString listHelp = cli::listStagesHelpText();
    for (const QString &expected :
         {QStringLiteral("Usage: ivs-stage-browser list-stages [--region REGION]... "
                         "[--all-regions] [--output table|json]"),
          QStringLiteral("--all-regions"), QStringLiteral("ap-northeast-1"),
          QStringLiteral("--endpoint-url"), QStringLiteral("--demo"), QStringLiteral("--timeout"),
          QStringLiteral("Exit codes")})
        QVERIFY2(listHelp.contains(expected), qPrintable(expected + QLatin1Char('\n') + listHelp));
    QVERIFY(!listHelp.contains(QLatin1String("--arn")));

    const QString diagnoseHelp = cli::diagnoseHelpText();
    for (const QString &expected :
         {QStringLiteral("Usage: ivs-stage-browser diagnose --arn ARN [--output text|json]"),
          QStringLiteral("Exit code 1 means the checks found a problem"),
          QStringLiteral("1  diagnose and recordings only: the checks found a problem"),
          QStringLiteral("--profile"), QStringLiteral("--verbose")})
        QVERIFY2(diagnoseHelp.contains(expected),
                 qPrintable(expected + QLatin1Char('\n') + diagnoseHelp));
    // The general table stays true for the other commands.
    QVERIFY(cli::exitCodesHelpText().contains(QLatin1String("other command, an internal error")));
}

void TestBrowseCli::binaryListsAndDiagnosesTheDemo()
{
    Run run = runBinary(
        {QStringLiteral("list-stages"), QStringLiteral("--demo"), QStringLiteral("--all-regions")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList printed = lines(run.out);
    QCOMPARE(printed.size(), 5);
    QVERIFY2(printed.at(1).startsWith(QLatin1String("town-hall ")), qPrintable(run.out));
    QVERIFY2(printed.at(4).startsWith(QLatin1String("studio-main ")), qPrintable(run.out));

    run = runBinary({QStringLiteral("diagnose"), QStringLiteral("--demo"), QStringLiteral("--arn"),
                     kFieldReporterArn});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QLatin1String("ERROR    The storage configuration is in us-west-2")),
             qPrintable(run.out + run.err));

    run = runBinary({QStringLiteral("diagnose"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("Usage: ivs-stage-browser diagnose --arn ARN")),
             qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestBrowseCli)
#include "tst_browse_cli.moc"
