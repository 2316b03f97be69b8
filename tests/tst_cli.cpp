#include "cli/exit_codes.h"
#include "cli/get_stage_command.h"
#include "demo/demo_stages.h"
#include "identity/app_identity.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace testsupport;

namespace {

QProcessEnvironment environmentWithKeys()
{
    return environmentWith(QStringLiteral("AKIDCLITEST"), QStringLiteral("cli-test-secret"));
}

Run runInProcess(const QStringList &arguments,
                 const QProcessEnvironment &environment = environmentWithKeys())
{
    return testsupport::runInProcess(&cli::runGetStage, arguments, environment);
}

Run runBinary(const QStringList &arguments,
              QProcessEnvironment environment = QProcessEnvironment::systemEnvironment())
{
    environment.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
    environment.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    return testsupport::runAppBinary(arguments, environment);
}

bool isOneLine(const QString &text)
{
    return text.endsWith(QLatin1Char('\n')) && text.count(QLatin1Char('\n')) == 1;
}

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void treeOutputMarksDefaults();
    void jsonOutputIsTheStageAsReceived();
    void usageErrors_data();
    void usageErrors();
    void badArnIsRefusedBeforeAnyRequest_data();
    void badArnIsRefusedBeforeAnyRequest();
    void missingCredentialsAreAnAuthError();
    void serviceErrorsMapToDistinctCodes_data();
    void serviceErrorsMapToDistinctCodes();
    void notFoundOnTheDemoEndpoint();
    void refusedConnectionIsANetworkError();
    void regionOverrideIsUsedAndNoted();
    void verboseReportsRequestsAndRetriesWithoutSecrets();
    void passwordInTheEndpointUrlIsNeverShown();
    void binaryHelpDocumentsOptionsAndExitCodes();
    void binaryRunsAgainstTheDemoEndpoint();
    void binaryRejectsABadArnWithOneLine();
    void binaryAnswersVersionAndHelpWithoutADisplay();
};

void TestCli::treeOutputMarksDefaults()
{
    const Run run =
        runInProcess({QStringLiteral("--demo"), QStringLiteral("--arn"), kOlderDemoArn});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY(run.err.isEmpty());
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("^name +town-hall$"),
                                                 QRegularExpression::MultilineOption)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(
                 QStringLiteral("^    targetIntervalSeconds +60  \\[default\\]$"),
                 QRegularExpression::MultilineOption)),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("^  rtmps +—  \\[not returned"),
                                                 QRegularExpression::MultilineOption)),
             qPrintable(run.out));
}

void TestCli::jsonOutputIsTheStageAsReceived()
{
    const Run run =
        runInProcess({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                      QStringLiteral("--output"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, int(cli::Success));
    QJsonParseError error;
    const QJsonDocument printed = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(printed.object(), demo::sampleStages().at(0));
    // "As received": no defaults are filled in.
    const Run older =
        runInProcess({QStringLiteral("--demo"), QStringLiteral("--arn"), kOlderDemoArn,
                      QStringLiteral("--output"), QStringLiteral("json")});
    QVERIFY(!older.out.contains(QLatin1String("autoParticipantRecordingConfiguration")));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no arn") << QStringList{} << QStringLiteral("--arn is required");
    QTest::newRow("bad arn") << QStringList{QStringLiteral("--arn"),
                                            QStringLiteral(
                                                "arn:aws:ivs:us-west-2:123456789012:channel/x")}
                             << QStringLiteral("channel");
    QTest::newRow("bad output") << QStringList{QStringLiteral("--arn"), kArn,
                                               QStringLiteral("--output"), QStringLiteral("yaml")}
                                << QStringLiteral("--output must be");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--arn"), kArn, QStringLiteral("--colour")}
        << QStringLiteral("Unknown option");
    QTest::newRow("stray argument")
        << QStringList{QStringLiteral("--arn"), kArn, QStringLiteral("extra")}
        << QStringLiteral("Unexpected argument");
    QTest::newRow("zero timeout") << QStringList{QStringLiteral("--arn"), kArn,
                                                 QStringLiteral("--timeout"), QStringLiteral("0")}
                                  << QStringLiteral("--timeout must be a whole number");
    QTest::newRow("empty region") << QStringList{QStringLiteral("--arn"), kArn,
                                                 QStringLiteral("--region"), QString()}
                                  << QStringLiteral("--region needs a value");
    QTest::newRow("plain http off loopback")
        << QStringList{QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                       QStringLiteral("http://example.com")}
        << QStringLiteral("Refusing to send signed requests over plain http");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runInProcess(arguments);
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
}

void TestCli::badArnIsRefusedBeforeAnyRequest_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("reason");
    QTest::newRow("region without dashes")
        << QStringLiteral("arn:aws:ivs:uswest2:123456789012:stage/abcdABCDefgh")
        << QStringLiteral("Region \"uswest2\" is not valid");
    QTest::newRow("five-digit account")
        << QStringLiteral("arn:aws:ivs:us-west-2:12345:stage/abcdABCDefgh")
        << QStringLiteral("Account \"12345\" is not valid: an AWS account ID is a 12-digit");
}

// Such an ARN would be signed for a region that does not exist and answered "not found" (or not
// at all): it is refused as a usage error, with the reason, and nothing is sent.
void TestCli::badArnIsRefusedBeforeAnyRequest()
{
    QFETCH(QString, arn);
    QFETCH(QString, reason);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const Run run = runInProcess({QStringLiteral("--arn"), arn, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(endpoint.requests().isEmpty());
}

void TestCli::missingCredentialsAreAnAuthError()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()},
                                 QProcessEnvironment());
    QCOMPARE(run.exitCode, int(cli::AuthError));
    QVERIFY2(run.err.contains(QLatin1String("AWS_ACCESS_KEY_ID")), qPrintable(run.err));
    QVERIFY(isOneLine(run.err));
    QVERIFY(endpoint.requests().isEmpty());
}

void TestCli::serviceErrorsMapToDistinctCodes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("signature") << 403 << QByteArray("InvalidSignatureException")
                               << int(cli::AuthError);
    QTest::newRow("unknown key") << 403 << QByteArray("UnrecognizedClientException")
                                 << int(cli::AuthError);
    QTest::newRow("expired token")
        << 403 << QByteArray("ExpiredTokenException") << int(cli::AuthError);
    QTest::newRow("access denied")
        << 403 << QByteArray("AccessDeniedException") << int(cli::AuthError);
    QTest::newRow("not found") << 404 << QByteArray("ResourceNotFoundException")
                               << int(cli::NotFound);
    QTest::newRow("validation") << 400 << QByteArray("ValidationException")
                                << int(cli::ServiceError);
    QTest::newRow("internal") << 500 << QByteArray("InternalServerException")
                              << int(cli::ServiceError);
    QTest::newRow("throttled") << 429 << QByteArray("ThrottlingException")
                               << int(cli::ServiceError);
}

void TestCli::serviceErrorsMapToDistinctCodes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    QFETCH(int, exitCode);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(awsErrorResponse(status, errorType, QStringLiteral("scripted failure")));
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QString::fromLatin1(errorType)), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("scripted failure")), qPrintable(run.err));
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QCOMPARE(endpoint.requests().size(), 1);
}

void TestCli::notFoundOnTheDemoEndpoint()
{
    const Run run =
        runInProcess({QStringLiteral("--demo"), QStringLiteral("--arn"),
                      QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/missing")});
    QCOMPARE(run.exitCode, int(cli::NotFound));
    QVERIFY2(run.err.contains(QLatin1String("Stage not found")), qPrintable(run.err));
}

void TestCli::refusedConnectionIsANetworkError()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close(); // nothing listens there now
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                                  QStringLiteral("http://127.0.0.1:%1").arg(port)});
    QCOMPARE(run.exitCode, int(cli::NetworkError));
    QVERIFY2(run.err.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(run.err));
}

void TestCli::regionOverrideIsUsedAndNoted()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--region"),
                                  QStringLiteral("eu-west-1"), QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()});
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(
        run.err.contains(QLatin1String("calling region eu-west-1, but the ARN is in us-west-2")),
        qPrintable(run.err));
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(
        endpoint.requests().at(0).header("authorization").contains("/eu-west-1/ivs/aws4_request"));
}

void TestCli::verboseReportsRequestsAndRetriesWithoutSecrets()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(awsErrorResponse(503, "ServiceUnavailableException", QStringLiteral("busy")));
    endpoint.enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QProcessEnvironment environment = environmentWithKeys();
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("2"));
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString(), QStringLiteral("--verbose")},
                                 environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.contains(QLatin1String("credentials from environment variables")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(
                 QStringLiteral("/GetStage (region us-west-2, credentials AKID…TEST, attempt 1)")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("retrying in")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("attempt 2)")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("cli-test-secret")));
    QVERIFY(!run.err.contains(QLatin1String("AKIDCLITEST")));
    QCOMPARE(endpoint.requests().size(), 2);
}

void TestCli::passwordInTheEndpointUrlIsNeverShown()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QUrl withPassword = endpoint.url();
    withPassword.setUserName(QStringLiteral("proxyuser"));
    withPassword.setPassword(QStringLiteral("Sup3rSecretPassw0rd"));
    const Run run = runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                                  withPassword.toString(), QStringLiteral("--verbose")},
                                 environmentWithKeys());
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY2(
        run.err.contains(
            QStringLiteral("http://redacted@127.0.0.1:%1/GetStage").arg(endpoint.url().port())),
        qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("Sup3rSecretPassw0rd")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("proxyuser")), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QLatin1String("Sup3rSecretPassw0rd")), qPrintable(run.out));

    // And in the refusal of a URL that is not allowed.
    const Run refused =
        runInProcess({QStringLiteral("--arn"), kArn, QStringLiteral("--endpoint-url"),
                      QStringLiteral("ftp://proxyuser:Sup3rSecretPassw0rd@127.0.0.1:1/")},
                     environmentWithKeys());
    QCOMPARE(refused.exitCode, int(cli::UsageError));
    QVERIFY2(!refused.err.contains(QLatin1String("Sup3rSecretPassw0rd")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("redacted@")), qPrintable(refused.err));
}

void TestCli::binaryHelpDocumentsOptionsAndExitCodes()
{
    const Run run = runBinary({QStringLiteral("get-stage"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const QString &expected :
         {QStringLiteral("--arn"), QStringLiteral("--region"), QStringLiteral("--endpoint-url"),
          QStringLiteral("--output"), QStringLiteral("Exit codes"),
          QStringLiteral("6  network or TLS")})
        QVERIFY2(run.out.contains(expected), qPrintable(expected));

    const Run windowHelp = runBinary({QStringLiteral("--help")});
    QCOMPARE(windowHelp.exitCode, 0);
    QVERIFY2(windowHelp.out.contains(QLatin1String("get-stage --help")),
             qPrintable(windowHelp.out));
    QVERIFY(windowHelp.out.contains(QLatin1String("--demo")));
}

void TestCli::binaryRunsAgainstTheDemoEndpoint()
{
    const Run run = runBinary({QStringLiteral("get-stage"), QStringLiteral("--demo"),
                               QStringLiteral("--arn"), kDefaultsDemoArn});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("podcast-room")), qPrintable(run.out + run.err));
}

void TestCli::binaryRejectsABadArnWithOneLine()
{
    const Run run = runBinary(
        {QStringLiteral("get-stage"), QStringLiteral("--arn"), QStringLiteral("abcdABCDefgh")});
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(isOneLine(run.err), qPrintable(run.err));
    QVERIFY(run.err.contains(QLatin1String("looks like a stage ID")));
}

void TestCli::binaryAnswersVersionAndHelpWithoutADisplay()
{
    // As on a server or in a container: no display and no platform plugin chosen, where creating
    // a QApplication aborts. Settings go to a scratch home, never the user's.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment headless = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"),
                                QStringLiteral("WAYLAND_DISPLAY")})
        headless.remove(name);
    headless.insert(QStringLiteral("HOME"), home.path());
    headless.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));

    const Run version = runBinary({QStringLiteral("--version")}, headless);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("ivs-stage-browser %1\n").arg(identity::version()));
    QVERIFY2(version.err.isEmpty(), qPrintable(version.err));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))
                .match(identity::version())
                .hasMatch());

    const Run shortVersion = runBinary({QStringLiteral("-v")}, headless);
    QCOMPARE(shortVersion.exitCode, 0);
    QCOMPARE(shortVersion.out, version.out);

    const Run help = runBinary({QStringLiteral("--help")}, headless);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith(QLatin1String("Usage: ")), qPrintable(help.out));
    for (const QString &expected :
         {QStringLiteral("--demo"), QStringLiteral("--arn <ARN>"), QStringLiteral("--version"),
          QStringLiteral("get-stage --help")})
        QVERIFY2(help.out.contains(expected), qPrintable(expected));
    QVERIFY2(help.err.isEmpty(), qPrintable(help.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
