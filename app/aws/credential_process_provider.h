#pragma once

#include "aws/credential_provider.h"

#include <chrono>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace aws {

// The JSON a credential_process prints (Version 1). Error messages describe what is wrong without
// quoting the output, which holds the secret.
std::optional<Credentials> parseCredentialProcessOutput(const QByteArray &json, QString *error);

// Splits a credential_process command line into program and arguments the way a POSIX shell does
// for simple words: whitespace, '…', "…" and backslash escapes. No expansion of $, ~ or globs,
// and no shell ever runs the command.
std::optional<QStringList> splitCommandLine(const QString &commandLine, QString *error);

// Runs a profile's credential_process (asynchronously, time-boxed) and caches what it prints:
// forever when the credentials carry no Expiration, else until 5 minutes before they expire, or
// for half the life they had when they arrived if that is shorter (credentials that live 4
// minutes are used for 2, not fetched anew for every request). Fetches that arrive while the
// process runs share that run. The process inherits this process's environment, as under the AWS
// CLI, and reads end-of-file from stdin. On Unix it runs in a session of its own, without the
// terminal, so that a timeout (or a runaway output) kills it together with every process it
// started.
class CredentialProcessProvider final : public CredentialProvider {
public:
    CredentialProcessProvider(QString commandLine, QString profileName);
    ~CredentialProcessProvider() override; // kills a running process; its fetches get no answer

    CredentialProcessProvider(const CredentialProcessProvider &) = delete;
    CredentialProcessProvider &operator=(const CredentialProcessProvider &) = delete;

    void fetchCredentials(QObject *context,
                          std::function<void(const CredentialResult &)> done) override;
    QString sourceDescription() const override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Forgets cached credentials, e.g. after the service rejected them.
    void invalidateCache() { m_cached.reset(); }

    static constexpr std::chrono::milliseconds defaultTimeout{60000};
    static constexpr std::chrono::seconds refreshMargin{300};

private:
    struct Run;
    void start();
    CredentialResult outcome(int exitCode, bool crashed) const;
    void finish(const CredentialResult &result);
    bool cacheIsFresh() const;

    QString m_commandLine;
    QString m_profileName;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    std::function<QDateTime()> m_clock;
    std::optional<Credentials> m_cached;
    QDateTime m_cachedAt; // by m_clock, when m_cached arrived
    std::unique_ptr<Run> m_run;
};

} // namespace aws
