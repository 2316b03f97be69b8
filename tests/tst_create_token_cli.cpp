#include "cli/create_token_command.h"
#include "cli/exit_codes.h"
#include "demo/demo_stages.h"
#include "ivs/encoder_settings.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace testsupport;

namespace {

const QString kDemoWhip = QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net");
const QString kSeedWhip = QStringLiteral("https://0123456789ab.global-bm.whip.live-video.net");
const QString kScriptedToken = QStringLiteral("eyJscripted.Token-Value_0123456789.sig");

QProcessEnvironment environmentWithKeys()
{
    return environmentWith(QStringLiteral("AKIDCREATETOKEN"), QStringLiteral("create-secret"));
}

bool isOneLine(const QString &text)
{
    return text.endsWith(QLatin1Char('\n')) && text.count(QLatin1Char('\n')) == 1;
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

// `create-token`, run in process: its outputs, its checks before anything is sent, and the token
// kept to standard output alone.
class TestCreateTokenCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonCarriesTheTokenAndTheWhipServer();
    void obsOutputIsTheServiceFile();
    void requestCarriesTheOptionsExactly();
    void limitsAreCheckedBeforeAnyRequest_data();
    void limitsAreCheckedBeforeAnyRequest();
    void missingStageCreatesNoToken();
    void serviceErrorIsOneLineWithItsCode();
    void tokenNeverReachesStandardErrorEvenVerbose();
    void helpDocumentsLimitsAndFormats();
    void tokenNeverReachesAFile();

private:
    Run run(const QStringList &arguments,
            const QProcessEnvironment &environment = environmentWithKeys());
    void serveSeedStageAndToken(ScriptedEndpoint &endpoint);

    QTemporaryDir m_home;
    QStringList m_tokensSeen;
};

void TestCreateTokenCli::initTestCase()
{
    // Settings go to a fresh folder, searched for tokens at the end.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QSettings settings;
    QVERIFY(settings.fileName().startsWith(m_home.path()));
    // So that there is a settings file to search even if the command writes none.
    settings.setValue(QStringLiteral("test/marker"), true);
    settings.sync();
    QVERIFY(QFile::exists(settings.fileName()));
}

Run TestCreateTokenCli::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    Run result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.exitCode = cli::runCreateToken(arguments, environment, out, err);
    out.flush();
    err.flush();
    const QString token = parseObject(result.out).value(QStringLiteral("token")).toString();
    if (!token.isEmpty())
        m_tokensSeen.append(token);
    return result;
}

void TestCreateTokenCli::serveSeedStageAndToken(ScriptedEndpoint &endpoint)
{
    const QByteArray stage = readTestData(QStringLiteral("get_stage_seed_response.json"));
    endpoint.setHandler([stage](const net::HttpRequest &request) {
        if (request.path == "/GetStage")
            return net::HttpResponse::json(200, stage);
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QJsonObject token{
            {QStringLiteral("participantId"), QStringLiteral("pScripted01")},
            {QStringLiteral("token"), kScriptedToken},
            {QStringLiteral("userId"), body.value(QStringLiteral("userId"))},
            {QStringLiteral("capabilities"), body.value(QStringLiteral("capabilities"))},
            {QStringLiteral("expirationTime"), QStringLiteral("2030-01-02T03:04:05Z")},
        };
        return net::HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("participantToken"), token}})
                     .toJson(QJsonDocument::Compact));
    });
}

void TestCreateTokenCli::jsonCarriesTheTokenAndTheWhipServer()
{
    const Run created =
        run({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
             QStringLiteral("--user-id"), QStringLiteral("producer"),
             QStringLiteral("--duration-minutes"), QStringLiteral("60")});
    QCOMPARE(created.exitCode, int(cli::Success));
    QCOMPARE(created.err, QString());
    const QJsonObject json = parseObject(created.out);
    QVERIFY2(!json.isEmpty(), qPrintable(created.out));
    QCOMPARE(QStringList(json.keys()),
             (QStringList{QStringLiteral("capabilities"), QStringLiteral("expirationTime"),
                          QStringLiteral("participantId"), QStringLiteral("server"),
                          QStringLiteral("token"), QStringLiteral("userId")}));
    QVERIFY(json.value(QStringLiteral("token")).toString().startsWith(QLatin1String("eyJ")));
    QVERIFY(!json.value(QStringLiteral("participantId")).toString().isEmpty());
    QCOMPARE(json.value(QStringLiteral("userId")).toString(), QStringLiteral("producer"));
    QCOMPARE(json.value(QStringLiteral("capabilities")).toArray(),
             QJsonArray{QStringLiteral("PUBLISH")});
    QCOMPARE(json.value(QStringLiteral("server")).toString(), kDemoWhip);
    const QDateTime expires =
        QDateTime::fromString(json.value(QStringLiteral("expirationTime")).toString(), Qt::ISODate);
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(expires);
    QVERIFY2(lifetime > 3500 && lifetime <= 3600, qPrintable(QString::number(lifetime)));
}

void TestCreateTokenCli::obsOutputIsTheServiceFile()
{
    const Run created =
        run({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
             QStringLiteral("--output"), QStringLiteral("obs")});
    QCOMPARE(created.exitCode, int(cli::Success));
    QCOMPARE(created.err, QString());
    const QJsonObject service = parseObject(created.out);
    QCOMPARE(service.value(QStringLiteral("type")).toString(), QStringLiteral("whip_custom"));
    const QJsonObject settings = service.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("server")).toString(), kDemoWhip);
    const QString token = settings.value(QStringLiteral("bearer_token")).toString();
    QVERIFY(token.startsWith(QLatin1String("eyJ")));
    m_tokensSeen.append(token);
    QCOMPARE(service, ivs::obsWhipService(kDemoWhip, token));
}

void TestCreateTokenCli::requestCarriesTheOptionsExactly()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    const Run created = run(
        {QStringLiteral("--arn"), kFullyConfiguredDemoArn, QStringLiteral("--endpoint-url"),
         endpoint.url().toString(), QStringLiteral("--user-id"), QStringLiteral("anna"),
         QStringLiteral("--duration-minutes"), QStringLiteral("20160"),
         QStringLiteral("--capability"), QStringLiteral("publish"), QStringLiteral("--capability"),
         QStringLiteral("SUBSCRIBE"), QStringLiteral("--attribute"), QStringLiteral("role=host"),
         QStringLiteral("--attribute"), QStringLiteral("note=a=b")});
    QCOMPARE(created.exitCode, int(cli::Success));
    QCOMPARE(endpoint.requests().size(), 2);
    QCOMPARE(endpoint.requests().at(0).path, QByteArray("/GetStage"));
    const net::HttpRequest &sent = endpoint.requests().at(1);
    QCOMPARE(sent.path, QByteArray("/CreateParticipantToken"));
    QCOMPARE(QJsonDocument::fromJson(sent.body).object(),
             (QJsonObject{{QStringLiteral("stageArn"), kFullyConfiguredDemoArn},
                          {QStringLiteral("duration"), 20160},
                          {QStringLiteral("userId"), QStringLiteral("anna")},
                          {QStringLiteral("capabilities"),
                           QJsonArray{QStringLiteral("PUBLISH"), QStringLiteral("SUBSCRIBE")}},
                          {QStringLiteral("attributes"),
                           QJsonObject{{QStringLiteral("role"), QStringLiteral("host")},
                                       {QStringLiteral("note"), QStringLiteral("a=b")}}}}));
    const QJsonObject json = parseObject(created.out);
    QCOMPARE(json.value(QStringLiteral("token")).toString(), kScriptedToken);
    QCOMPARE(json.value(QStringLiteral("server")).toString(), kSeedWhip);
    QCOMPARE(json.value(QStringLiteral("expirationTime")).toString(),
             QStringLiteral("2030-01-02T03:04:05Z"));
}

void TestCreateTokenCli::limitsAreCheckedBeforeAnyRequest_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("reason");
    QTest::newRow("zero minutes") << QStringList{QStringLiteral("--duration-minutes"),
                                                 QStringLiteral("0")}
                                  << QStringLiteral("1 minute to 14 days");
    QTest::newRow("over 14 days") << QStringList{QStringLiteral("--duration-minutes"),
                                                 QStringLiteral("20161")}
                                  << QStringLiteral("1 minute to 14 days");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--duration-minutes"),
                                                 QStringLiteral("12h")}
                                  << QStringLiteral("whole number of minutes");
    QTest::newRow("admin") << QStringList{QStringLiteral("--capability"), QStringLiteral("ADMIN")}
                           << QStringLiteral("\"ADMIN\" is not a capability");
    QTest::newRow("admin after publish")
        << QStringList{QStringLiteral("--capability"), QStringLiteral("PUBLISH"),
                       QStringLiteral("--capability"), QStringLiteral("ADMIN")}
        << QStringLiteral("\"ADMIN\" is not a capability");
    QTest::newRow("long user id") << QStringList{QStringLiteral("--user-id"),
                                                 QString(129, QLatin1Char('u'))}
                                  << QStringLiteral("at most 128");
    QTest::newRow("attribute without =")
        << QStringList{QStringLiteral("--attribute"), QStringLiteral("role")}
        << QStringLiteral("key=value");
    QTest::newRow("attribute twice")
        << QStringList{QStringLiteral("--attribute"), QStringLiteral("a=1"),
                       QStringLiteral("--attribute"), QStringLiteral("a=2")}
        << QStringLiteral("given twice");
    QTest::newRow("attributes over 1 KB")
        << QStringList{QStringLiteral("--attribute"),
                       QStringLiteral("a=") + QString(1100, QLatin1Char('x'))}
        << QStringLiteral("at most 1024 bytes");
    QTest::newRow("output") << QStringList{QStringLiteral("--output"), QStringLiteral("yaml")}
                            << QStringLiteral("--output must be");
    QTest::newRow("no arn") << QStringList{QStringLiteral("--arn"), QString()}
                            << QStringLiteral("arn");
}

void TestCreateTokenCli::limitsAreCheckedBeforeAnyRequest()
{
    QFETCH(QStringList, options);
    QFETCH(QString, reason);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    QStringList arguments{QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                          QStringLiteral("--endpoint-url"), endpoint.url().toString()};
    arguments += options;
    const Run refused = run(arguments);
    QCOMPARE(refused.exitCode, int(cli::UsageError));
    QCOMPARE(refused.out, QString());
    QVERIFY2(refused.err.contains(reason, Qt::CaseInsensitive), qPrintable(refused.err));
    QVERIFY2(isOneLine(refused.err), qPrintable(refused.err));
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestCreateTokenCli::missingStageCreatesNoToken()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(
        awsErrorResponse(404, "ResourceNotFoundException", QStringLiteral("Stage not there")));
    const Run refused = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                             QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(refused.exitCode, int(cli::NotFound));
    QVERIFY(isOneLine(refused.err));
    QCOMPARE(endpoint.requests().size(), 1);
    QCOMPARE(endpoint.requests().at(0).path, QByteArray("/GetStage"));
}

void TestCreateTokenCli::serviceErrorIsOneLineWithItsCode()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    endpoint.enqueue(awsErrorResponse(
        403, "AccessDeniedException",
        QStringLiteral("User is not authorized to perform: ivs:CreateParticipantToken")));
    const Run refused = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                             QStringLiteral("--endpoint-url"), endpoint.url().toString()});
    QCOMPARE(refused.exitCode, int(cli::AuthError));
    QCOMPARE(refused.out, QString());
    QVERIFY2(refused.err.contains(QLatin1String("AccessDeniedException")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("ivs:CreateParticipantToken")),
             qPrintable(refused.err));
    QVERIFY(isOneLine(refused.err));
}

void TestCreateTokenCli::tokenNeverReachesStandardErrorEvenVerbose()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    for (const QString &format : {QStringLiteral("json"), QStringLiteral("obs")}) {
        const Run created = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                                 QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                                 QStringLiteral("--verbose"), QStringLiteral("--output"), format});
        QCOMPARE(created.exitCode, int(cli::Success));
        QVERIFY(created.out.contains(kScriptedToken));
        // --verbose did report: the search below looks at real lines.
        QVERIFY2(created.err.contains(QLatin1String("/CreateParticipantToken")),
                 qPrintable(created.err));
        QVERIFY(!created.err.contains(kScriptedToken));
        QVERIFY(!created.err.contains(kScriptedToken.left(12)));
    }
    const Run demo = run({QStringLiteral("--demo"), QStringLiteral("--verbose"),
                          QStringLiteral("--arn"), kFullyConfiguredDemoArn});
    QCOMPARE(demo.exitCode, int(cli::Success));
    const QString token = parseObject(demo.out).value(QStringLiteral("token")).toString();
    QVERIFY(!token.isEmpty());
    QVERIFY(!demo.err.isEmpty());
    QVERIFY(!demo.err.contains(token));
}

void TestCreateTokenCli::helpDocumentsLimitsAndFormats()
{
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, int(cli::Success));
    for (const QString &expected :
         {QStringLiteral("Usage: ivs-stage-browser create-token --arn ARN"),
          QStringLiteral("--duration-minutes"), QStringLiteral("20160"),
          QStringLiteral("--capability"), QStringLiteral("--attribute"), QStringLiteral("json|obs"),
          QStringLiteral("service.json"), QStringLiteral("--endpoint-url"),
          QStringLiteral("Exit codes")})
        QVERIFY2(help.out.contains(expected), qPrintable(expected));
    QCOMPARE(cli::createTokenHelpText(), help.out);
}

// Last, so that every token the other tests were given is searched for.
void TestCreateTokenCli::tokenNeverReachesAFile()
{
    m_tokensSeen.append(kScriptedToken);
    QVERIFY(m_tokensSeen.size() >= 4);
    int filesSearched = 0;
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++filesSearched;
        const QByteArray contents = file.readAll();
        for (const QString &token : std::as_const(m_tokensSeen))
            QVERIFY2(!contents.contains(token.toUtf8()), qPrintable(path));
    }
    QVERIFY2(filesSearched > 0, "the settings file at least was searched");
}

QTEST_GUILESS_MAIN(TestCreateTokenCli)
#include "tst_create_token_cli.moc"
