#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/paging.h"
#include "ivs/publishing.h"
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

// Runs the List operation named `operation` through its public function, on the fully
// configured demo stage's ARN; the error it ended with.
std::optional<ivs::ServiceError> listingError(Client &client, const QString &operation)
{
    const ivs::StageArn stage = *ivs::StageArn::parse(kFullyConfiguredDemoArn);
    const QString session = QStringLiteral("st-a1b2C3d4E5f6G7h");
    const QString participant = QStringLiteral("p-1");
    const QString region = stage.region();
    if (operation == QLatin1String("ListStages"))
        return client
            .run<ivs::StageListResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
                ivs::listAllStages(c, region, context, done);
            })
            .error;
    if (operation == QLatin1String("ListStorageConfigurations"))
        return client
            .run<ivs::ListStorageConfigurationsResult>(
                [&](ivs::IvsClient &c, QObject *context, auto done) {
                    ivs::listStorageConfigurations(c, region, context, done);
                })
            .error;
    if (operation == QLatin1String("ListStageSessions"))
        return client
            .run<ivs::SessionsResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
                ivs::listStageSessions(c, stage, context, done);
            })
            .error;
    if (operation == QLatin1String("ListParticipants"))
        return client
            .run<ivs::ParticipantsResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
                ivs::listParticipants(c, stage, session, context, done);
            })
            .error;
    if (operation == QLatin1String("ListParticipantEvents"))
        return client
            .run<ivs::EventsResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
                ivs::listParticipantEvents(c, stage, session, participant, context, done);
            })
            .error;
    if (operation == QLatin1String("ListIngestConfigurations"))
        return client
            .run<ivs::IngestListResult>([&](ivs::IvsClient &c, QObject *context, auto done) {
                ivs::listIngestConfigurations(c, stage, context, done);
            })
            .error;
    qFatal("no List operation %s", qPrintable(operation));
}

} // namespace

// Listing operations: every page, in a useful order, with a guard against endless paging.
class TestBrowseOperations : public QObject {
    Q_OBJECT
private slots:
    void followsEveryPageIncludingEmptyOnes();
    void stopsWhenATokenRepeats();
    void everyListStopsWhenTheServerRepeatsItsToken_data();
    void everyListStopsWhenTheServerRepeatsItsToken();
    void stopsWhenTokensGoRoundInACircle();
    void stopsAfterTheMostPages();
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

void TestBrowseOperations::everyListStopsWhenTheServerRepeatsItsToken_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("listKey");
    QTest::newRow("stages") << "ListStages"
                            << "stages";
    QTest::newRow("storage") << "ListStorageConfigurations"
                             << "storageConfigurations";
    QTest::newRow("sessions") << "ListStageSessions"
                              << "stageSessions";
    QTest::newRow("participants") << "ListParticipants"
                                  << "participants";
    QTest::newRow("events") << "ListParticipantEvents"
                            << "events";
    QTest::newRow("ingest") << "ListIngestConfigurations"
                            << "ingestConfigurations";
}

// Every List operation pages through the one helper: a server that answers every page with the
// same token is asked twice, and the listing ends with an error that names the operation.
void TestBrowseOperations::everyListStopsWhenTheServerRepeatsItsToken()
{
    QFETCH(QString, operation);
    QFETCH(QString, listKey);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([listKey](const net::HttpRequest &) {
        return listPage(listKey, {stageSummary(1)}, QStringLiteral("same"));
    });
    Client client(endpoint.url());
    const auto error = listingError(client, operation);
    QVERIFY(error);
    const QString message = error->userMessage();
    QVERIFY2(message.contains(operation + QLatin1String(" sent a repeated page token after 2 "
                                                        "pages, so paging stopped")),
             qPrintable(message));
    QCOMPARE(endpoint.requests().size(), 2);
    QCOMPARE(endpoint.requestsTo('/' + operation.toUtf8()), 2);
    QCOMPARE(tokenOf(endpoint.requests().at(1)), QStringLiteral("same"));
}

void TestBrowseOperations::stopsWhenTokensGoRoundInACircle()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        const QString token = tokenOf(request);
        return listPage(QStringLiteral("storageConfigurations"), {},
                        token == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a"));
    });
    Client client(endpoint.url());
    const auto error = listingError(client, QStringLiteral("ListStorageConfigurations"));
    QVERIFY(error);
    QVERIFY2(error->userMessage().contains(QLatin1String("repeated page token after 3 pages")),
             qPrintable(error->userMessage()));
    QCOMPARE(endpoint.requestsTo("/ListStorageConfigurations"), 3); // "", a, b; then a again
}

void TestBrowseOperations::stopsAfterTheMostPages()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    int served = 0;
    endpoint.setHandler([&served](const net::HttpRequest &) {
        ++served; // a fresh token every time: only the bound on pages stops this
        return listPage(QStringLiteral("stages"), {stageSummary(served)},
                        QStringLiteral("t%1").arg(served));
    });
    Client client(endpoint.url());
    const auto result =
        client.run<ivs::PagedResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::fetchAllPages(c, QStringLiteral("us-west-2"), QStringLiteral("ListStages"),
                               {{QStringLiteral("maxResults"), 100}}, QStringLiteral("stages"),
                               context, done, 5);
        });
    QVERIFY(result.error);
    QVERIFY2(result.error->userMessage().contains(
                 QLatin1String("ListStages still had more pages after 5, so paging stopped")),
             qPrintable(result.error->userMessage()));
    QCOMPARE(endpoint.requestsTo("/ListStages"), 5);
    QCOMPARE(result.pages, 5);
    QCOMPARE(result.items.size(), 5); // what arrived is kept
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
