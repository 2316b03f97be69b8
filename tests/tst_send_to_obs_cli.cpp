#include "cli/create_token_command.h"
#include "cli/exit_codes.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/fake_obs.h"
#include "support/keyring_session.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace testsupport;

namespace {

const QString kSeedWhip = QStringLiteral("https://0123456789ab.global-bm.whip.live-video.net");
const QString kDemoWhip = QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net");
const QString kScriptedToken = QStringLiteral("eyJscripted.Token-Value_0123456789.sig");
const QString kPassword = QStringLiteral("studio-obs-pw");

} // namespace

// `create-token --send-to-obs`: OBS checked first, the token set in OBS and read back, every
// failure with its own message and the exit code of the table in README "Command line".
class TestSendToObsCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void setsObsAndPrintsNoToken();
    void outputOptionStillPrintsTheToken();
    void obsNotRunningIsExitCode6AndNoToken();
    void streamingObsIsExitCode5AndNoToken();
    void evenIfStreamingGoesAhead();
    void refusedSetIsExitCode5WithCodeAndComment();
    void obsOptionsAreCheckedBeforeAnything_data();
    void obsOptionsAreCheckedBeforeAnything();
    void passwordFromStandardInput();
    void wrongPasswordIsExitCode3();

private:
    Run run(const QStringList &arguments);
    Run runBinary(const QStringList &arguments, const QByteArray &input);
    void serveSeedStageAndToken(ScriptedEndpoint &endpoint);

    KeyringSession m_keyring;
    QString m_keyringError;
    QProcessEnvironment m_environment;
};

void TestSendToObsCli::initTestCase()
{
    // The command looks for a saved OBS password: in a private keyring, never the user's.
    QVERIFY2(m_keyring.start(&m_keyringError), qPrintable(m_keyringError));
    m_keyring.exportToThisProcess();
    m_environment = m_keyring.environment();
    const QProcessEnvironment keys =
        environmentWith(QStringLiteral("AKIDSENDTOOBS"), QStringLiteral("send-secret"));
    for (const QString &name : keys.keys())
        m_environment.insert(name, keys.value(name));
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    qputenv("HOME", m_keyring.homePath().toUtf8());
}

Run TestSendToObsCli::run(const QStringList &arguments)
{
    return runInProcess(cli::runCreateToken, arguments, m_environment);
}

Run TestSendToObsCli::runBinary(const QStringList &arguments, const QByteArray &input)
{
    return runAppBinary(QStringList{QStringLiteral("create-token")} + arguments, m_environment,
                        input);
}

void TestSendToObsCli::serveSeedStageAndToken(ScriptedEndpoint &endpoint)
{
    const QByteArray stage = readTestData(QStringLiteral("get_stage_seed_response.json"));
    endpoint.setHandler([stage](const net::HttpRequest &request) {
        if (request.path == "/GetStage")
            return net::HttpResponse::json(200, stage);
        const QJsonObject token{
            {QStringLiteral("participantId"), QStringLiteral("pScripted01")},
            {QStringLiteral("token"), kScriptedToken},
            {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("PUBLISH")}},
            {QStringLiteral("expirationTime"), QStringLiteral("2030-01-02T03:04:05Z")},
        };
        return net::HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("participantToken"), token}})
                     .toJson(QJsonDocument::Compact));
    });
}

void TestSendToObsCli::setsObsAndPrintsNoToken()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    const Run sent = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                          QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                          QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url()});
    QCOMPARE(sent.exitCode, int(cli::Success));
    QCOMPARE(sent.err, QString());
    QCOMPARE(sent.out, QStringLiteral("OBS at %1 now streams to %2 over WHIP, with the new token. "
                                      "Start Streaming in OBS to go live.\n")
                           .arg(obs.url(), kSeedWhip));
    QCOMPARE(obs.serviceType(), QStringLiteral("whip_custom"));
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("server")).toString(), kSeedWhip);
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("bearer_token")).toString(),
             kScriptedToken);
    QCOMPARE(obs.requestTypes(), (QStringList{QStringLiteral("GetStreamStatus"),
                                              QStringLiteral("SetStreamServiceSettings"),
                                              QStringLiteral("GetStreamServiceSettings")}));
    QCOMPARE(endpoint.requestsTo("/CreateParticipantToken"), 1);
}

void TestSendToObsCli::outputOptionStillPrintsTheToken()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    const Run sent =
        run({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
             QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url(),
             QStringLiteral("--output"), QStringLiteral("json")});
    QCOMPARE(sent.exitCode, int(cli::Success));
    const QJsonObject json = QJsonDocument::fromJson(sent.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("server")).toString(), kDemoWhip);
    QCOMPARE(json.value(QStringLiteral("token")).toString(),
             obs.serviceSettings().value(QStringLiteral("bearer_token")).toString());
}

void TestSendToObsCli::obsNotRunningIsExitCode6AndNoToken()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(taken.serverPort());
    taken.close();
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    const Run sent = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                          QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                          QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), url});
    QCOMPARE(sent.exitCode, int(cli::NetworkError));
    QCOMPARE(sent.out, QString());
    QVERIFY2(sent.err.contains(QStringLiteral("OBS is not running at ") + url),
             qPrintable(sent.err));
    QCOMPARE(sent.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(endpoint.requestsTo("/CreateParticipantToken"), 0);
}

void TestSendToObsCli::streamingObsIsExitCode5AndNoToken()
{
    FakeObs obs;
    obs.setStreaming(true);
    QVERIFY(obs.listen());
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    serveSeedStageAndToken(endpoint);
    const Run sent = run({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                          QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                          QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url()});
    QCOMPARE(sent.exitCode, int(cli::ServiceError));
    QVERIFY2(sent.err.contains(QLatin1String("is streaming")), qPrintable(sent.err));
    QCOMPARE(endpoint.requestsTo("/CreateParticipantToken"), 0);
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_common"));
}

void TestSendToObsCli::evenIfStreamingGoesAhead()
{
    FakeObs obs;
    obs.setStreaming(true);
    QVERIFY(obs.listen());
    const Run sent =
        run({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
             QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url(),
             QStringLiteral("--obs-even-if-streaming")});
    QCOMPARE(sent.exitCode, int(cli::Success));
    QCOMPARE(obs.serviceType(), QStringLiteral("whip_custom"));
}

void TestSendToObsCli::refusedSetIsExitCode5WithCodeAndComment()
{
    FakeObs obs;
    obs.refuseSet(402, QStringLiteral("Field `streamServiceType` has an invalid value."));
    QVERIFY(obs.listen());
    const Run sent =
        run({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
             QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url()});
    QCOMPARE(sent.exitCode, int(cli::ServiceError));
    QVERIFY2(sent.err.contains(QLatin1String("OBS refused SetStreamServiceSettings with code "
                                             "402: Field `streamServiceType` has an invalid "
                                             "value.")),
             qPrintable(sent.err));
    // The token made for it is neither printed nor kept.
    QVERIFY(sent.err.contains(QLatin1String("was not printed")));
    QVERIFY(!sent.err.contains(QLatin1String("eyJ")));
    QCOMPARE(sent.out, QString());
}

void TestSendToObsCli::obsOptionsAreCheckedBeforeAnything_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("url without send")
        << QStringList{QStringLiteral("--obs-url"), QStringLiteral("ws://127.0.0.1:4455")}
        << QStringLiteral("--obs-url goes with --send-to-obs.");
    QTest::newRow("streaming without send")
        << QStringList{QStringLiteral("--obs-even-if-streaming")}
        << QStringLiteral("--obs-even-if-streaming goes with --send-to-obs.");
    QTest::newRow("other computer in clear")
        << QStringList{QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"),
                       QStringLiteral("ws://192.168.1.20:4455")}
        << QStringLiteral("ws:// is accepted only for OBS on this computer");
    QTest::newRow("save without stdin")
        << QStringList{QStringLiteral("--send-to-obs"), QStringLiteral("--obs-save-password")}
        << QStringLiteral("--obs-save-password saves the password read with");
}

void TestSendToObsCli::obsOptionsAreCheckedBeforeAnything()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const Run refused =
        run(QStringList{QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                        QStringLiteral("--endpoint-url"), endpoint.url().toString()} +
            options);
    QCOMPARE(refused.exitCode, int(cli::UsageError));
    QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestSendToObsCli::passwordFromStandardInput()
{
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    const Run sent =
        runBinary({QStringLiteral("--demo"), QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                   QStringLiteral("--send-to-obs"), QStringLiteral("--obs-url"), obs.url(),
                   QStringLiteral("--obs-password-stdin")},
                  kPassword.toUtf8() + '\n');
    QVERIFY2(sent.exitCode == int(cli::Success), qPrintable(sent.err));
    QVERIFY(obs.wasIdentified());
    QCOMPARE(obs.serviceType(), QStringLiteral("whip_custom"));
    for (const QString &message : obs.received())
        QVERIFY(!message.contains(kPassword));
    QVERIFY(!sent.out.contains(kPassword) && !sent.err.contains(kPassword));
}

void TestSendToObsCli::wrongPasswordIsExitCode3()
{
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    const QStringList arguments{QStringLiteral("--demo"),
                                QStringLiteral("--arn"),
                                kFullyConfiguredDemoArn,
                                QStringLiteral("--send-to-obs"),
                                QStringLiteral("--obs-url"),
                                obs.url(),
                                QStringLiteral("--obs-password-stdin")};
    const Run wrong = runBinary(arguments, QByteArrayLiteral("guess\n"));
    QCOMPARE(wrong.exitCode, int(cli::AuthError));
    QVERIFY2(wrong.err.contains(QLatin1String("refused the password (close code 4009)")),
             qPrintable(wrong.err));
    QVERIFY(!wrong.err.contains(QLatin1String("guess")));
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_common"));
    // No password at all, and none saved: said as such.
    const Run none = runBinary(arguments.mid(0, arguments.size() - 1), {});
    QCOMPARE(none.exitCode, int(cli::AuthError));
    QVERIFY2(none.err.contains(QLatin1String("asks for a password and none was given")),
             qPrintable(none.err));
}

QTEST_GUILESS_MAIN(TestSendToObsCli)
#include "tst_send_to_obs_cli.moc"
