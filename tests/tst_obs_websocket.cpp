#include "keychain/keychain_store.h"
#include "obs/obs_client.h"
#include "support/fake_obs.h"
#include "support/keyring_session.h"
#include "workspace/obs_handoff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace testsupport;
using obs::ObsError;
using obs::ObsErrorKind;
using workspace::ObsHandoff;
using workspace::ObsSettings;

namespace {

const QString kServer = QStringLiteral("https://0123456789ab.global-bm.whip.live-video.net");
const QString kToken = QStringLiteral("eyJfake.Token-For-Obs_0123456789.sig");
const QString kPassword = QStringLiteral("obs-pässwort-42");

// A loopback port nobody listens on: taken, then given back.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Hands the token over at once, counting how often it was asked for.
ObsHandoff::SecretStep tokenStep(int *asked)
{
    return [asked](QObject *, ObsHandoff::SecretDone done) {
        ++*asked;
        done(workspace::whipStreamService(kServer, kToken), {});
    };
}

struct Outcome {
    bool sent = false;
    QString summary;
    QString note;
    std::optional<ObsError> error;
};

} // namespace

// The obs-websocket 5 client and the Send to OBS sequence, against a fake OBS on 127.0.0.1.
class TestObsWebSocket : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void authenticationIsTheProtocolsHash();
    void addressesOtherThanThisComputerNeedWss_data();
    void addressesOtherThanThisComputerNeedWss();
    void sendsWhipServiceAndReadsItBack();
    void passwordIsNeverSentOnlyItsHash();
    void wrongPasswordIsCloseCode4009();
    void missingPasswordIsSaidBeforeAnyToken();
    void obsNotRunningIsSaidWithTheAddress();
    void silentServerTimesOut();
    void streamingObsIsLeftAloneUnlessToldOtherwise();
    void refusedRequestCarriesCodeAndComment();
    void readBackMismatchIsReportedWithoutTheSecret();
    void oversizedAnswerIsRefused();
    void oldProtocolIsRefused();
    void failedSecretStepLeavesObsAlone();
    void rtmpServiceCarriesServerAndKey();
    void cancelledHandoffSaysNothing();
    void rememberedPasswordComesFromTheKeychain();

private:
    KeyringSession m_keyring;
    QString m_keyringError;
    bool m_keyringReady = false;
    Outcome run(const ObsSettings &settings, ObsHandoff::SecretStep step,
                keychain::KeychainStore *keychain = nullptr);
};

void TestObsWebSocket::initTestCase()
{
    qRegisterMetaType<obs::ObsError>();
    // Before anything uses D-Bus: the keychain keeps its first session connection.
    m_keyringReady = m_keyring.start(&m_keyringError);
    if (m_keyringReady)
        m_keyring.exportToThisProcess();
}

Outcome TestObsWebSocket::run(const ObsSettings &settings, ObsHandoff::SecretStep step,
                              keychain::KeychainStore *keychain)
{
    ObsHandoff handoff(keychain);
    handoff.setTimeout(std::chrono::milliseconds(3000));
    Outcome outcome;
    bool done = false;
    connect(&handoff, &ObsHandoff::sent, this, [&](const QString &summary, const QString &note) {
        outcome.sent = true;
        outcome.summary = summary;
        outcome.note = note;
        done = true;
    });
    connect(&handoff, &ObsHandoff::failed, this, [&](const ObsError &error) {
        outcome.error = error;
        done = true;
    });
    handoff.start(settings, std::move(step));
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("the hand-off never ended");
    return outcome;
}

void TestObsWebSocket::authenticationIsTheProtocolsHash()
{
    // The example of the obs-websocket 5 protocol document.
    QCOMPARE(obs::ObsClient::authenticationString(
                 QStringLiteral("supersecretpassword"),
                 QStringLiteral("lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI="),
                 QStringLiteral("+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=")),
             QStringLiteral("1Ct943GAT+6YQUUX47Ia/ncufilbe6+oD6lY+5kaCu4="));
    // Non-ASCII passwords are hashed as UTF-8 (computed independently with Python's hashlib).
    QCOMPARE(obs::ObsClient::authenticationString(QStringLiteral("pässwort"),
                                                  QStringLiteral("c2FsdA=="),
                                                  QStringLiteral("Y2hhbGxlbmdl")),
             QStringLiteral("Wvybq4AY9u0FFVEccdsH/Dh/uFLgUiZNJyznQnjeHHM="));
}

void TestObsWebSocket::addressesOtherThanThisComputerNeedWss_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default") << obs::ObsClient::defaultUrl() << true;
    QTest::newRow("localhost") << QStringLiteral("ws://localhost:4455") << true;
    QTest::newRow("ipv6 loopback") << QStringLiteral("ws://[::1]:4455") << true;
    QTest::newRow("lan in clear") << QStringLiteral("ws://192.168.1.20:4455") << false;
    QTest::newRow("name in clear") << QStringLiteral("ws://studio-pc.local:4455") << false;
    QTest::newRow("lan over tls") << QStringLiteral("wss://studio-pc.local:4455") << true;
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:4455") << false;
    QTest::newRow("password in url") << QStringLiteral("ws://:secret@127.0.0.1:4455") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestObsWebSocket::addressesOtherThanThisComputerNeedWss()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QString problem = obs::ObsClient::urlProblem(url);
    QCOMPARE(problem.isEmpty(), accepted);
    QVERIFY2(!problem.contains(QLatin1String("secret")), qPrintable(problem));
    if (!accepted) {
        // Refused before any connection, with the reason.
        int asked = 0;
        const Outcome outcome = run({url, {}, false, false}, tokenStep(&asked));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind, ObsErrorKind::BadUrl);
        QCOMPARE(asked, 0);
    }
}

void TestObsWebSocket::sendsWhipServiceAndReadsItBack()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QCOMPARE(asked, 1);
    QCOMPARE(obs.requestTypes(), (QStringList{QStringLiteral("GetStreamStatus"),
                                              QStringLiteral("SetStreamServiceSettings"),
                                              QStringLiteral("GetStreamServiceSettings")}));
    QCOMPARE(obs.serviceType(), QStringLiteral("whip_custom"));
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("server")).toString(), kServer);
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("bearer_token")).toString(), kToken);
    QVERIFY(outcome.summary.contains(kServer));
    QVERIFY(!outcome.summary.contains(kToken));
    // Requests are told apart by their ids.
    QSet<QString> ids;
    for (const QString &message : obs.received())
        if (message.contains(QLatin1String("\"op\":6")))
            ids.insert(QJsonDocument::fromJson(message.toUtf8())
                           .object()
                           .value(QStringLiteral("d"))
                           .toObject()
                           .value(QStringLiteral("requestId"))
                           .toString());
    QCOMPARE(ids.size(), 3);
}

void TestObsWebSocket::passwordIsNeverSentOnlyItsHash()
{
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), kPassword, false, false}, tokenStep(&asked));
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QVERIFY(obs.wasIdentified());
    QVERIFY(!obs.received().isEmpty());
    for (const QString &message : obs.received())
        QVERIFY2(!message.contains(kPassword), qPrintable(message));
    QVERIFY(obs.received().constFirst().contains(
        obs::ObsClient::authenticationString(kPassword, FakeObs::kSalt, FakeObs::kChallenge)));
}

void TestObsWebSocket::wrongPasswordIsCloseCode4009()
{
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome =
        run({obs.url(), QStringLiteral("not-it"), false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::WrongPassword);
    QCOMPARE(outcome.error->code, 4009);
    QVERIFY2(outcome.error->message.contains(QLatin1String("refused the password")),
             qPrintable(outcome.error->message));
    QVERIFY(!outcome.error->message.contains(QLatin1String("not-it")));
    QCOMPARE(asked, 0);
    QVERIFY(obs.requestTypes().isEmpty());
}

void TestObsWebSocket::missingPasswordIsSaidBeforeAnyToken()
{
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::PasswordRequired);
    QVERIFY(outcome.error->message.contains(obs.url()));
    QCOMPARE(asked, 0);
}

void TestObsWebSocket::obsNotRunningIsSaidWithTheAddress()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(port);
    int asked = 0;
    const Outcome outcome = run({url, {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::NotRunning);
    QVERIFY2(outcome.error->message.startsWith(QStringLiteral("OBS is not running at ") + url),
             qPrintable(outcome.error->message));
    QCOMPARE(asked, 0);
}

void TestObsWebSocket::silentServerTimesOut()
{
    FakeObs obs;
    obs.setSilent(true);
    QVERIFY(obs.listen());
    ObsHandoff handoff(nullptr);
    handoff.setTimeout(std::chrono::milliseconds(300));
    QSignalSpy failed(&handoff, &ObsHandoff::failed);
    int asked = 0;
    handoff.start({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<ObsError>().kind, ObsErrorKind::Timeout);
    QCOMPARE(obs.connections(), 1);
    QCOMPARE(asked, 0);
}

void TestObsWebSocket::streamingObsIsLeftAloneUnlessToldOtherwise()
{
    FakeObs obs;
    obs.setStreaming(true);
    QVERIFY(obs.listen());
    int asked = 0;
    Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::Streaming);
    QVERIFY(outcome.error->message.contains(QLatin1String("is streaming")));
    QCOMPARE(asked, 0);
    QCOMPARE(obs.requestTypes(), QStringList{QStringLiteral("GetStreamStatus")});
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_common"));

    outcome = run({obs.url(), {}, false, true}, tokenStep(&asked));
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QCOMPARE(asked, 1);
    QCOMPARE(obs.serviceType(), QStringLiteral("whip_custom"));
}

void TestObsWebSocket::refusedRequestCarriesCodeAndComment()
{
    FakeObs obs;
    obs.refuseSet(500, QStringLiteral("Unable to set stream service settings while streaming."));
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::Refused);
    QCOMPARE(outcome.error->code, 500);
    QCOMPARE(outcome.error->message,
             QStringLiteral("OBS refused SetStreamServiceSettings with code 500: Unable to set "
                            "stream service settings while streaming."));
    QVERIFY(!obs.requestTypes().contains(QStringLiteral("GetStreamServiceSettings")));
}

void TestObsWebSocket::readBackMismatchIsReportedWithoutTheSecret()
{
    FakeObs obs;
    obs.setReadBack(QStringLiteral("whip_custom"),
                    {{QStringLiteral("server"), QStringLiteral("https://elsewhere.example")},
                     {QStringLiteral("bearer_token"), QStringLiteral("someone-elses-token")}});
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::Mismatch);
    QVERIFY2(outcome.error->message.contains(QLatin1String("https://elsewhere.example")),
             qPrintable(outcome.error->message));
    QVERIFY(
        outcome.error->message.contains(QLatin1String("\"bearer_token\" is not what was sent")));
    QVERIFY(!outcome.error->message.contains(kToken));
    QVERIFY(!outcome.error->message.contains(QLatin1String("someone-elses-token")));
}

void TestObsWebSocket::oversizedAnswerIsRefused()
{
    FakeObs obs;
    obs.setOversizedAnswer(obs::ObsClient::kMaxMessageBytes + 1024);
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QVERIFY2(outcome.error->kind == ObsErrorKind::Disconnected ||
                 outcome.error->kind == ObsErrorKind::Network,
             qPrintable(outcome.error->message));
    QCOMPARE(asked, 0);
}

void TestObsWebSocket::oldProtocolIsRefused()
{
    FakeObs obs;
    obs.setRpcVersion(0);
    QVERIFY(obs.listen());
    int asked = 0;
    const Outcome outcome = run({obs.url(), {}, false, false}, tokenStep(&asked));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::Protocol);
    QVERIFY(outcome.error->message.contains(QLatin1String("OBS Studio 28")));
}

void TestObsWebSocket::failedSecretStepLeavesObsAlone()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    const Outcome outcome =
        run({obs.url(), {}, false, false}, [](QObject *, ObsHandoff::SecretDone done) {
            done(std::nullopt, QStringLiteral("AccessDeniedException: not allowed"));
        });
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ObsErrorKind::Secret);
    QCOMPARE(outcome.error->message, QStringLiteral("AccessDeniedException: not allowed"));
    QCOMPARE(obs.requestTypes(), QStringList{QStringLiteral("GetStreamStatus")});
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_common"));
}

void TestObsWebSocket::rtmpServiceCarriesServerAndKey()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    const QString rtmps =
        QStringLiteral("rtmps://0123456789ab.global-contribute.live-video.net:443/app/");
    const Outcome outcome =
        run({obs.url(), {}, false, false}, [rtmps](QObject *, ObsHandoff::SecretDone done) {
            done(workspace::rtmpStreamService(rtmps, QStringLiteral("sk_us-east-1_key")), {});
        });
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_custom"));
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("server")).toString(), rtmps);
    QCOMPARE(obs.serviceSettings().value(QStringLiteral("key")).toString(),
             QStringLiteral("sk_us-east-1_key"));

    // OBS may keep flags its own way: only the server and the secret decide.
    obs.setReadBack(QStringLiteral("rtmp_custom"),
                    {{QStringLiteral("server"), rtmps},
                     {QStringLiteral("key"), QStringLiteral("sk_us-east-1_key")},
                     {QStringLiteral("bwtest"), false}});
    const Outcome again =
        run({obs.url(), {}, false, false}, [rtmps](QObject *, ObsHandoff::SecretDone done) {
            done(workspace::rtmpStreamService(rtmps, QStringLiteral("sk_us-east-1_key")), {});
        });
    QVERIFY2(again.sent, again.error ? qPrintable(again.error->message) : "");
}

void TestObsWebSocket::cancelledHandoffSaysNothing()
{
    FakeObs obs;
    QVERIFY(obs.listen());
    ObsHandoff handoff(nullptr);
    QSignalSpy sent(&handoff, &ObsHandoff::sent);
    QSignalSpy failed(&handoff, &ObsHandoff::failed);
    QSignalSpy busy(&handoff, &ObsHandoff::busyChanged);
    ObsHandoff::SecretDone held;
    handoff.start({obs.url(), {}, false, false},
                  [&held](QObject *, ObsHandoff::SecretDone done) { held = std::move(done); });
    QTRY_VERIFY(held);
    handoff.cancel();
    QVERIFY(!handoff.isBusy());
    held(workspace::whipStreamService(kServer, kToken), {});
    // The step's answer came after the cancel: it is dropped on the spot, nothing follows.
    QCOMPARE(sent.size(), 0);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(busy.size(), 2);
    QCOMPARE(obs.serviceType(), QStringLiteral("rtmp_common"));
}

void TestObsWebSocket::rememberedPasswordComesFromTheKeychain()
{
    if (!m_keyringReady)
        QSKIP(qPrintable(QStringLiteral("no private keyring: ") + m_keyringError));
    keychain::KeychainStore store(QStringLiteral("ivs-stage-browser-test"));
    FakeObs obs;
    obs.setPassword(kPassword);
    QVERIFY(obs.listen());
    int asked = 0;
    Outcome outcome = run({obs.url(), kPassword, true, false}, tokenStep(&asked), &store);
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QCOMPARE(outcome.note, QString());
    // QtKeychain keeps binary data base64-encoded.
    const QByteArray saved =
        m_keyring.lookupWithSecretTool(store.service(), ObsHandoff::keychainKey(obs.url()));
    QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(saved)), kPassword);
    // No password given: the saved one is used.
    outcome = run({obs.url(), std::nullopt, false, false}, tokenStep(&asked), &store);
    QVERIFY2(outcome.sent, outcome.error ? qPrintable(outcome.error->message) : "");
    QCOMPARE(asked, 2);
}

QTEST_GUILESS_MAIN(TestObsWebSocket)
#include "tst_obs_websocket.moc"
