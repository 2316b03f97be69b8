#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_stages.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"
#include "workspace/publish_controller.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace testsupport;
using workspace::PublishController;

namespace {

const QString kWhip = QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net");
const QString kRtmp =
    QStringLiteral("rtmp://f99084460c35.global-contribute.live-video.net:1935/app/");
const QString kRtmps =
    QStringLiteral("rtmps://f99084460c35.global-contribute.live-video.net:443/app/");
const QString kObsMainArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:ingest-configuration/Ing3stObsMain");
const QString kLegacyArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:ingest-configuration/Ing3stLegacy0");

using Client = testsupport::SingleAttemptClient;

aws::Credentials scriptedCredentials()
{
    return {QStringLiteral("AKIDPUBLISHCONTROL"), QStringLiteral("s"), {}, {}};
}

// The demo's studio-main stage as the window shows it, optionally without some endpoints.
workspace::PublishTarget studioTarget(const QStringList &endpointsLeftOut = {})
{
    QJsonObject json = demo::sampleStages().at(0);
    QJsonObject endpoints = json.value(QStringLiteral("endpoints")).toObject();
    for (const QString &name : endpointsLeftOut)
        endpoints.remove(name);
    json.insert(QStringLiteral("endpoints"), endpoints);
    QString error;
    const auto stage = ivs::Stage::fromJson(json, &error);
    if (!stage)
        qFatal("%s", qPrintable(error));
    document::StageDocument model;
    model.setStage(*stage);
    return workspace::publishTargetOf(model);
}

net::HttpResponse tokenAnswer(const QString &token)
{
    return net::HttpResponse::json(
        200, QJsonDocument(
                 QJsonObject{{QStringLiteral("participantToken"),
                              QJsonObject{{QStringLiteral("participantId"), QStringLiteral("p1")},
                                          {QStringLiteral("token"), token},
                                          {QStringLiteral("userId"), QStringLiteral("anna")},
                                          {QStringLiteral("capabilities"),
                                           QJsonArray{QStringLiteral("PUBLISH")}},
                                          {QStringLiteral("expirationTime"),
                                           QStringLiteral("2030-01-01T12:00:00Z")}}}})
                 .toJson(QJsonDocument::Compact));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

// Everything Qt's logging saw while a test ran, to search for secrets.
QString g_logged;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logged += message + QLatin1Char('\n');
}

} // namespace

// What the "Publish to this stage" dialog talks to, against the demo endpoint (and a scripted
// one where exact requests or failures matter).
class TestPublishController : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void targetComesFromTheShownStage();
    void publishTokenIsCreatedForTheLifetimeAsked();
    void tokenRequestCarriesTheFormExactly();
    void limitsAreCheckedBeforeSending_data();
    void limitsAreCheckedBeforeSending();
    void ingestConfigurationsAreListedWithoutKeys();
    void streamKeyComesWithTheRtmpsServer();
    void rtmpWithoutInsecureIngestIsWarnedAbout();
    void missingEndpointIsWarnedAbout();
    void obsServiceFilesAreWrittenExactly();
    void nothingIsSavedWithoutASecret();
    void serviceErrorsSurfaceAsMessages();
    void anotherStagesKeyIsRefused();
    void newStageOrForgetDropsTheSecrets();
    void expiryIsToldInLocalTimeAndFromNow();
    void secretsAreNeverLogged();
    void defaultUserIdFallsBackToTheAccount();

private:
    QtMessageHandler m_previousHandler = nullptr;
};

void TestPublishController::init()
{
    g_logged.clear();
    m_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestPublishController::cleanup()
{
    qInstallMessageHandler(m_previousHandler);
}

void TestPublishController::targetComesFromTheShownStage()
{
    const workspace::PublishTarget target = studioTarget();
    QCOMPARE(target.arn, kFullyConfiguredDemoArn);
    QCOMPARE(target.whip, kWhip);
    QCOMPARE(target.rtmp, kRtmp);
    QCOMPARE(target.rtmps, kRtmps);
    QCOMPARE(studioTarget({QStringLiteral("rtmp")}).rtmp, QString());
    document::StageDocument empty;
    QVERIFY(workspace::publishTargetOf(empty).arn.isEmpty());
}

void TestPublishController::publishTokenIsCreatedForTheLifetimeAsked()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QSignalSpy failed(&controller, &PublishController::tokenFailed);
    QSignalSpy busy(&controller, &PublishController::busyChanged);

    QCOMPARE(controller.createToken(QStringLiteral("producer"), 90, QString()), QString());
    QVERIFY(controller.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(created.size() + failed.size(), 1, 15000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!controller.isBusy());
    QCOMPARE(busy.size(), 2);

    const QList<QVariant> arguments = created.at(0);
    QCOMPARE(arguments.at(0).toString(), kWhip);
    const QString token = arguments.at(1).toString();
    QVERIFY(token.startsWith(QLatin1String("eyJ")));
    QCOMPARE(controller.token(), token);
    QVERIFY2(arguments.at(2).toString().endsWith(QLatin1String("(in 1 h 30 min)")),
             qPrintable(arguments.at(2).toString()));
    QCOMPARE(arguments.at(3).toString(), QString()); // no warning: the stage has a WHIP endpoint
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(controller.tokenExpiry());
    QVERIFY2(lifetime > 90 * 60 - 60 && lifetime <= 90 * 60, qPrintable(QString::number(lifetime)));
    QVERIFY(!controller.participantId().isEmpty());
}

void TestPublishController::tokenRequestCarriesTheFormExactly()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(tokenAnswer(QStringLiteral("tok.en.value")));
    Client client(endpoint.url(), scriptedCredentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QCOMPARE(controller.createToken(QStringLiteral("  anna "), 20160,
                                    QStringLiteral("role=host, displayName = Studio A,")),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    QCOMPARE(endpoint.requests().size(), 1);
    const net::HttpRequest &sent = endpoint.requests().at(0);
    QCOMPARE(sent.path, QByteArray("/CreateParticipantToken"));
    QCOMPARE(
        QJsonDocument::fromJson(sent.body).object(),
        (QJsonObject{{QStringLiteral("stageArn"), kFullyConfiguredDemoArn},
                     {QStringLiteral("duration"), 20160},
                     {QStringLiteral("userId"), QStringLiteral("anna")},
                     {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("PUBLISH")}},
                     {QStringLiteral("attributes"),
                      QJsonObject{{QStringLiteral("role"), QStringLiteral("host")},
                                  {QStringLiteral("displayName"), QStringLiteral("Studio A")}}}}));
}

void TestPublishController::limitsAreCheckedBeforeSending_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("attributes");
    QTest::addColumn<QString>("problem");
    QTest::newRow("zero minutes") << QString() << 0 << QString()
                                  << QStringLiteral("1 minute to 14 days");
    QTest::newRow("over 14 days") << QString() << 20161 << QString()
                                  << QStringLiteral("1 minute to 14 days");
    QTest::newRow("long user id") << QString(129, QLatin1Char('u')) << 60 << QString()
                                  << QStringLiteral("at most 128");
    QTest::newRow("attribute without =")
        << QString() << 60 << QStringLiteral("role=host, studio") << QStringLiteral("key=value");
    QTest::newRow("attribute without key")
        << QString() << 60 << QStringLiteral("=host") << QStringLiteral("no key");
    QTest::newRow("attribute twice")
        << QString() << 60 << QStringLiteral("a=1, a=2") << QStringLiteral("twice");
    QTest::newRow("attributes over 1 KB")
        << QString() << 60 << QStringLiteral("a=") + QString(1024, QLatin1Char('x'))
        << QStringLiteral("at most 1024 bytes");
}

void TestPublishController::limitsAreCheckedBeforeSending()
{
    QFETCH(QString, userId);
    QFETCH(int, minutes);
    QFETCH(QString, attributes);
    QFETCH(QString, problem);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(tokenAnswer(QStringLiteral("never.sent")));
    Client client(endpoint.url(), scriptedCredentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    const QString refused = controller.createToken(userId, minutes, attributes);
    QVERIFY2(refused.contains(problem), qPrintable(refused));
    QVERIFY(!controller.isBusy());
    QVERIFY(waitUntilIdle(*client.client)); // a request sent after all would be answered by now
    QCOMPARE(endpoint.requests().size(), 0);
    QCOMPARE(created.size(), 0);
}

void TestPublishController::ingestConfigurationsAreListedWithoutKeys()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy loaded(&controller, &PublishController::ingestConfigurationsLoaded);
    controller.loadIngestConfigurations();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 15000);
    QCOMPARE(loaded.at(0).at(0).toInt(), 2);
    const QList<workspace::IngestChoice> &choices = controller.ingestConfigurations();
    QCOMPARE(choices.at(0).name, QStringLiteral("obs-main"));
    QCOMPARE(choices.at(0).protocol, QStringLiteral("RTMPS"));
    QCOMPARE(choices.at(0).state, QStringLiteral("ACTIVE"));
    QCOMPARE(choices.at(0).userId, QStringLiteral("studio-obs"));
    QCOMPARE(choices.at(0).arn, kObsMainArn);
    QCOMPARE(choices.at(1).name, QStringLiteral("legacy-encoder"));
    QCOMPARE(choices.at(1).protocol, QStringLiteral("RTMP"));
    QCOMPARE(choices.at(1).state, QStringLiteral("INACTIVE"));
    QVERIFY(controller.streamKey().isEmpty());
}

void TestPublishController::streamKeyComesWithTheRtmpsServer()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    controller.fetchStreamKey(kObsMainArn);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 15000);
    QCOMPARE(fetched.at(0).at(0).toString(), QStringLiteral("obs-main"));
    QCOMPARE(fetched.at(0).at(1).toString(), kRtmps);
    QCOMPARE(fetched.at(0).at(2).toString(), QStringLiteral("sk_us-west-2_demoIng3stObsMain"));
    QCOMPARE(fetched.at(0).at(3).toString(), QString());
    QCOMPARE(controller.streamKey(), QStringLiteral("sk_us-west-2_demoIng3stObsMain"));
    QCOMPARE(controller.rtmpServer(), kRtmps);
}

void TestPublishController::rtmpWithoutInsecureIngestIsWarnedAbout()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    controller.fetchStreamKey(kLegacyArn);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 15000);
    QCOMPARE(fetched.at(0).at(1).toString(), kRtmp);
    const QString warning = fetched.at(0).at(3).toString();
    QVERIFY2(
        warning.startsWith(QLatin1String("RTMP without insecure ingest is rejected: use RTMPS")),
        qPrintable(warning));

    QVERIFY(PublishController::rtmpWarning(QStringLiteral("RTMP"), true, kRtmp, kRtmps).isEmpty());
    QVERIFY(!PublishController::rtmpWarning(QStringLiteral("RTMP"), std::nullopt, kRtmp, kRtmps)
                 .isEmpty());
    QVERIFY(
        PublishController::rtmpWarning(QStringLiteral("RTMPS"), false, kRtmp, kRtmps).isEmpty());
}

void TestPublishController::missingEndpointIsWarnedAbout()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget({QStringLiteral("rtmp"), QStringLiteral("rtmps")}));
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);

    controller.fetchStreamKey(kObsMainArn);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 15000);
    QCOMPARE(fetched.at(0).at(1).toString(), QString());
    QVERIFY2(fetched.at(0).at(3).toString().contains(QLatin1String("no RTMPS endpoint")),
             qPrintable(fetched.at(0).at(3).toString()));
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("service.json"));
    QVERIFY(controller.saveRtmpService(path).contains(QLatin1String("no server")));
    QVERIFY(!QFile::exists(path));

    controller.fetchStreamKey(kLegacyArn);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 2, 15000);
    QVERIFY2(fetched.at(1).at(3).toString().contains(QLatin1String("no RTMP endpoint")),
             qPrintable(fetched.at(1).at(3).toString()));

    controller.setStage(studioTarget({QStringLiteral("whip")}));
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QCOMPARE(controller.createToken(QString(), 60, QString()), QString());
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    QCOMPARE(created.at(0).at(0).toString(), QString());
    QVERIFY(created.at(0).at(3).toString().contains(QLatin1String("no WHIP endpoint")));
}

void TestPublishController::obsServiceFilesAreWrittenExactly()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(tokenAnswer(QStringLiteral("tok.en.value")));
    endpoint.enqueue(net::HttpResponse::json(
        200,
        QJsonDocument(
            QJsonObject{{QStringLiteral("ingestConfiguration"),
                         QJsonObject{{QStringLiteral("arn"), kObsMainArn},
                                     {QStringLiteral("name"), QStringLiteral("obs-main")},
                                     {QStringLiteral("ingestProtocol"), QStringLiteral("RTMPS")},
                                     {QStringLiteral("stageArn"), kFullyConfiguredDemoArn},
                                     {QStringLiteral("streamKey"), QStringLiteral("sk_key")}}}})
            .toJson(QJsonDocument::Compact)));
    Client client(endpoint.url(), scriptedCredentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    QCOMPARE(controller.createToken(QStringLiteral("anna"), 60, QString()), QString());
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    controller.fetchStreamKey(kObsMainArn);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.size(), 1, 15000);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString whipPath = directory.filePath(QStringLiteral("whip/service.json"));
    QVERIFY(QDir().mkpath(directory.filePath(QStringLiteral("whip"))));
    // An existing file is replaced as a whole.
    QFile existing(whipPath);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write(QByteArray(4096, 'x'));
    existing.close();
    QCOMPARE(controller.saveWhipService(whipPath), QString());
    QCOMPARE(
        readFile(whipPath),
        QByteArray("{\n"
                   "    \"settings\": {\n"
                   "        \"bearer_token\": \"tok.en.value\",\n"
                   "        \"server\": \"https://f99084460c35.global-bm.whip.live-video.net\"\n"
                   "    },\n"
                   "    \"type\": \"whip_custom\"\n"
                   "}\n"));
    QCOMPARE(QFile::permissions(whipPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    const QString rtmpPath = directory.filePath(QStringLiteral("service.json"));
    QCOMPARE(controller.saveRtmpService(rtmpPath), QString());
    QCOMPARE(readFile(rtmpPath),
             QByteArray("{\n"
                        "    \"settings\": {\n"
                        "        \"key\": \"sk_key\",\n"
                        "        \"server\": "
                        "\"rtmps://f99084460c35.global-contribute.live-video.net:443/app/\",\n"
                        "        \"use_auth\": false\n"
                        "    },\n"
                        "    \"type\": \"rtmp_custom\"\n"
                        "}\n"));

    const QString problem =
        controller.saveWhipService(directory.filePath(QStringLiteral("missing/dir/service.json")));
    QVERIFY2(problem.startsWith(QLatin1String("Cannot write")), qPrintable(problem));
    QVERIFY(!QFile::exists(directory.filePath(QStringLiteral("missing"))));
}

void TestPublishController::nothingIsSavedWithoutASecret()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("service.json"));
    QVERIFY(controller.saveWhipService(path).contains(QLatin1String("create one first")));
    QVERIFY(controller.saveRtmpService(path).contains(QLatin1String("ingest configuration")));
    QVERIFY(!QFile::exists(path));
}

void TestPublishController::serviceErrorsSurfaceAsMessages()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(awsErrorResponse(403, "AccessDeniedException",
                                      QStringLiteral("not authorized to perform: "
                                                     "ivs:CreateParticipantToken")));
    endpoint.enqueue(
        awsErrorResponse(500, "InternalServerException", QStringLiteral("listing broke")));
    endpoint.enqueue(awsErrorResponse(404, "ResourceNotFoundException",
                                      QStringLiteral("Resource: ingest not found")));
    Client client(endpoint.url(), scriptedCredentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());

    QSignalSpy tokenFailed(&controller, &PublishController::tokenFailed);
    QCOMPARE(controller.createToken(QStringLiteral("anna"), 60, QString()), QString());
    QTRY_COMPARE_WITH_TIMEOUT(tokenFailed.size(), 1, 15000);
    const QString tokenMessage = tokenFailed.at(0).at(0).toString();
    QVERIFY2(tokenMessage.contains(QLatin1String("AccessDeniedException")),
             qPrintable(tokenMessage));
    QVERIFY2(tokenMessage.contains(QLatin1String("ivs:CreateParticipantToken")),
             qPrintable(tokenMessage));
    QVERIFY(controller.token().isEmpty());

    QSignalSpy listFailed(&controller, &PublishController::ingestConfigurationsFailed);
    controller.loadIngestConfigurations();
    QTRY_COMPARE_WITH_TIMEOUT(listFailed.size(), 1, 15000);
    QVERIFY2(listFailed.at(0).at(0).toString().contains(QLatin1String("listing broke")),
             qPrintable(listFailed.at(0).at(0).toString()));

    QSignalSpy keyFailed(&controller, &PublishController::streamKeyFailed);
    controller.fetchStreamKey(kObsMainArn);
    QTRY_COMPARE_WITH_TIMEOUT(keyFailed.size(), 1, 15000);
    QVERIFY2(keyFailed.at(0).at(0).toString().contains(QLatin1String("ResourceNotFoundException")),
             qPrintable(keyFailed.at(0).at(0).toString()));
    QVERIFY(!controller.isBusy());
}

void TestPublishController::anotherStagesKeyIsRefused()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    workspace::PublishTarget other = studioTarget();
    other.arn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/otherStage01");
    controller.setStage(other);
    QSignalSpy failed(&controller, &PublishController::streamKeyFailed);
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    controller.fetchStreamKey(kObsMainArn);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("belongs to the stage")));
    QCOMPARE(fetched.size(), 0);
    QVERIFY(controller.streamKey().isEmpty());
}

void TestPublishController::newStageOrForgetDropsTheSecrets()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    QSignalSpy stageChanged(&controller, &PublishController::stageChanged);
    QCOMPARE(controller.createToken(QString(), 60, QString()), QString());
    controller.fetchStreamKey(kObsMainArn);
    QTRY_VERIFY_WITH_TIMEOUT(created.size() == 1 && fetched.size() == 1, 15000);
    QVERIFY(!controller.token().isEmpty());
    QVERIFY(!controller.streamKey().isEmpty());

    controller.forgetSecrets();
    QVERIFY(controller.token().isEmpty());
    QVERIFY(controller.streamKey().isEmpty());
    QVERIFY(controller.rtmpServer().isEmpty());
    QVERIFY(!controller.tokenExpiry().isValid());

    // A request in flight when the stage changes never delivers its secret.
    QCOMPARE(controller.createToken(QString(), 60, QString()), QString());
    controller.setStage(studioTarget({QStringLiteral("rtmp")}));
    QCOMPARE(stageChanged.size(), 1);
    QVERIFY(!controller.isBusy());
    QVERIFY(waitUntilIdle(*client.client)); // its answer, had the request gone on, is in by now
    QCOMPARE(created.size(), 1);
    QVERIFY(controller.token().isEmpty());
}

void TestPublishController::expiryIsToldInLocalTimeAndFromNow()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc());
    auto relative = [&now](qint64 minutes) {
        const QString text = PublishController::expiryText(now.addSecs(minutes * 60), now);
        return text.mid(text.indexOf(QLatin1Char('(')));
    };
    QCOMPARE(relative(720), QStringLiteral("(in 12 h)"));
    QCOMPARE(relative(90), QStringLiteral("(in 1 h 30 min)"));
    QCOMPARE(relative(5), QStringLiteral("(in 5 min)"));
    QCOMPARE(relative(20160), QStringLiteral("(in 14 days)"));
    QCOMPARE(relative(3 * 1440 + 120), QStringLiteral("(in 3 days 2 h)"));
    QCOMPARE(relative(-1), QStringLiteral("(expired)"));
    const QDateTime expires = now.addSecs(720 * 60);
    QVERIFY(PublishController::expiryText(expires, now)
                .startsWith(expires.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

void TestPublishController::secretsAreNeverLogged()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    PublishController controller(*client.client);
    controller.setStage(studioTarget());
    QSignalSpy created(&controller, &PublishController::tokenCreated);
    QSignalSpy fetched(&controller, &PublishController::streamKeyFetched);
    QCOMPARE(controller.createToken(QStringLiteral("producer"), 60, QString()), QString());
    controller.fetchStreamKey(kObsMainArn);
    QTRY_VERIFY_WITH_TIMEOUT(created.size() == 1 && fetched.size() == 1, 15000);
    QTemporaryDir directory;
    QCOMPARE(controller.saveWhipService(directory.filePath(QStringLiteral("a.json"))), QString());
    QCOMPARE(controller.saveRtmpService(directory.filePath(QStringLiteral("b.json"))), QString());
    controller.forgetSecrets();
    qDebug() << "the handler captures"; // proves the search below looks at what was logged
    QVERIFY(g_logged.contains(QLatin1String("the handler captures")));
    QVERIFY(!g_logged.contains(created.at(0).at(1).toString()));
    QVERIFY(!g_logged.contains(fetched.at(0).at(2).toString()));
}

void TestPublishController::defaultUserIdFallsBackToTheAccount()
{
    const QByteArray saved[] = {qgetenv("USER"), qgetenv("LOGNAME"), qgetenv("USERNAME")};
    qputenv("USER", "producer-one");
    QCOMPARE(workspace::PublishController::defaultUserId(), QStringLiteral("producer-one"));
    qunsetenv("USER");
    qputenv("LOGNAME", "producer-two");
    QCOMPARE(workspace::PublishController::defaultUserId(), QStringLiteral("producer-two"));
    qunsetenv("LOGNAME");
    qunsetenv("USERNAME");
#ifdef Q_OS_UNIX
    // With no variable naming the user, the account database still does.
    const passwd *account = getpwuid(getuid());
    QVERIFY(account && account->pw_name && *account->pw_name);
    QCOMPARE(workspace::PublishController::defaultUserId(),
             QString::fromLocal8Bit(account->pw_name));
#endif
    const char *names[] = {"USER", "LOGNAME", "USERNAME"};
    for (int i = 0; i < 3; ++i) {
        if (!saved[i].isNull())
            qputenv(names[i], saved[i]);
    }
}

QTEST_GUILESS_MAIN(TestPublishController)
#include "tst_publish_controller.moc"
