#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace testsupport {

// What one command-line command printed and returned.
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Only these keys, and a single attempt: the command tests are about the final answer; retries
// are tested elsewhere.
QProcessEnvironment environmentWith(const QString &accessKeyId, const QString &secret);

// For a child process of the app: PATH, a home and XDG folders under `home`, the offscreen
// platform, no proxy, and the sanitizers' options of this process; nothing else (no credentials,
// no display, no session bus).
QProcessEnvironment sandboxedEnvironment(const QString &home);

// Runs a command function (cli::runGetStage, cli::runListStages, …) in this process, capturing
// what it prints.
template <typename Command>
Run runInProcess(Command command, const QStringList &arguments,
                 const QProcessEnvironment &environment)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = command(arguments, environment, out, err);
    out.flush();
    err.flush();
    return run;
}

// Runs the app's own binary with exactly `environment` and `input` on its standard input. The
// event loop runs meanwhile, so endpoints in this process can answer it. A run that does not end
// within a minute is killed and keeps exitCode -1; a crash gives -2.
Run runAppBinary(const QStringList &arguments, const QProcessEnvironment &environment,
                 const QByteArray &input = {});

} // namespace testsupport
