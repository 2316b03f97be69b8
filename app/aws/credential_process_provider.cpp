#include "aws/credential_process_provider.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <QTimeZone>
#include <vector>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace aws {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(aws::CredentialProcessProvider)
};

// Credential JSON is a few hundred bytes; anything this large is a runaway process.
constexpr qsizetype kMaxOutput = 1024 * 1024;
constexpr qsizetype kMaxErrorOutput = 4096;
constexpr qsizetype kMaxStderrInMessage = 200;

std::optional<Credentials> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// RFC 3339 only, so a date without a time or without a UTC offset is not silently read as local
// midnight the way QDateTime's ISO parser would.
QDateTime parseRfc3339(const QString &text)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                       "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))")));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const auto number = [&match](int group) { return match.captured(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const int milliseconds = (match.captured(7) + QStringLiteral("00")).left(3).toInt();
    const QTime time(number(4), number(5), number(6), milliseconds);
    if (!date.isValid() || !time.isValid())
        return {};
    int offsetSeconds = 0;
    if (match.captured(8).isEmpty()) {
        if (number(10) > 23 || number(11) > 59)
            return {};
        offsetSeconds = (number(10) * 3600 + number(11) * 60) *
                        (match.captured(9) == QLatin1String("-") ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone(offsetSeconds)).toUTC();
}

// The first non-empty line of what the process wrote to stderr, short enough for a dialog.
QString firstStderrLine(const QByteArray &errorOutput)
{
    const QStringList lines = QString::fromLocal8Bit(errorOutput).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString simplified = line.simplified();
        if (simplified.isEmpty())
            continue;
        if (simplified.size() <= kMaxStderrInMessage)
            return simplified;
        return simplified.left(kMaxStderrInMessage) + QStringLiteral("…");
    }
    return {};
}

QString secondsText(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

// Ends the process and, on Unix, every process it started: it leads a session (and so a process
// group) of its own, which SIGKILL reaches as a whole. Grandchildren would otherwise live on,
// re-parented, holding whatever they held.
void killAll(QProcess *process)
{
#ifdef Q_OS_UNIX
    // The group outlives its leader while members remain, and its id is not reused meanwhile.
    if (const qint64 pid = process->processId(); pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
#endif
    process->kill();
}

} // namespace

std::optional<Credentials> parseCredentialProcessOutput(const QByteArray &json, QString *error)
{
    if (json.trimmed().isEmpty())
        return fail(error, Text::tr("nothing on standard output"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, Text::tr("not valid JSON (%1 at offset %2)")
                               .arg(parseError.errorString())
                               .arg(parseError.offset));
    if (!document.isObject())
        return fail(error, Text::tr("not a JSON object"));
    const QJsonObject object = document.object();

    const QJsonValue version = object.value(QLatin1String("Version"));
    if (version.isUndefined())
        return fail(error, Text::tr("\"Version\" is missing; it must be 1"));
    if (!version.isDouble() || version.toDouble() != 1.0)
        return fail(error, Text::tr("\"Version\" must be 1, the only version AWS defines"));

    Credentials credentials;
    for (const auto &[key, field] :
         {std::pair{QLatin1String("AccessKeyId"), &credentials.accessKeyId},
          std::pair{QLatin1String("SecretAccessKey"), &credentials.secretAccessKey}}) {
        const QJsonValue value = object.value(key);
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return fail(error, Text::tr("\"%1\" is missing or not a non-empty string").arg(key));
        *field = value.toString().trimmed();
    }

    const QJsonValue token = object.value(QLatin1String("SessionToken"));
    if (token.isString())
        credentials.sessionToken = token.toString().trimmed();
    else if (!token.isUndefined() && !token.isNull())
        return fail(error, Text::tr("\"SessionToken\" is not a string"));

    const QJsonValue expiration = object.value(QLatin1String("Expiration"));
    if (expiration.isString()) {
        credentials.expiration = parseRfc3339(expiration.toString().trimmed());
        if (!credentials.expiration.isValid())
            return fail(error, Text::tr("\"Expiration\" is not an RFC 3339 date and time such as "
                                        "2026-11-25T14:00:00Z"));
    } else if (!expiration.isUndefined() && !expiration.isNull()) {
        return fail(error, Text::tr("\"Expiration\" is not a string"));
    }
    return credentials;
}

std::optional<QStringList> splitCommandLine(const QString &commandLine, QString *error)
{
    auto failSplit = [error](const QString &message) -> std::optional<QStringList> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto isBlank = [](QChar c) {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
               c == QLatin1Char('\r');
    };

    QStringList words;
    QString word;
    bool inWord = false; // '' is an (empty) word too
    const qsizetype size = commandLine.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = commandLine.at(i);
        if (isBlank(c)) {
            if (inWord)
                words.append(std::exchange(word, QString()));
            inWord = false;
        } else if (c == QLatin1Char('\\')) {
            if (++i == size)
                return failSplit(Text::tr("it ends with a lone backslash"));
            if (commandLine.at(i) != QLatin1Char('\n')) {
                word += commandLine.at(i);
                inWord = true;
            }
        } else if (c == QLatin1Char('\'')) {
            const qsizetype close = commandLine.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0)
                return failSplit(Text::tr("a single quote is not closed"));
            word += commandLine.mid(i + 1, close - i - 1);
            inWord = true;
            i = close;
        } else if (c == QLatin1Char('"')) {
            inWord = true;
            for (++i;; ++i) {
                if (i == size)
                    return failSplit(Text::tr("a double quote is not closed"));
                const QChar inner = commandLine.at(i);
                if (inner == QLatin1Char('"'))
                    break;
                // Inside double quotes a backslash only escapes the characters the shell would.
                if (inner == QLatin1Char('\\') && i + 1 < size &&
                    QStringLiteral("\"\\$`\n").contains(commandLine.at(i + 1))) {
                    if (commandLine.at(++i) != QLatin1Char('\n'))
                        word += commandLine.at(i);
                    continue;
                }
                word += inner;
            }
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    if (words.isEmpty())
        return failSplit(Text::tr("it is empty"));
    return words;
}

struct CredentialProcessProvider::Run {
    struct Waiter {
        QPointer<QObject> context;
        std::function<void(const CredentialResult &)> done;
    };
    std::vector<Waiter> waiters;
    QString program;
    QProcess *process = nullptr; // owned; deleted later because it may be emitting a signal
    QTimer *timer = nullptr;     // child of process
    QByteArray output;
    QByteArray errorOutput;
    bool timedOut = false;
    bool outputTooLarge = false;
};

CredentialProcessProvider::CredentialProcessProvider(QString commandLine, QString profileName)
    : m_commandLine(std::move(commandLine))
    , m_profileName(std::move(profileName))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

CredentialProcessProvider::~CredentialProcessProvider()
{
    if (!m_run)
        return;
    if (QProcess *process = m_run->process) {
        process->disconnect();
        m_run->timer->disconnect();
        // SIGKILL cannot be caught, so this wait is short; it reaps the child instead of leaving
        // a process (and QProcess's "destroyed while still running" warning) behind.
        killAll(process);
        process->waitForFinished(1000);
        delete process;
        m_run->process = nullptr;
    }
    // Every waiter hears an answer: a request started just before the connection was switched
    // would otherwise wait for ever, and with it whatever shows it as busy.
    const CredentialResult stopped = CredentialError{
        Text::tr("The credential_process of profile \"%1\" was stopped before it finished, "
                 "because the connection was switched or closed.")
            .arg(m_profileName)};
    for (const Run::Waiter &waiter : m_run->waiters) {
        if (!waiter.context)
            continue;
        QMetaObject::invokeMethod(
            waiter.context, [stopped, done = waiter.done] { done(stopped); }, Qt::QueuedConnection);
    }
}

QString CredentialProcessProvider::sourceDescription() const
{
    return Text::tr("credential_process of profile \"%1\"").arg(m_profileName);
}

bool CredentialProcessProvider::cacheIsFresh() const
{
    if (!m_cached)
        return false;
    if (!m_cached->expiration.isValid())
        return true; // AWS: credentials without Expiration never expire
    // Renewed 5 minutes before they expire; short-lived ones after half the life they came with.
    const qint64 life = m_cachedAt.secsTo(m_cached->expiration);
    const qint64 margin = std::min<qint64>(refreshMargin.count(), life / 2);
    return m_clock().addSecs(margin) < m_cached->expiration;
}

void CredentialProcessProvider::fetchCredentials(QObject *context,
                                                 std::function<void(const CredentialResult &)> done)
{
    if (cacheIsFresh()) {
        QMetaObject::invokeMethod(
            context,
            [result = CredentialResult(*m_cached), done = std::move(done)] { done(result); },
            Qt::QueuedConnection);
        return;
    }
    const bool running = m_run != nullptr;
    if (!running)
        m_run = std::make_unique<Run>();
    m_run->waiters.push_back(Run::Waiter{context, std::move(done)});
    if (!running)
        start();
}

void CredentialProcessProvider::start()
{
    const QString profile = m_profileName;
    QString splitError;
    const std::optional<QStringList> words = splitCommandLine(m_commandLine, &splitError);
    if (!words) {
        finish(CredentialError{
            Text::tr("The credential_process of profile \"%1\" cannot be run: %2. Fix the "
                     "credential_process line of the profile in the AWS config file.")
                .arg(profile, splitError)});
        return;
    }

    Run &run = *m_run;
    run.program = words->first();
    run.process = new QProcess;
    run.process->setProgram(run.program);
    run.process->setArguments(words->mid(1));
    // A process that asks for input on stdin gets end-of-file instead of hanging until the timeout.
    run.process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
    // A session of its own (runs in the child, between fork and exec: async-signal-safe only).
    run.process->setChildProcessModifier([] { ::setsid(); });
#endif
    run.timer = new QTimer(run.process);
    run.timer->setSingleShot(true);

    QProcess *process = run.process;
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [this, process] {
        m_run->output += process->readAllStandardOutput();
        if (m_run->output.size() > kMaxOutput && !m_run->outputTooLarge) {
            m_run->outputTooLarge = true;
            killAll(process);
        }
    });
    QObject::connect(process, &QProcess::readyReadStandardError, process, [this, process] {
        const QByteArray chunk = process->readAllStandardError();
        m_run->errorOutput += chunk.left(kMaxErrorOutput - m_run->errorOutput.size());
    });
    QObject::connect(run.timer, &QTimer::timeout, process, [this, process] {
        m_run->timedOut = true;
        killAll(process);
    });
    QObject::connect(
        process, &QProcess::errorOccurred, process,
        [this, process, profile](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return; // the others end in finished()
            finish(CredentialError{
                Text::tr("The credential_process of profile \"%1\" could not be started: "
                         "\"%2\" was not found or is not executable (%3). Check the "
                         "credential_process line of the profile in the AWS config file.")
                    .arg(profile, m_run->program, process->errorString())});
        });
    QObject::connect(process, &QProcess::finished, process,
                     [this, process](int exitCode, QProcess::ExitStatus status) {
                         m_run->output += process->readAllStandardOutput();
                         m_run->errorOutput += process->readAllStandardError().left(
                             kMaxErrorOutput - m_run->errorOutput.size());
                         const CredentialResult result =
                             outcome(exitCode, status == QProcess::CrashExit);
                         if (const auto *credentials = std::get_if<Credentials>(&result)) {
                             m_cached = *credentials;
                             m_cachedAt = m_clock();
                         }
                         finish(result);
                     });

    run.timer->start(m_timeout);
    process->start();
}

CredentialResult CredentialProcessProvider::outcome(int exitCode, bool crashed) const
{
    const Run &run = *m_run;
    const QString profile = m_profileName;
    if (run.timedOut)
        return CredentialError{
            Text::tr("The credential_process of profile \"%1\" did not finish within "
                     "%2 seconds and was stopped. Run the command in a terminal to "
                     "see whether it waits for input such as a login.")
                .arg(profile, secondsText(m_timeout))};
    if (run.outputTooLarge)
        return CredentialError{
            Text::tr("The credential_process of profile \"%1\" printed more than a "
                     "megabyte, which is not credential JSON; it was stopped.")
                .arg(profile)};
    if (crashed)
        return CredentialError{
            Text::tr("The credential_process of profile \"%1\" was terminated by a "
                     "signal. Run the command in a terminal for details.")
                .arg(profile)};
    if (exitCode != 0) {
        const QString line = firstStderrLine(run.errorOutput);
        const QString failure =
            line.isEmpty()
                ? Text::tr("The credential_process of profile \"%1\" failed with exit code "
                           "%2 and printed no error message.")
                      .arg(profile, QString::number(exitCode))
                : Text::tr("The credential_process of profile \"%1\" failed with exit code "
                           "%2: \"%3\".")
                      .arg(profile, QString::number(exitCode), line);
        return CredentialError{failure + QLatin1Char(' ') +
                               Text::tr("Run the command in a terminal for details.")};
    }

    QString parseError;
    const std::optional<Credentials> credentials =
        parseCredentialProcessOutput(run.output, &parseError);
    if (!credentials)
        return CredentialError{
            Text::tr("The credential_process of profile \"%1\" printed unusable output: %2.")
                .arg(profile, parseError)};
    // Signing with them would only earn an ExpiredToken error from the service, far from the cause.
    if (credentials->expiration.isValid() && credentials->expiration <= m_clock())
        return CredentialError{
            Text::tr("The credential_process of profile \"%1\" returned credentials "
                     "that have already expired.")
                .arg(profile)};
    return *credentials;
}

void CredentialProcessProvider::finish(const CredentialResult &result)
{
    std::unique_ptr<Run> run = std::move(m_run);
    if (run->process) {
        run->timer->stop();
        run->timer->disconnect();
        run->process->disconnect();
        run->process->deleteLater();
    }
    for (const Run::Waiter &waiter : run->waiters) {
        if (!waiter.context)
            continue;
        QMetaObject::invokeMethod(
            waiter.context, [result, done = waiter.done] { done(result); }, Qt::QueuedConnection);
    }
}

} // namespace aws
