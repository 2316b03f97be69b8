#include "cli/exit_codes.h"
#include "ivs/browse_operations.h"
#include "ivs/paging.h"
#include "ivs/stage_arn.h"
#include "support/command_runs.h"
#include "support/raw_tcp_server.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <sys/resource.h>

using namespace testsupport;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// The test's own environment (a sandboxed HOME) with keys of its own and a single attempt.
QProcessEnvironment binaryEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QProcessEnvironment keys =
        environmentWith(QStringLiteral("AKIDENDLESS"), QStringLiteral("endless-secret"));
    const QStringList names = keys.keys();
    for (const QString &name : names)
        environment.insert(name, keys.value(name));
    return environment;
}

double peakChildResidentMiB()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // KiB on Linux
}

// A ListStages page of about `bytes`: 1000 stages, each padded with a field the app ignores,
// and a token never seen before.
QByteArray largePage(qint64 bytes, int number)
{
    const QString padding(static_cast<qsizetype>(bytes / 1000), QLatin1Char('p'));
    QJsonArray stages;
    for (int i = 0; i < 1000; ++i)
        stages.append(QJsonObject{
            {QStringLiteral("arn"),
             QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/p%1s%2").arg(number).arg(i)},
            {QStringLiteral("name"), QStringLiteral("stage-%1-%2").arg(number).arg(i)},
            {QStringLiteral("padding"), padding}});
    return QJsonDocument(QJsonObject{{QStringLiteral("stages"), stages},
                                     {QStringLiteral("nextToken"),
                                      QStringLiteral("fresh-token-%1").arg(number)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

// Answers that never end or never stop coming: a chunked body that flows forever over plain
// http, and a listing whose pages are large and whose tokens are always new. Each is cut off
// near its bound; the bound is measured at the server (bytes it got out, requests it answered)
// and in the child's resident memory, not taken from the app's own counters.
class TestEndlessAnswers : public QObject {
    Q_OBJECT
private slots:
    void chunkedFloodIsCutOffInTheClient();
    void chunkedFloodIsCutOffInTheCommand();
    void listingStopsWhenItsBudgetIsSpent();
    void listingsSharingABudgetStopTogether();
    void listStagesStopsAtTheTotalBound();
    void peakMemoryOfEveryRunStaysSmall();
};

void TestEndlessAnswers::chunkedFloodIsCutOffInTheClient()
{
    RawTcpServer server(RawTcpServer::Behaviour::ChunkedFlood);
    QVERIFY(server.start());
    SingleAttemptClient client(QUrl(server.url()),
                               {QStringLiteral("AKIDENDLESS"), QStringLiteral("s"), {}, {}});
    client.client->setTransferTimeout(20000);
    QElapsedTimer clock;
    clock.start();
    const auto result =
        client.run<ivs::GetStageResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            c.getStage(*ivs::StageArn::parse(kArn), QString(), context, done);
        });
    QVERIFY(result.error);
    QCOMPARE(result.error->category, ivs::ErrorCategory::MalformedResponse);
    QVERIFY2(result.error->userMessage().contains(QLatin1String("larger than 8 MiB")),
             qPrintable(result.error->userMessage()));
    // Stopped by the size, long before the deadline, and the connection was dropped.
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(server.connectionsClosedByPeer(), 1);
    qInfo("the server got %lld bytes out", server.bytesSent());
    QVERIFY(server.bytesSent() > 8 * kMiB);
    QVERIFY2(server.bytesSent() < 32 * kMiB, qPrintable(QString::number(server.bytesSent())));
}

void TestEndlessAnswers::chunkedFloodIsCutOffInTheCommand()
{
    RawTcpServer server(RawTcpServer::Behaviour::ChunkedFlood);
    QVERIFY(server.start());
    QElapsedTimer clock;
    clock.start();
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--endpoint-url"), server.url(),
                                  QStringLiteral("--timeout"), QStringLiteral("30")},
                                 binaryEnvironment());
    QCOMPARE(run.exitCode, int(cli::ServiceError));
    QVERIFY2(run.err.contains(QLatin1String("larger than 8 MiB")), qPrintable(run.err));
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(server.connectionsClosedByPeer(), 1);
    qInfo("the server got %lld bytes out", server.bytesSent());
    QVERIFY2(server.bytesSent() < 32 * kMiB, qPrintable(QString::number(server.bytesSent())));
}

void TestEndlessAnswers::listingStopsWhenItsBudgetIsSpent()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    int served = 0;
    endpoint.setHandler([&served](const net::HttpRequest &) {
        ++served;
        return listPage(QStringLiteral("stages"),
                        {QJsonObject{{QStringLiteral("arn"), QStringLiteral("a%1").arg(served)},
                                     {QStringLiteral("name"), QString(400, QLatin1Char('n'))}}},
                        QStringLiteral("t%1").arg(served));
    });
    SingleAttemptClient client(endpoint.url(),
                               {QStringLiteral("AKIDENDLESS"), QStringLiteral("s"), {}, {}});
    // About 450 bytes a page: the third page passes 1000 bytes, and no fourth is asked for.
    const auto budget = std::make_shared<ivs::PagingBudget>(1000);
    const auto result =
        client.run<ivs::PagedResult>([budget](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::fetchAllPages(c, QStringLiteral("us-west-2"), QStringLiteral("ListStages"), {},
                               QStringLiteral("stages"), context, done, ivs::kMaxPages, budget);
        });
    QVERIFY(result.error);
    QVERIFY2(result.error->userMessage().contains(
                 QLatin1String("ListStages answers came to more than 1000 bytes in all after 3 "
                               "pages, so paging stopped; the list is incomplete")),
             qPrintable(result.error->userMessage()));
    QCOMPARE(endpoint.requestsTo("/ListStages"), 3);
    QCOMPARE(result.items.size(), 3); // what arrived is kept
    QVERIFY(budget->used() > 1000);
}

void TestEndlessAnswers::listingsSharingABudgetStopTogether()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    int served = 0;
    endpoint.setHandler([&served](const net::HttpRequest &) {
        ++served;
        return listPage(QStringLiteral("stages"),
                        {QJsonObject{{QStringLiteral("arn"),
                                      QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/"
                                                     "s%1")
                                          .arg(served)},
                                     {QStringLiteral("name"), QString(1000, QLatin1Char('n'))}}},
                        QStringLiteral("t%1").arg(served));
    });
    SingleAttemptClient client(endpoint.url(),
                               {QStringLiteral("AKIDENDLESS"), QStringLiteral("s"), {}, {}});
    const auto budget = std::make_shared<ivs::PagingBudget>(10000);
    QObject context;
    int finished = 0;
    int stopped = 0;
    for (const QString &region : {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1")}) {
        ivs::listAllStages(
            *client.client, region, &context,
            [&](const ivs::StageListResult &result) {
                ++finished;
                if (result.error && result.error->userMessage().contains(
                                        QLatin1String("more than 10000 bytes in all")))
                    ++stopped;
            },
            budget);
    }
    QTRY_COMPARE(finished, 2);
    QCOMPARE(stopped, 2);
    // About 1 KB a page: two listings together stop near 10 KB, not near 20 KB.
    QVERIFY2(endpoint.requestsTo("/ListStages") <= 12,
             qPrintable(QString::number(endpoint.requestsTo("/ListStages"))));
}

void TestEndlessAnswers::listStagesStopsAtTheTotalBound()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    // 7 MB pages (under the 8 MiB an answer may have), with a fresh token every time: only the
    // bound on the listing's total stops this.
    int served = 0;
    endpoint.setHandler([&served](const net::HttpRequest &) {
        ++served;
        return net::HttpResponse::json(200, largePage(7'000'000, served));
    });
    const Run run =
        runAppBinary({QStringLiteral("list-stages"), QStringLiteral("--region"),
                      QStringLiteral("us-west-2"), QStringLiteral("--endpoint-url"),
                      endpoint.url().toString(), QStringLiteral("--timeout"), QStringLiteral("30")},
                     binaryEnvironment());
    QCOMPARE(run.exitCode, int(cli::ServiceError));
    QVERIFY2(run.err.contains(QLatin1String("ListStages answers came to more than 32 MiB in all "
                                            "after 5 pages")),
             qPrintable(run.err.left(2000)));
    // What was read is listed, and said to be incomplete.
    QVERIFY2(run.err.contains(QLatin1String("The 5000 stages read before the failure are listed")),
             qPrintable(run.err.left(2000)));
    QVERIFY(run.out.contains(QLatin1String("stage-5-999")));
    QCOMPARE(endpoint.requestsTo("/ListStages"), 5);
}

void TestEndlessAnswers::peakMemoryOfEveryRunStaysSmall()
{
    // The largest child above read 35 MB of pages that, unbounded, would have gone on to 7 GB;
    // the flood, unbounded, grew a child past 600 MiB.
    const double peak = peakChildResidentMiB();
    qInfo("largest child resident set: %.1f MiB", peak);
    QVERIFY2(peak > 0, "no child was measured");
#if defined(__SANITIZE_ADDRESS__)
    constexpr double kBoundMiB = 400;
#else
    constexpr double kBoundMiB = 150;
#endif
    QVERIFY2(peak < kBoundMiB, qPrintable(QStringLiteral("peak child RSS %1 MiB").arg(peak)));
}

QTEST_GUILESS_MAIN(TestEndlessAnswers)
#include "tst_endless_answers.moc"
