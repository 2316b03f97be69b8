#include "cli/exit_codes.h"
#include "ivs/stage_arn.h"
#include "support/command_runs.h"
#include "support/raw_tcp_server.h"
#include "support/single_attempt_client.h"

#include <QElapsedTimer>
#include <QTest>

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

} // namespace

// Answers that never end: a chunked body that flows forever over plain http is cut off near the
// 8 MiB bound; the bound is measured at the server (the bytes it got out), not taken from the
// app's own counters.
class TestEndlessAnswers : public QObject {
    Q_OBJECT
private slots:
    void chunkedFloodIsCutOffInTheClient();
    void chunkedFloodIsCutOffInTheCommand();
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

QTEST_GUILESS_MAIN(TestEndlessAnswers)
#include "tst_endless_answers.moc"
