#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "support/demo_stage_fixtures.h"
#include "support/raw_tcp_server.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// Backoff runs through this instead of real timers: the tests see every delay asked for and
// never sleep for it.
struct RecordingScheduler {
    QList<int> delays;
    ivs::IvsClient::DelayScheduler scheduler()
    {
        return [this](int milliseconds, QObject *context, std::function<void()> then) {
            delays.append(milliseconds);
            QTimer::singleShot(0, context, std::move(then));
        };
    }
};

struct Harness {
    explicit Harness(const QUrl &endpoint,
                     aws::Credentials credentials = {QStringLiteral("AKIDFAULTS"),
                                                     QStringLiteral("secret"),
                                                     {},
                                                     {}})
        : provider(std::move(credentials), QStringLiteral("test"))
    {
        network.setProxy(QNetworkProxy::NoProxy);
        aws::EndpointConfig config;
        config.overrideUrl = endpoint;
        client = std::make_unique<ivs::IvsClient>(&network, &provider, config);
        client->setDelayScheduler(scheduler.scheduler());
        client->setRandomSource([] { return 0.5; });
    }

    ivs::GetStageResult getStage(const QString &arn = kArn)
    {
        ivs::GetStageResult result;
        bool done = false;
        QObject context;
        client->getStage(*ivs::StageArn::parse(arn), QString(), &context,
                         [&](const ivs::GetStageResult &r) {
                             result = r;
                             done = true;
                         });
        if (!QTest::qWaitFor([&done] { return done; }, 20000))
            result.error = ivs::localError(ivs::ErrorCategory::Timeout,
                                           QStringLiteral("test waited in vain"), {}, {});
        return result;
    }

    QNetworkAccessManager network;
    aws::StaticCredentialProvider provider;
    RecordingScheduler scheduler;
    std::unique_ptr<ivs::IvsClient> client;
};

net::HttpResponse seedStage()
{
    return net::HttpResponse::json(200,
                                   readTestData(QStringLiteral("get_stage_seed_response.json")));
}

} // namespace

// Faults injected by local servers: retries with backoff, clock skew, broken and hostile answers,
// timeouts. No test waits for a backoff in real time.
class TestClientFaults : public QObject {
    Q_OBJECT
private slots:
    void throttlingIsRetriedWithBackoffUntilSuccess();
    void serverErrorsGiveUpAfterThreeAttempts();
    void proxyErrorPageIsRetriedThenReportedAsUnexpected();
    void clientErrorsAreNotRetried_data();
    void clientErrorsAreNotRetried();
    void droppedConnectionsAreRetried();
    void backoffIsExponentialWithFullJitter();
    void clockSkewIsCorrectedFromTheDateHeaderAndRemembered();
    void clockSkewWithoutDateHeaderIsReportedNotGuessed();
    void brokenSuccessBodiesAreUnexpectedResponses_data();
    void brokenSuccessBodiesAreUnexpectedResponses();
    void enormousAnswerIsCutOff();
    void answerThatNeverEndsTimesOut();
    void silentServerTimesOut();
    void callStartedBeforeASwitchStaysWithItsConnection();
    void retryAfterASwitchGoesWhereTheCallStarted();
};

void TestClientFaults::throttlingIsRetriedWithBackoffUntilSuccess()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(awsErrorResponse(429, "ThrottlingException", QStringLiteral("Rate exceeded")));
    endpoint.enqueue(
        awsErrorResponse(400, "TooManyRequestsException", QStringLiteral("Slow down")));
    endpoint.enqueue(seedStage());
    Harness harness(endpoint.url());
    QSignalSpy retries(harness.client.get(), &ivs::IvsClient::retrying);
    QElapsedTimer timer;
    timer.start();

    const ivs::GetStageResult result = harness.getStage();
    QVERIFY2(result.ok(), result.error ? qPrintable(result.error->userMessage()) : "");
    QCOMPARE(endpoint.requests().size(), 3);
    QCOMPARE(harness.scheduler.delays, (QList<int>{500, 1000}));
    QCOMPARE(retries.count(), 2);
    QVERIFY2(retries.at(0).at(0).toString().contains(QLatin1String(
                 "ThrottlingException, HTTP 429): retrying in 0.5 s (attempt 2 of 3)")),
             qPrintable(retries.at(0).at(0).toString()));
    QVERIFY2(timer.elapsed() < 1500, "backoff went through the injected scheduler, not real time");
    // Each attempt is signed afresh.
    QVERIFY(endpoint.requests().at(0).header("authorization") != QByteArray());
}

void TestClientFaults::serverErrorsGiveUpAfterThreeAttempts()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(awsErrorResponse(503, "ServiceUnavailableException",
                                          QStringLiteral("Service unavailable")));
    Harness harness(endpoint.url());
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(endpoint.requests().size(), 3);
    QCOMPARE(result.error->attempts, 3);
    QCOMPARE(result.error->category, ivs::ErrorCategory::ServiceFailure);
    QVERIFY2(result.error->userMessage().contains(QLatin1String("Gave up after 3 attempts")),
             qPrintable(result.error->userMessage()));
}

void TestClientFaults::proxyErrorPageIsRetriedThenReportedAsUnexpected()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    net::HttpResponse page;
    page.status = 502;
    page.headers = {{"Content-Type", "text/html"}};
    page.body =
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    endpoint.setFallback(page);
    Harness harness(endpoint.url());
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(endpoint.requests().size(), 3);
    const QString message = result.error->userMessage();
    QVERIFY2(message.contains(
                 QLatin1String("Unexpected response (text/html) (HTTP 502): 502 Bad Gateway")),
             qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("<h1>")));
}

void TestClientFaults::clientErrorsAreNotRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorType");
    QTest::newRow("validation") << 400 << QByteArray("ValidationException");
    QTest::newRow("access denied") << 403 << QByteArray("AccessDeniedException");
    QTest::newRow("not found") << 404 << QByteArray("ResourceNotFoundException");
    QTest::newRow("conflict") << 409 << QByteArray("ConflictException");
    QTest::newRow("bad signature") << 403 << QByteArray("InvalidSignatureException");
}

void TestClientFaults::clientErrorsAreNotRetried()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorType);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(awsErrorResponse(status, errorType, QStringLiteral("no")));
    Harness harness(endpoint.url());
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(result.error->code, QString::fromLatin1(errorType));
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(harness.scheduler.delays.isEmpty());
}

void TestClientFaults::droppedConnectionsAreRetried()
{
    RawTcpServer server(RawTcpServer::Behaviour::CloseAtOnce);
    QVERIFY(server.start());
    Harness harness(QUrl(server.url()));
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::Network);
    QVERIFY(result.error->transient);
    QCOMPARE(result.error->attempts, 3);
    // Qt itself may reconnect once when a connection drops before any answer.
    QVERIFY2(server.connectionsAccepted() >= 3,
             qPrintable(QString::number(server.connectionsAccepted())));
}

void TestClientFaults::backoffIsExponentialWithFullJitter()
{
    const ivs::RetryPolicy policy;
    QCOMPARE(policy.delayBeforeAttempt(2, 0.0), 0);
    QCOMPARE(policy.delayBeforeAttempt(2, 0.999), 999);
    QCOMPARE(policy.delayBeforeAttempt(3, 0.5), 1000);
    QCOMPARE(policy.delayBeforeAttempt(4, 0.5), 2000);
    QCOMPARE(policy.delayBeforeAttempt(30, 0.5), 10000); // capped at 20 s before the jitter
}

void TestClientFaults::clockSkewIsCorrectedFromTheDateHeaderAndRemembered()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    // The service's clock is ten minutes ahead of this computer's.
    endpoint.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(600); });
    Harness harness(endpoint.url(), demo::DemoEndpoint::credentials());
    QSignalSpy corrected(harness.client.get(), &ivs::IvsClient::clockSkewCorrected);
    QSignalSpy sent(harness.client.get(), &ivs::IvsClient::requestSent);

    const ivs::GetStageResult result = harness.getStage(kFullyConfiguredDemoArn);
    QVERIFY2(result.ok(), result.error ? qPrintable(result.error->userMessage()) : "");
    QCOMPARE(sent.count(), 2); // refused, then re-signed once
    QCOMPARE(corrected.count(), 1);
    const qint64 offset = corrected.at(0).at(0).toLongLong();
    QVERIFY2(offset >= 598 && offset <= 602, qPrintable(QString::number(offset)));
    QVERIFY2(corrected.at(0).at(1).toString().contains(QLatin1String("seconds behind")),
             qPrintable(corrected.at(0).at(1).toString()));
    QVERIFY(harness.scheduler.delays.isEmpty()); // a correction is not a backoff

    // The offset is kept: the next call is right the first time.
    QVERIFY(harness.getStage(kFullyConfiguredDemoArn).ok());
    QCOMPARE(sent.count(), 3);
    QCOMPARE(corrected.count(), 1);
}

void TestClientFaults::clockSkewWithoutDateHeaderIsReportedNotGuessed()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(
        awsErrorResponse(403, "InvalidSignatureException",
                         QStringLiteral("Signature expired: 20260101T000000Z is now earlier than "
                                        "20260101T001000Z (20260101T001500Z - 5 min.)")));
    Harness harness(endpoint.url());
    QSignalSpy corrected(harness.client.get(), &ivs::IvsClient::clockSkewCorrected);
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(endpoint.requests().size(), 1);
    QCOMPARE(corrected.count(), 0);
    QVERIFY(result.error->nextStep.contains(QLatin1String("clock")));
}

void TestClientFaults::brokenSuccessBodiesAreUnexpectedResponses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QTest::newRow("truncated") << QByteArray(R"({"stage": {"arn": "arn:aws:ivs:us-west-2:1)")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("no stage") << QByteArray(R"({"stages": []})")
                              << QStringLiteral("no \"stage\" object");
    QTest::newRow("wrong type") << QByteArray(R"({"stage": {"arn": "x", "tags": []}})")
                                << QStringLiteral("stage.tags should be");
    QTest::newRow("html") << QByteArray("<html><title>Login required</title></html>")
                          << QStringLiteral("not valid JSON");
}

void TestClientFaults::brokenSuccessBodiesAreUnexpectedResponses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, body));
    Harness harness(endpoint.url());
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(!result.stage);
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::MalformedResponse);
    const QString message = result.error->userMessage();
    QVERIFY2(message.startsWith(QLatin1String("Unexpected response")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("HTTP 200")), qPrintable(message));
    QVERIFY2(message.contains(detail), qPrintable(message));
    QCOMPARE(endpoint.requests().size(), 1);
}

void TestClientFaults::enormousAnswerIsCutOff()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    QByteArray huge = R"({"stage": {"arn": ")";
    huge.append(QByteArray(9 * 1024 * 1024, 'a'));
    huge.append(R"("}})");
    endpoint.setFallback(net::HttpResponse::json(200, huge));
    Harness harness(endpoint.url());
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QVERIFY2(result.error->userMessage().contains(QLatin1String("larger than 8 MiB")),
             qPrintable(result.error->userMessage()));
}

void TestClientFaults::answerThatNeverEndsTimesOut()
{
    RawTcpServer server(RawTcpServer::Behaviour::Trickle);
    QVERIFY(server.start());
    Harness harness(QUrl(server.url()));
    harness.client->setTransferTimeout(600);
    QElapsedTimer timer;
    timer.start();
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::Timeout);
    QVERIFY2(result.error->userMessage().contains(QLatin1String("within 0.6 seconds")),
             qPrintable(result.error->userMessage()));
    QVERIFY2(timer.elapsed() >= 550 && timer.elapsed() < 5000,
             qPrintable(QString::number(timer.elapsed())));
}

void TestClientFaults::silentServerTimesOut()
{
    RawTcpServer server(RawTcpServer::Behaviour::NeverAnswer);
    QVERIFY(server.start());
    Harness harness(QUrl(server.url()));
    harness.client->setTransferTimeout(300);
    const ivs::GetStageResult result = harness.getStage();
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::Timeout);
    QCOMPARE(server.connectionsAccepted(), 1);
    QTRY_COMPARE(server.connectionsClosedByPeer(), 1); // the request was really abandoned
}

namespace {

// What the window does when the user picks another profile: new keys, another endpoint.
void switchConnection(Harness &harness, aws::CredentialProvider &provider, const QUrl &endpoint)
{
    aws::EndpointConfig config;
    config.overrideUrl = endpoint;
    harness.client->setCredentialProvider(&provider);
    harness.client->setEndpointConfig(config);
}

bool signedBy(const net::HttpRequest &request, const QByteArray &accessKeyId)
{
    return request.header("Authorization").contains("Credential=" + accessKeyId + '/');
}

} // namespace

void TestClientFaults::callStartedBeforeASwitchStaysWithItsConnection()
{
    ScriptedEndpoint before;
    ScriptedEndpoint after;
    QVERIFY(before.start());
    QVERIFY(after.start());
    before.setFallback(seedStage());
    after.setFallback(seedStage());
    Harness harness(before.url());
    aws::StaticCredentialProvider otherKeys(
        {QStringLiteral("AKIDOTHER"), QStringLiteral("other"), {}, {}}, QStringLiteral("other"));

    // The credentials arrive asynchronously: the switch comes between asking and sending.
    std::optional<ivs::GetStageResult> result;
    QObject context;
    harness.client->getStage(*ivs::StageArn::parse(kArn), QString(), &context,
                             [&result](const ivs::GetStageResult &r) { result = r; });
    switchConnection(harness, otherKeys, after.url());

    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY2(result->ok(), result->error ? qPrintable(result->error->userMessage()) : "");
    QCOMPARE(before.requests().size(), 1);
    QVERIFY(signedBy(before.requests().constFirst(), "AKIDFAULTS"));
    QCOMPARE(after.requests().size(), 0);

    // Calls made after the switch use the new connection.
    QVERIFY(harness.getStage().ok());
    QCOMPARE(after.requests().size(), 1);
    QVERIFY(signedBy(after.requests().constFirst(), "AKIDOTHER"));
    QCOMPARE(before.requests().size(), 1);
}

void TestClientFaults::retryAfterASwitchGoesWhereTheCallStarted()
{
    ScriptedEndpoint before;
    ScriptedEndpoint after;
    QVERIFY(before.start());
    QVERIFY(after.start());
    after.setFallback(seedStage());
    aws::StaticCredentialProvider otherKeys(
        {QStringLiteral("AKIDOTHER"), QStringLiteral("other"), {}, {}}, QStringLiteral("other"));
    std::unique_ptr<Harness> harness = std::make_unique<Harness>(before.url());
    // The first attempt fails and the user switches while the retry waits.
    before.setHandler([&](const net::HttpRequest &) {
        if (before.requests().size() == 1) {
            switchConnection(*harness, otherKeys, after.url());
            return awsErrorResponse(503, "ServiceUnavailableException",
                                    QStringLiteral("Try again"));
        }
        return seedStage();
    });

    const ivs::GetStageResult result = harness->getStage();
    QVERIFY2(result.ok(), result.error ? qPrintable(result.error->userMessage()) : "");
    QCOMPARE(before.requests().size(), 2);
    QVERIFY(signedBy(before.requests().at(1), "AKIDFAULTS"));
    QCOMPARE(after.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_client_faults.moc"
