#include "support/command_runs.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>

namespace testsupport {

QProcessEnvironment environmentWith(const QString &accessKeyId, const QString &secret)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), accessKeyId);
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    return environment;
}

QProcessEnvironment sandboxedEnvironment(const QString &home)
{
    const QDir folder(home);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.filePath(QStringLiteral("c")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), folder.filePath(QStringLiteral("d")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), folder.filePath(QStringLiteral("k")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    for (const char *sanitizer : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"}) {
        if (qEnvironmentVariableIsSet(sanitizer))
            environment.insert(QString::fromLatin1(sanitizer), qEnvironmentVariable(sanitizer));
    }
    return environment;
}

Run runAppBinary(const QStringList &arguments, const QProcessEnvironment &environment,
                 const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(IVS_APP_BINARY), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!finished.wait(60000) && finished.isEmpty()) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace testsupport
