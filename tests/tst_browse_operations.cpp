#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "ivs/surroundings.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

using namespace testsupport;

namespace {

struct Client : SingleAttemptClient {
    explicit Client(const QUrl &url,
                    const aws::Credentials &credentials = {QStringLiteral("AKIDBROWSE"),
                                                           QStringLiteral("s"),
                                                           {},
                                                           {}})
        : SingleAttemptClient(url, credentials)
    {
    }
};

QJsonObject stageSummary(int n)
{
    return {{QStringLiteral("arn"),
             QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/s%1").arg(n)},
            {QStringLiteral("name"), QStringLiteral("stage-%1").arg(n)}};
}

net::HttpResponse page(const QJsonArray &stages, const QString &nextToken = {})
{
    QJsonObject body{{QStringLiteral("stages"), stages}};
    if (!nextToken.isEmpty())
        body.insert(QStringLiteral("nextToken"), nextToken);
    return net::HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString tokenOf(const net::HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body)
        .object()
        .value(QStringLiteral("nextToken"))
        .toString();
}

} // namespace

// Listing operations: every page, in a useful order, with a guard against endless paging.
class TestBrowseOperations : public QObject {
    Q_OBJECT
private slots:
    void followsEveryPageIncludingEmptyOnes();
    void stopsWhenATokenRepeats();
    void keepsWhatArrivedBeforeAFailure();
    void entriesWithoutArnAreLeftOutAndReported();
    void storageConfigurationIsReadInItsOwnRegion();
    void missingStorageConfigurationIsAnError();
    void sessionsListTheActiveOneFirst();
    void participantsAndTheirEventsAreRead();
    void surroundingsOfARecordingStage();
    void surroundingsOfAStageWithRecordingOff();
};

void TestBrowseOperations::followsEveryPageIncludingEmptyOnes()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        const QString token = tokenOf(request);
        if (token.isEmpty())
            return page({stageSummary(1), stageSummary(2)}, QStringLiteral("t1"));
        if (token == QLatin1String("t1"))
            return page({},
                        QStringLiteral("t2")); // the service may send an empty page with a token
        return page({stageSummary(3)});
    });
    Client client(endpoint.url());
    const auto result =
        client.run<ivs::StageListResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listAllStages(c, QStringLiteral("us-west-2"), context, done);
        });
    QVERIFY(!result.error);
    QCOMPARE(result.stages.size(), 3);
    QCOMPARE(result.stages.at(2).name, QStringLiteral("stage-3"));
    QCOMPARE(endpoint.requests().size(), 3);
    QCOMPARE(QJsonDocument::fromJson(endpoint.requests().at(0).body)
                 .object()
                 .value(QStringLiteral("maxResults"))
                 .toInt(),
             100);
}

void TestBrowseOperations::stopsWhenATokenRepeats()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler(
        [](const net::HttpRequest &) { return page({stageSummary(1)}, QStringLiteral("same")); });
    Client client(endpoint.url());
    const auto result =
        client.run<ivs::StageListResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listAllStages(c, QStringLiteral("us-west-2"), context, done);
        });
    QVERIFY(result.error);
    QVERIFY2(result.error->userMessage().contains(QLatin1String("repeated page token")),
             qPrintable(result.error->userMessage()));
    QCOMPARE(endpoint.requests().size(), 2);
    QCOMPARE(result.stages.size(), 2);
}

void TestBrowseOperations::keepsWhatArrivedBeforeAFailure()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(page({stageSummary(1)}, QStringLiteral("t1")));
    endpoint.enqueue(awsErrorResponse(403, "AccessDeniedException", QStringLiteral("no")));
    Client client(endpoint.url());
    const auto result =
        client.run<ivs::StageListResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listAllStages(c, QStringLiteral("us-west-2"), context, done);
        });
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::AccessDenied);
    QCOMPARE(result.stages.size(), 1);
}

void TestBrowseOperations::entriesWithoutArnAreLeftOutAndReported()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(
        page({stageSummary(1), QJsonObject{{QStringLiteral("name"), QStringLiteral("no-arn")}}}));
    Client client(endpoint.url());
    const auto result =
        client.run<ivs::StageListResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listAllStages(c, QStringLiteral("us-west-2"), context, done);
        });
    QCOMPARE(result.stages.size(), 1);
    QVERIFY(result.error);
    QVERIFY2(
        result.error->userMessage().contains(QLatin1String("1 stage in the answer had no ARN")),
        qPrintable(result.error->userMessage()));
}

void TestBrowseOperations::storageConfigurationIsReadInItsOwnRegion()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const QString arn =
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ");
    const auto lookup =
        client.run<ivs::StorageLookup>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::getStorageConfiguration(c, arn, context, done);
        });
    QVERIFY(lookup.configuration);
    QCOMPARE(lookup.configuration->name, QStringLiteral("studio-recordings"));
    QCOMPARE(lookup.configuration->bucketName, QStringLiteral("studio-recordings-us-west-2"));
    QCOMPARE(lookup.configuration->region(), QStringLiteral("us-west-2"));
}

void TestBrowseOperations::missingStorageConfigurationIsAnError()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto lookup =
        client.run<ivs::StorageLookup>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::getStorageConfiguration(
                c, QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/gone"),
                context, done);
        });
    QVERIFY(!lookup.configuration);
    QVERIFY(lookup.error);
    QCOMPARE(lookup.error->category, ivs::ErrorCategory::NotFound);
}

void TestBrowseOperations::sessionsListTheActiveOneFirst()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto result = client.run<ivs::SessionsResult>([&](ivs::IvsClient &c, QObject *context,
                                                            auto done) {
        ivs::listStageSessions(c, *ivs::StageArn::parse(kFullyConfiguredDemoArn), context, done);
    });
    QVERIFY(!result.error);
    QCOMPARE(result.sessions.size(), 3);
    QVERIFY(result.sessions.at(0).isActive());
    QCOMPARE(result.sessions.at(0).sessionId, QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QVERIFY(result.sessions.at(1).startTime > result.sessions.at(2).startTime); // then newest first
}

void TestBrowseOperations::participantsAndTheirEventsAreRead()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const ivs::StageArn stage = *ivs::StageArn::parse(kFullyConfiguredDemoArn);
    const QString session = QStringLiteral("st-a1b2C3d4E5f6G7h");
    const auto participants =
        client.run<ivs::ParticipantsResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listParticipants(c, stage, session, context, done);
        });
    QVERIFY(!participants.error);
    QCOMPARE(participants.participants.size(), 4);
    const ivs::ParticipantSummary &replica = participants.participants.at(3);
    QVERIFY(replica.isReplica());
    QVERIFY(replica.protocol.isEmpty()); // only GetParticipant has it

    const auto details =
        client.run<ivs::ParticipantResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::getParticipant(c, stage, session, participants.participants.at(0).participantId,
                                context, done);
        });
    QVERIFY(details.participant);
    QCOMPARE(details.participant->protocol, QStringLiteral("WHIP"));
    QCOMPARE(details.participant->recordingS3BucketName,
             QStringLiteral("studio-recordings-us-west-2"));

    const auto events =
        client.run<ivs::EventsResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listParticipantEvents(
                c, stage, session, participants.participants.at(1).participantId, context, done);
        });
    QVERIFY(!events.error);
    QCOMPARE(events.events.size(), 3);
    QCOMPARE(events.events.at(1).errorCode, QStringLiteral("B_FRAME_PRESENT"));
    QVERIFY(events.events.at(0).eventTime <= events.events.at(1).eventTime);
}

void TestBrowseOperations::surroundingsOfARecordingStage()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto stage =
        client.run<ivs::GetStageResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            c.getStage(*ivs::StageArn::parse(kFullyConfiguredDemoArn), QString(), context, done);
        });
    QVERIFY(stage.ok());
    const auto surroundings =
        client.run<ivs::StageSurroundings>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::gatherSurroundings(c, *stage.stage, context, done);
        });
    QVERIFY(surroundings.storage);
    QVERIFY(surroundings.storage->configuration);
    QCOMPARE(surroundings.storage->configuration->name, QStringLiteral("studio-recordings"));
    QVERIFY(surroundings.activeSession);
    QCOMPARE(surroundings.activeSession->sessionId, QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QCOMPARE(surroundings.activeParticipants.size(), 4);
}

void TestBrowseOperations::surroundingsOfAStageWithRecordingOff()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Client client(endpoint.url(), demo::DemoEndpoint::credentials());
    const auto stage =
        client.run<ivs::GetStageResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            c.getStage(*ivs::StageArn::parse(kDefaultsDemoArn), QString(), context, done);
        });
    QVERIFY(stage.ok());
    const int before = 0;
    const auto surroundings =
        client.run<ivs::StageSurroundings>([&](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::gatherSurroundings(c, *stage.stage, context, done);
        });
    QVERIFY(!surroundings.storage); // recording is off: nothing to look up
    QVERIFY(!surroundings.activeSession);
    QCOMPARE(surroundings.activeParticipants.size(), before);
}

QTEST_GUILESS_MAIN(TestBrowseOperations)
#include "tst_browse_operations.moc"
