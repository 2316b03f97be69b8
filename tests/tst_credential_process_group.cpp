// credential_process that hangs and leaves children behind: the timeout ends the whole process
// group, not just the direct child, and the command line's shorter --timeout is honoured. Each
// script writes the pid of a grandchild it started; the test looks for that process itself.

#include "aws/credential_process_provider.h"
#include "cli/exit_codes.h"
#include "support/command_runs.h"

#include <csignal>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

// Running, rather than gone or a zombie waiting to be reaped (a container's first process may
// never reap it): the state letter after the command name in /proc/PID/stat.
bool isRunning(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0 || close + 2 >= text.size())
        return false;
    const char state = text.at(close + 2);
    return state != 'Z' && state != 'X';
}

qint64 pidIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

// A script that starts a long sleep in the background, writes its pid to `pidFile`, then waits
// for ever itself. Returns its path.
QString writeForkingScript(const QTemporaryDir &dir, const QString &pidFile)
{
    const QString path = dir.filePath(QStringLiteral("forks.sh"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\nsleep 300 &\necho $! > '" + pidFile.toUtf8() + "'\nsleep 300\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

// A grandchild that survived a failed test would sleep on for minutes: it is ended here.
struct Reaper {
    qint64 pid = 0;
    ~Reaper()
    {
        if (isRunning(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
};

} // namespace

class TestCredentialProcessGroup : public QObject {
    Q_OBJECT
private slots:
    void timeoutEndsTheGrandchildrenToo();
    void destroyingTheProviderEndsTheGrandchildren();
    void commandLineTimeoutIsHonoured();
};

void TestCredentialProcessGroup::timeoutEndsTheGrandchildrenToo()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("grandchild"));
    aws::CredentialProcessProvider provider(writeForkingScript(dir, pidFile),
                                            QStringLiteral("forks"));
    provider.setTimeout(std::chrono::milliseconds(1000));
    QObject context;
    std::optional<aws::CredentialResult> result;
    provider.fetchCredentials(&context,
                              [&result](const aws::CredentialResult &answer) { result = answer; });
    QTRY_VERIFY(pidIn(pidFile) > 0);
    Reaper reaper{pidIn(pidFile)};
    QVERIFY(isRunning(reaper.pid));
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    const auto *error = std::get_if<aws::CredentialError>(&*result);
    QVERIFY(error);
    QVERIFY2(error->message.contains(QLatin1String("did not finish within 1 seconds")),
             qPrintable(error->message));
    QTRY_VERIFY2(!isRunning(reaper.pid), "the grandchild outlived the timeout");
}

void TestCredentialProcessGroup::destroyingTheProviderEndsTheGrandchildren()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("grandchild"));
    auto provider = std::make_unique<aws::CredentialProcessProvider>(
        writeForkingScript(dir, pidFile), QStringLiteral("forks"));
    QObject context;
    provider->fetchCredentials(&context, [](const aws::CredentialResult &) {});
    QTRY_VERIFY(pidIn(pidFile) > 0);
    Reaper reaper{pidIn(pidFile)};
    QVERIFY(isRunning(reaper.pid));
    provider.reset(); // the connection was switched while the process ran
    QTRY_VERIFY2(!isRunning(reaper.pid), "the grandchild outlived its provider");
}

void TestCredentialProcessGroup::commandLineTimeoutIsHonoured()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("grandchild"));
    const QString config = dir.filePath(QStringLiteral("config"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[profile forks]\nregion = us-west-2\ncredential_process = " +
               writeForkingScript(dir, pidFile).toUtf8() + '\n');
    file.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), config);
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                       dir.filePath(QStringLiteral("no-credentials")));
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"})
        environment.remove(QString::fromLatin1(name));
    QElapsedTimer clock;
    clock.start();
    // The endpoint is never reached: the credentials fail first.
    const Run run =
        runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"),
                      QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh"),
                      QStringLiteral("--profile"), QStringLiteral("forks"),
                      QStringLiteral("--timeout"), QStringLiteral("2"),
                      QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:9")},
                     environment);
    Reaper reaper{pidIn(pidFile)};
    QCOMPARE(run.exitCode, int(cli::AuthError));
    QVERIFY2(run.err.contains(QLatin1String("did not finish within 2 seconds")),
             qPrintable(run.err));
    // Two seconds, not the default minute.
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(reaper.pid > 0);
    QTRY_VERIFY2(!isRunning(reaper.pid), "the grandchild outlived the command");
}

QTEST_GUILESS_MAIN(TestCredentialProcessGroup)
#include "tst_credential_process_group.moc"
