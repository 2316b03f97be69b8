// `--measure-startup`: the real binary reports when its window was first painted, and neither a
// slow credential source nor a silent endpoint holds that paint back.

#include "support/command_runs.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
// Far longer than any start-up: a start that waited for it could not report in time.
constexpr int kSlowSeconds = 30;
// Generous even under sanitizers, and far below the 30 s a start-up waiting on either would take.
constexpr int kUnblockedBoundMs = 10000;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 wallMs = -1;
};

} // namespace

class TestStartupMeasurement : public QObject {
    Q_OBJECT
private slots:
    void init();
    void reportsTheFirstPaintAndQuits();
    void doesNotWaitForASlowCredentialProcess();
    void doesNotWaitForASilentEndpoint();
    void theOptionIsInTheHelp();

private:
    QProcessEnvironment sandbox() const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment) const;
    static int reportedMs(const Run &run);

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestStartupMeasurement::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

QProcessEnvironment TestStartupMeasurement::sandbox() const
{
    return testsupport::sandboxedEnvironment(m_home->path());
}

Run TestStartupMeasurement::run(const QStringList &arguments,
                                const QProcessEnvironment &environment) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer wall;
    wall.start();
    process.start(QStringLiteral(IVS_APP_BINARY), arguments);
    Run result;
    if (!process.waitForFinished((kSlowSeconds - 5) * 1000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.wallMs = wall.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

int TestStartupMeasurement::reportedMs(const Run &run)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^startup: (\\d+) ms\\n$")).match(run.out);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

void TestStartupMeasurement::reportsTheFirstPaintAndQuits()
{
    // No credentials anywhere: the window opens on the demo endpoint.
    const Run result = run({QStringLiteral("--measure-startup")}, sandbox());
    QCOMPARE(result.exitCode, 0);
    const int ms = reportedMs(result);
    QVERIFY2(ms > 0, qPrintable(result.out + result.err));
    // Counted from the process's start, so it cannot be much less than the whole run took.
    QVERIFY2(
        ms <= result.wallMs + 20,
        qPrintable(QStringLiteral("%1 ms reported, run took %2 ms").arg(ms).arg(result.wallMs)));
}

void TestStartupMeasurement::doesNotWaitForASlowCredentialProcess()
{
    const QString config = m_home->filePath(QStringLiteral("aws-config"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[profile slow]\nregion = us-west-2\ncredential_process = sleep %1\n")
                   .arg(kSlowSeconds)
                   .toUtf8());
    file.close();
    QProcessEnvironment environment = sandbox();
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), config);

    // The stage is looked up at start, so credentials are asked for straight away.
    const Run result = run({QStringLiteral("--measure-startup"), QStringLiteral("--profile"),
                            QStringLiteral("slow"), QStringLiteral("--arn"), kArn},
                           environment);
    QCOMPARE(result.exitCode, 0);
    const int ms = reportedMs(result);
    QVERIFY2(ms > 0 && ms < kUnblockedBoundMs, qPrintable(result.out + result.err));
}

void TestStartupMeasurement::doesNotWaitForASilentEndpoint()
{
    // Accepts connections (the kernel does) but never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QProcessEnvironment environment = sandbox();
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDSTARTUPTEST"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("startup-secret"));

    const Run result = run({QStringLiteral("--measure-startup"), QStringLiteral("--endpoint-url"),
                            QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()),
                            QStringLiteral("--arn"), kArn},
                           environment);
    QCOMPARE(result.exitCode, 0);
    const int ms = reportedMs(result);
    QVERIFY2(ms > 0 && ms < kUnblockedBoundMs, qPrintable(result.out + result.err));
}

void TestStartupMeasurement::theOptionIsInTheHelp()
{
    const Run result = run({QStringLiteral("--help")}, sandbox());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QLatin1String("--measure-startup")), qPrintable(result.out));
}

QTEST_GUILESS_MAIN(TestStartupMeasurement)
#include "tst_startup_measurement.moc"
