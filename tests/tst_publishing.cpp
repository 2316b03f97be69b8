#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "ivs/encoder_settings.h"
#include "ivs/ivs_client.h"
#include "ivs/publishing.h"
#include "ivs/stage_arn.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>
#include <QTimeZone>

using namespace testsupport;

namespace {

struct Client : SingleAttemptClient {
    explicit Client(const QUrl &url,
                    const aws::Credentials &credentials = {QStringLiteral("AKIDPUBLISH"),
                                                           QStringLiteral("s"),
                                                           {},
                                                           {}})
        : SingleAttemptClient(url, credentials)
    {
    }
};

} // namespace

// Handing a stage to an encoder: participant tokens, ingest configurations and their stream keys,
// OBS's service file — and the secrets among them kept out of every printout.
class TestPublishing : public QObject {
    Q_OBJECT
private slots:
    void tokenRequestGoesOutExactly();
    void tokenLimitsAreCheckedBeforeSending_data();
    void tokenLimitsAreCheckedBeforeSending();
    void demoIssuesTokensThatExpire();
    void ingestConfigurationsOfTheStageWithTheirKeys();
    void obsServiceFilesHaveObsShape();
    void secretsNeverPrint();
    void encoderLimitsNameTheServiceRules();
};

void TestPublishing::tokenRequestGoesOutExactly()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(net::HttpResponse::json(
        200,
        R"({"participantToken":{"participantId":"p1","token":"tok.en.value","userId":"anna","capabilities":["PUBLISH"],"expirationTime":"2026-11-26T04:00:00Z"}})"));
    Client client(endpoint.url());
    ivs::TokenRequest request;
    request.userId = QStringLiteral("anna");
    request.durationMinutes = 90;
    request.capabilities = {QStringLiteral("PUBLISH")};
    request.attributes = {{QStringLiteral("role"), QStringLiteral("host")}};
    const auto result =
        client.run<ivs::TokenResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::createParticipantToken(c, *ivs::StageArn::parse(kFullyConfiguredDemoArn), request,
                                        context, done);
        });
    QVERIFY(result.token);
    QCOMPARE(result.token->token, QStringLiteral("tok.en.value"));
    QCOMPARE(result.token->expirationTime,
             QDateTime(QDate(2026, 11, 26), QTime(4, 0), QTimeZone::utc()));
    const net::HttpRequest &sent = endpoint.requests().at(0);
    QCOMPARE(sent.path, QByteArray("/CreateParticipantToken"));
    QCOMPARE(QJsonDocument::fromJson(sent.body).object(),
             (QJsonObject{{QStringLiteral("stageArn"), kFullyConfiguredDemoArn},
                          {QStringLiteral("duration"), 90},
                          {QStringLiteral("userId"), QStringLiteral("anna")},
                          {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("PUBLISH")}},
                          {QStringLiteral("attributes"),
                           QJsonObject{{QStringLiteral("role"), QStringLiteral("host")}}}}));
}

void TestPublishing::tokenLimitsAreCheckedBeforeSending_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<int>("userIdLength");
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("problem");
    const QStringList publish{QStringLiteral("PUBLISH")};
    QTest::newRow("shortest") << 1 << 0 << publish << QString();
    QTest::newRow("longest") << 20160 << 128 << publish << QString();
    QTest::newRow("zero minutes") << 0 << 0 << publish << QStringLiteral("1 minute to 14 days");
    QTest::newRow("over 14 days") << 20161 << 0 << publish << QStringLiteral("1 minute to 14 days");
    QTest::newRow("user id too long") << 60 << 129 << publish << QStringLiteral("at most 128");
    QTest::newRow("no capability")
        << 60 << 0 << QStringList{} << QStringLiteral("at least one capability");
    QTest::newRow("unknown capability")
        << 60 << 0 << QStringList{QStringLiteral("ADMIN")} << QStringLiteral("not a capability");
}

void TestPublishing::tokenLimitsAreCheckedBeforeSending()
{
    QFETCH(int, minutes);
    QFETCH(int, userIdLength);
    QFETCH(QStringList, capabilities);
    QFETCH(QString, problem);
    ivs::TokenRequest request;
    request.durationMinutes = minutes;
    request.userId = QString(userIdLength, QLatin1Char('u'));
    request.capabilities = capabilities;
    if (problem.isEmpty())
        QVERIFY2(request.problem().isEmpty(), qPrintable(request.problem()));
    else
        QVERIFY2(request.problem().contains(problem), qPrintable(request.problem()));
}

void TestPublishing::demoIssuesTokensThatExpire()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    ivs::TokenRequest request;
    request.userId = QStringLiteral("producer");
    request.durationMinutes = 60;
    request.capabilities = {QStringLiteral("PUBLISH")};
    const auto result =
        client.run<ivs::TokenResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::createParticipantToken(c, *ivs::StageArn::parse(kFullyConfiguredDemoArn), request,
                                        context, done);
        });
    QVERIFY2(result.token, result.error ? qPrintable(result.error->userMessage()) : "");
    QVERIFY(!result.token->token.isEmpty());
    QCOMPARE(result.token->capabilities, QStringList{QStringLiteral("PUBLISH")});
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(result.token->expirationTime);
    QVERIFY2(lifetime > 3500 && lifetime <= 3600, qPrintable(QString::number(lifetime)));
}

void TestPublishing::ingestConfigurationsOfTheStageWithTheirKeys()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto list =
        client.run<ivs::IngestListResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listIngestConfigurations(c, *ivs::StageArn::parse(kFullyConfiguredDemoArn),
                                          context, done);
        });
    QVERIFY(!list.error);
    QCOMPARE(list.configurations.size(), 2);
    QVERIFY(list.configurations.at(0).streamKey.isEmpty()); // lists never carry the key
    QCOMPARE(list.configurations.at(0).protocol, QStringLiteral("RTMPS"));

    const auto one =
        client.run<ivs::IngestResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::getIngestConfiguration(c, list.configurations.at(0).arn, context, done);
        });
    QVERIFY(one.configuration);
    QVERIFY(one.configuration->streamKey.startsWith(QLatin1String("sk_us-west-2_")));
    QCOMPARE(one.configuration->insecureIngest, std::optional<bool>(false));

    const auto other = client.run<ivs::IngestListResult>([&](ivs::IvsClient &c, QObject *context,
                                                             auto done) {
        ivs::listIngestConfigurations(c, *ivs::StageArn::parse(kDefaultsDemoArn), context, done);
    });
    QVERIFY(!other.error);
    QCOMPARE(other.configurations.size(), 0);
}

void TestPublishing::obsServiceFilesHaveObsShape()
{
    const QJsonObject whip = ivs::obsWhipService(
        QStringLiteral("https://abc.global-bm.whip.live-video.net"), QStringLiteral("tok"));
    QCOMPARE(whip.value(QStringLiteral("type")).toString(), QStringLiteral("whip_custom"));
    QCOMPARE(whip.value(QStringLiteral("settings")).toObject(),
             (QJsonObject{{QStringLiteral("server"),
                           QStringLiteral("https://abc.global-bm.whip.live-video.net")},
                          {QStringLiteral("bearer_token"), QStringLiteral("tok")}}));
    const QJsonObject rtmp =
        ivs::obsRtmpService(QStringLiteral("rtmps://abc.global-contribute.live-video.net:443/app/"),
                            QStringLiteral("sk"));
    QCOMPARE(rtmp.value(QStringLiteral("type")).toString(), QStringLiteral("rtmp_custom"));
    QCOMPARE(
        rtmp.value(QStringLiteral("settings")).toObject().value(QStringLiteral("key")).toString(),
        QStringLiteral("sk"));
}

void TestPublishing::secretsNeverPrint()
{
    ivs::ParticipantToken token{
        QStringLiteral("p1"), QStringLiteral("secret.token.value"), QStringLiteral("anna"), {}, {}};
    ivs::IngestConfiguration ingest;
    ingest.arn = QStringLiteral("arn:aws:ivs:us-west-2:1:ingest-configuration/x");
    ingest.streamKey = QStringLiteral("sk_secret_key");
    QString printed;
    QDebug(&printed) << token << ingest;
    QVERIFY(!printed.contains(QLatin1String("secret.token.value")));
    QVERIFY(!printed.contains(QLatin1String("sk_secret_key")));
    QVERIFY(printed.contains(QLatin1String("anna")));
    QCOMPARE(printed.count(QLatin1String("<redacted>")), 2);
}

void TestPublishing::encoderLimitsNameTheServiceRules()
{
    QStringList lines;
    for (const ivs::EncoderLimit &limit : ivs::encoderLimits())
        lines.append(limit.setting + QLatin1Char(':') + limit.value + QLatin1Char('/') +
                     limit.appliesTo);
    const QString all = lines.join(QLatin1Char('\n'));
    for (const QString &rule :
         {QStringLiteral("Baseline"), QStringLiteral("720p"), QStringLiteral("8.5 Mbps"),
          QStringLiteral("1 to 2 seconds"), QStringLiteral("Opus"), QStringLiteral("AAC")})
        QVERIFY2(all.contains(rule), qPrintable(rule));
}

QTEST_GUILESS_MAIN(TestPublishing)
#include "tst_publishing.moc"
