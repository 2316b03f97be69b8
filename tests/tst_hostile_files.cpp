#include "files/bounded_file.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace testsupport;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The largest resident set of any child this test process has waited for, in MiB (the kernel's
// count, not the child's own).
double peakChildResidentMiB()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// No credentials, no keychain: the demo endpoint, with the AWS files where `environment` says.
QProcessEnvironment demoEnvironment(const QString &home)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

// Keys in the environment and an endpoint on loopback that is never reached: the AWS files are
// read, and must be refused, before any request.
QProcessEnvironment awsEnvironment(const QString &home)
{
    QProcessEnvironment environment = demoEnvironment(home);
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDHOSTILEFILES"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("hostile-secret"));
    return environment;
}

const QStringList kGetStageOnLoopback{QStringLiteral("get-stage"), QStringLiteral("--arn"),
                                      QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:"
                                                     "stage/Qx7Rk2LmPz9W"),
                                      QStringLiteral("--endpoint-url"),
                                      QStringLiteral("http://127.0.0.1:9")};

// A process that writes `megabytes` MiB of zeros into `fifo`, then stops; it is ended (broken
// pipe) when the reader goes away first.
std::unique_ptr<QProcess> startWriter(const QString &fifo, int megabytes)
{
    auto writer = std::make_unique<QProcess>();
    writer->start(QStringLiteral("dd"),
                  {QStringLiteral("if=/dev/zero"), QStringLiteral("of=") + fifo,
                   QStringLiteral("bs=1M"), QStringLiteral("count=%1").arg(megabytes)});
    return writer;
}

} // namespace

// Files that are not what they claim: an endless device, a pipe that is fed far more than any
// configuration, a FIFO with no writer, a file far larger than it should be. Each is refused
// with a clear message, within bounds of memory and time measured from outside the process.
class TestHostileFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void regularFilesWithinTheLimitAreRead();
    void everyKindOfFileIsHeldToTheLimit();
    void regularOnlyRefusesAFifoWithoutWaiting();
    void applyRefusesAnEndlessDevice();
    void applyRefusesAPipeFedTwoHundredMegabytes();
    void awsConfigFromADeviceIsRefused();
    void awsConfigFifoDoesNotHang();
    void awsConfigOfTwoMegabytesIsRefused();
    void peakMemoryOfEveryRunStaysSmall();

private:
    QTemporaryDir m_dir;
};

void TestHostileFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral("/dev/zero")), "needs /dev/zero");
}

void TestHostileFiles::regularFilesWithinTheLimitAreRead()
{
    const QString path = m_dir.filePath(QStringLiteral("small"));
    QVERIFY(writeFile(path, QByteArray(1000, 'x')));
    QString error;
    const auto bytes =
        files::readBounded(path, 1000, files::Accept::RegularFiles, QStringLiteral("file"), &error);
    QVERIFY2(bytes, qPrintable(error));
    QCOMPARE(bytes->size(), 1000);
    // One byte over is refused, with the limit in words.
    QVERIFY(!files::readBounded(path, 999, files::Accept::RegularFiles, QStringLiteral("file"),
                                &error));
    QVERIFY2(error.contains(QLatin1String("more than 999 bytes")), qPrintable(error));
    QVERIFY(!files::readBounded(m_dir.filePath(QStringLiteral("missing")), 10,
                                files::Accept::AnyReadable, QStringLiteral("the file"), &error));
    QVERIFY2(error.startsWith(QLatin1String("The file")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
    QVERIFY(!files::readBounded(m_dir.path(), 10, files::Accept::AnyReadable,
                                QStringLiteral("the file"), &error));
    QVERIFY2(error.contains(QLatin1String("directory")), qPrintable(error));
}

void TestHostileFiles::everyKindOfFileIsHeldToTheLimit()
{
    QString error;
    // /dev/zero has no end and reports no size: the count stops it.
    QVERIFY(!files::readBounded(QStringLiteral("/dev/zero"), kMiB, files::Accept::AnyReadable,
                                QStringLiteral("the file"), &error));
    QVERIFY2(error.contains(QLatin1String("more than 1 MiB")), qPrintable(error));
    // Regular files only: the device is refused without a byte read.
    QVERIFY(!files::readBounded(QStringLiteral("/dev/zero"), kMiB, files::Accept::RegularFiles,
                                QStringLiteral("the file"), &error));
    QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
    // A pipe fed 3 MiB, read with a 1 MiB limit.
    const QString fifo = m_dir.filePath(QStringLiteral("fed-fifo"));
    QVERIFY(makeFifo(fifo));
    const auto writer = startWriter(fifo, 3);
    QVERIFY(!files::readBounded(fifo, kMiB, files::Accept::AnyReadable, QStringLiteral("the file"),
                                &error));
    QVERIFY2(error.contains(QLatin1String("more than 1 MiB")), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(writer->state(), QProcess::NotRunning, 10000);
}

void TestHostileFiles::regularOnlyRefusesAFifoWithoutWaiting()
{
    const QString fifo = m_dir.filePath(QStringLiteral("lonely-fifo"));
    QVERIFY(makeFifo(fifo));
    // No writer will ever come: a blocking open would never return.
    QString error;
    QVERIFY(!files::readBounded(fifo, kMiB, files::Accept::RegularFiles,
                                QStringLiteral("the AWS file"), &error));
    QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
}

void TestHostileFiles::applyRefusesAnEndlessDevice()
{
    const Run run =
        runAppBinary({QStringLiteral("apply"), QStringLiteral("--demo"), QStringLiteral("--arn"),
                      kDefaultsDemoArn, QStringLiteral("--file"), QStringLiteral("/dev/zero"),
                      QStringLiteral("--dry-run")},
                     demoEnvironment(m_dir.path()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("/dev/zero")) &&
                 run.err.contains(QLatin1String("more than 1 MiB")),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestHostileFiles::applyRefusesAPipeFedTwoHundredMegabytes()
{
    const QString fifo = m_dir.filePath(QStringLiteral("apply-fifo"));
    QVERIFY(makeFifo(fifo));
    const auto writer = startWriter(fifo, 200);
    const Run run = runAppBinary({QStringLiteral("apply"), QStringLiteral("--demo"),
                                  QStringLiteral("--arn"), kDefaultsDemoArn,
                                  QStringLiteral("--file"), fifo, QStringLiteral("--dry-run")},
                                 demoEnvironment(m_dir.path()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("more than 1 MiB")), qPrintable(run.err));
    // The writer was cut off long before its 200 MiB: the reader stopped reading.
    QTRY_COMPARE_WITH_TIMEOUT(writer->state(), QProcess::NotRunning, 10000);
    QVERIFY2(writer->exitStatus() == QProcess::CrashExit || writer->exitCode() != 0,
             "the writer got all 200 MiB out: the reader read them all");
}

void TestHostileFiles::awsConfigFromADeviceIsRefused()
{
    // The demo needs no AWS file: it goes on, having read none of the device.
    QProcessEnvironment demo = demoEnvironment(m_dir.path());
    demo.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/zero"));
    const Run demoRun = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--demo"),
                                      QStringLiteral("--arn"), kDefaultsDemoArn},
                                     demo);
    QCOMPARE(demoRun.exitCode, 0);
    QVERIFY(demoRun.out.contains(QLatin1String("podcast-room")));

    QProcessEnvironment environment = awsEnvironment(m_dir.path());
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/zero"));
    const Run run = runAppBinary(kGetStageOnLoopback, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("/dev/zero")) &&
                 run.err.contains(QLatin1String("not a regular file")),
             qPrintable(run.err));
}

void TestHostileFiles::awsConfigFifoDoesNotHang()
{
    const QString fifo = m_dir.filePath(QStringLiteral("config-fifo"));
    QVERIFY(makeFifo(fifo));
    QProcessEnvironment environment = awsEnvironment(m_dir.path());
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), fifo);
    QElapsedTimer clock;
    clock.start();
    const Run run = runAppBinary(kGetStageOnLoopback, environment);
    // runAppBinary gives up after a minute (exit code -1): a hang shows as that.
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("not a regular file")), qPrintable(run.err));
    QVERIFY2(clock.elapsed() < 30000, "refused, but only after a long wait");
}

void TestHostileFiles::awsConfigOfTwoMegabytesIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("big-config"));
    // A plausible start, then far more than any real config file holds.
    QVERIFY(
        writeFile(path, QByteArray("[default]\nregion = us-west-2\n") + QByteArray(2 * kMiB, '#')));
    QProcessEnvironment environment = awsEnvironment(m_dir.path());
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), path);
    const Run run = runAppBinary(kGetStageOnLoopback, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("more than 1 MiB")), qPrintable(run.err));
}

void TestHostileFiles::peakMemoryOfEveryRunStaysSmall()
{
    // Every binary run above is a child this process waited for; the largest of them stayed
    // far below the 200 MiB that one of them was fed.
    const double peak = peakChildResidentMiB();
    qInfo("largest child resident set: %.1f MiB", peak);
    QVERIFY2(peak > 0, "no child was measured");
    // Under AddressSanitizer every process carries its shadow memory and quarantine; the bound
    // stays below the 200 MiB the pipe was fed either way.
#if defined(__SANITIZE_ADDRESS__)
    constexpr double kBoundMiB = 180;
#else
    constexpr double kBoundMiB = 100;
#endif
    QVERIFY2(peak < kBoundMiB, qPrintable(QStringLiteral("peak child RSS %1 MiB").arg(peak)));
}

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "tst_hostile_files.moc"
