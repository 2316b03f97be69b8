#include "aws/environment_credential_provider.h"
#include "aws/sigv4_signer.h"
#include "aws/sigv4_verifier.h"
#include "demo/demo_endpoint.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/resource_paths.h"
#include "ivs/stage_arn.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"
#include "support/test_data.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

using namespace testsupport;

namespace {

const QString kArnText = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const aws::Credentials kCredentials{
    QStringLiteral("AKIDOPERATIONS"), QStringLiteral("operations-secret"), {}, {}};

ivs::StageArn arn(const QString &text = kArnText)
{
    return *ivs::StageArn::parse(text);
}

struct Client : testsupport::SingleAttemptClient {
    explicit Client(const QUrl &url, const aws::Credentials &credentials = kCredentials)
        : SingleAttemptClient(url, credentials)
    {
    }
};

bool signatureVerifies(const net::HttpRequest &request)
{
    aws::SigV4Verifier verifier(
        QStringLiteral("ivs"),
        [](const QString &) -> std::optional<QString> { return kCredentials.secretAccessKey; });
    return std::holds_alternative<aws::VerifiedRequest>(verifier.verify(
        {request.method, request.path, request.query, request.headers, request.body},
        QDateTime::currentDateTimeUtc()));
}

} // namespace

// UpdateStage, TagResource and UntagResource on the wire, including the ARN-in-the-path encoding
// that SigV4 encodes a second time, and the demo endpoint's side of them.
class TestStageOperations : public QObject {
    Q_OBJECT
private slots:
    void arnInThePathIsOneEncodedSegment();
    void canonicalRequestEncodesTheEncodedPathAgain();
    void tagKeysAreEncodedInTheQuery();
    void canonicalQueryOfAwkwardTagKeys();
    void updateStageSendsTheBodyAsGiven();
    void tagResourceSendsTagsToTheEncodedPath();
    void untagResourceSendsDeleteWithKeysAndNoBody();
    void demoEndpointAppliesUpdatesAndTags();
    void demoEndpointRefusesRecordingChangesWhileRecording();
    void demoEndpointValidatesValues();
    void storageConfigurationsAreListed();
};

void TestStageOperations::arnInThePathIsOneEncodedSegment()
{
    QCOMPARE(ivs::tagsPath(kArnText),
             QByteArray("/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2FabcdABCDefgh"));
}

void TestStageOperations::canonicalRequestEncodesTheEncodedPathAgain()
{
    QCOMPARE(
        aws::SigV4Signer::canonicalUri(ivs::tagsPath(kArnText), true),
        QByteArray(
            "/tags/arn%253Aaws%253Aivs%253Aus-west-2%253A123456789012%253Astage%252FabcdABCDefgh"));
}

void TestStageOperations::tagKeysAreEncodedInTheQuery()
{
    const QStringList keys{QStringLiteral("team name"), QStringLiteral("a=b"),
                           QStringLiteral("x&y"),       QStringLiteral("c+d"),
                           QStringLiteral("café"),      QStringLiteral("日本")};
    QCOMPARE(
        ivs::tagKeysQuery(keys),
        QByteArray("tagKeys=team%20name&tagKeys=a%3Db&tagKeys=x%26y&tagKeys=c%2Bd&tagKeys=caf%C3%A9"
                   "&tagKeys=%E6%97%A5%E6%9C%AC"));
}

void TestStageOperations::canonicalQueryOfAwkwardTagKeys()
{
    const QByteArray query = ivs::tagKeysQuery({QStringLiteral("x&y"), QStringLiteral("a=b"),
                                                QStringLiteral("team name"), QStringLiteral("c+d"),
                                                QStringLiteral("é")});
    // Sorted by encoded value (the keys are all "tagKeys"); the encoding survives decode/re-encode.
    QCOMPARE(
        aws::SigV4Signer::canonicalQuery(query),
        QByteArray("tagKeys=%C3%A9&tagKeys=a%3Db&tagKeys=c%2Bd&tagKeys=team%20name&tagKeys=x%26y"));
}

void TestStageOperations::updateStageSendsTheBodyAsGiven()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    Client client(endpoint.url());
    const QJsonObject body{{QStringLiteral("arn"), kArnText},
                           {QStringLiteral("name"), QStringLiteral("renamed")}};
    const auto result =
        client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.updateStage(arn(), body, context, done);
        });
    QVERIFY(result.ok());
    QCOMPARE(endpoint.requests().size(), 1);
    const net::HttpRequest &request = endpoint.requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/UpdateStage"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), body);
    QCOMPARE(request.header("content-type"), QByteArray("application/json"));
    QVERIFY(signatureVerifies(request));
}

void TestStageOperations::tagResourceSendsTagsToTheEncodedPath()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(net::HttpResponse::json(200, "{}"));
    Client client(endpoint.url());
    const QMap<QString, QString> tags{{QStringLiteral("team name"), QStringLiteral("vidéo")},
                                      {QStringLiteral("show"), QString()}};
    const auto result =
        client.run<ivs::JsonCallResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.tagResource(arn(), tags, context, done);
        });
    QVERIFY(!result.error);
    const net::HttpRequest &request = endpoint.requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, ivs::tagsPath(kArnText));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(),
             (QJsonObject{{QStringLiteral("tags"),
                           QJsonObject{{QStringLiteral("team name"), QStringLiteral("vidéo")},
                                       {QStringLiteral("show"), QString()}}}}));
    QVERIFY(request.header("authorization").contains("SignedHeaders=content-type;host;x-amz-date"));
    QVERIFY(signatureVerifies(request));
}

void TestStageOperations::untagResourceSendsDeleteWithKeysAndNoBody()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(net::HttpResponse::json(200, "{}"));
    Client client(endpoint.url());
    const QStringList keys{QStringLiteral("team name"), QStringLiteral("a=b&c"),
                           QStringLiteral("ü+")};
    const auto result =
        client.run<ivs::JsonCallResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.untagResource(arn(), keys, context, done);
        });
    QVERIFY(!result.error);
    const net::HttpRequest &request = endpoint.requests().at(0);
    QCOMPARE(request.method, QByteArray("DELETE"));
    QCOMPARE(request.path, ivs::tagsPath(kArnText));
    QCOMPARE(request.query, QByteArray("tagKeys=team%20name&tagKeys=a%3Db%26c&tagKeys=%C3%BC%2B"));
    QVERIFY(request.body.isEmpty());
    QVERIFY(request.header("content-type").isEmpty());
    QVERIFY(request.header("authorization").contains("SignedHeaders=host;x-amz-date"));
    QVERIFY(signatureVerifies(request));
}

void TestStageOperations::demoEndpointAppliesUpdatesAndTags()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const ivs::StageArn podcast = arn(kDefaultsDemoArn);

    auto updated =
        client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.updateStage(podcast,
                          {{QStringLiteral("arn"), podcast.text()},
                           {QStringLiteral("name"), QStringLiteral("podcast-live")}},
                          context, done);
        });
    QVERIFY2(updated.ok(), updated.error ? qPrintable(updated.error->userMessage()) : "");
    QCOMPARE(updated.stage->name(), QStringLiteral("podcast-live"));

    auto tagged =
        client.run<ivs::JsonCallResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.tagResource(podcast,
                          {{QStringLiteral("team name"), QStringLiteral("audio")},
                           {QStringLiteral("x=y+z"), QStringLiteral("1")}},
                          context, done);
        });
    QVERIFY2(!tagged.error, tagged.error ? qPrintable(tagged.error->userMessage()) : "");
    auto untagged =
        client.run<ivs::JsonCallResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.untagResource(podcast, {QStringLiteral("x=y+z")}, context, done);
        });
    QVERIFY2(!untagged.error, untagged.error ? qPrintable(untagged.error->userMessage()) : "");

    const auto reread =
        client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.getStage(podcast, QString(), context, done);
        });
    QVERIFY(reread.ok());
    QCOMPARE(reread.stage->json().value(QStringLiteral("tags")).toObject(),
             (QJsonObject{{QStringLiteral("team name"), QStringLiteral("audio")}}));
    QCOMPARE(reread.stage->name(), QStringLiteral("podcast-live"));
}

void TestStageOperations::demoEndpointRefusesRecordingChangesWhileRecording()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const ivs::StageArn studio = arn(kFullyConfiguredDemoArn);
    const auto result =
        client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.updateStage(studio,
                          {{QStringLiteral("arn"), studio.text()},
                           {QStringLiteral("autoParticipantRecordingConfiguration"),
                            QJsonObject{{QStringLiteral("storageConfigurationArn"), QString()}}}},
                          context, done);
        });
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::Conflict);
    QCOMPARE(result.error->httpStatus, 409);
}

void TestStageOperations::demoEndpointValidatesValues()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const ivs::StageArn podcast = arn(kDefaultsDemoArn);
    const auto badName =
        client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            c.updateStage(podcast,
                          {{QStringLiteral("arn"), podcast.text()},
                           {QStringLiteral("name"), QStringLiteral("no spaces")}},
                          context, done);
        });
    QVERIFY(badName.error);
    QCOMPARE(badName.error->category, ivs::ErrorCategory::Validation);
    const auto badSegment = client.run<ivs::GetStageResult>([&](ivs::IvsClient &c, QObject *context,
                                                                auto done) {
        c.updateStage(
            podcast,
            {{QStringLiteral("arn"), podcast.text()},
             {QStringLiteral("autoParticipantRecordingConfiguration"),
              QJsonObject{
                  {QStringLiteral("storageConfigurationArn"),
                   QStringLiteral(
                       "arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD")},
                  {QStringLiteral("hlsConfiguration"),
                   QJsonObject{{QStringLiteral("targetSegmentDurationSeconds"), 11}}}}}},
            context, done);
    });
    QVERIFY(badSegment.error);
    QVERIFY2(
        badSegment.error->serviceMessage.contains(QLatin1String("targetSegmentDurationSeconds")),
        qPrintable(badSegment.error->serviceMessage));
}

void TestStageOperations::storageConfigurationsAreListed()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto result = client.run<ivs::ListStorageConfigurationsResult>(
        [&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listStorageConfigurations(c, QStringLiteral("us-west-2"), context, done);
        });
    QVERIFY(!result.error);
    QCOMPARE(result.configurations.size(), 2);
    QCOMPARE(result.configurations.at(0).bucketName, QStringLiteral("studio-recordings-us-west-2"));
}

QTEST_GUILESS_MAIN(TestStageOperations)
#include "tst_stage_operations.moc"
