#pragma once

#include <functional>
#include <optional>
#include <QByteArray>
#include <QObject>
#include <QString>
#include <variant>

namespace keychain {

enum class KeychainErrorKind {
    NoService, // no Secret Service / keychain reachable
    Locked,    // locked, or access refused
    NotFound,  // no such entry
    Timeout,   // no answer in time (often: an unlock prompt nobody sees)
    Other,
};

struct KeychainError {
    KeychainErrorKind kind = KeychainErrorKind::Other;
    QString message; // says what happened and what to do; never contains a secret
};

using ReadResult = std::variant<QByteArray, KeychainError>;

// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential
// Manager). Every call is asynchronous and time-boxed: QtKeychain itself has no timeout and a
// keyring waiting for an unseen unlock prompt would otherwise hang forever. The plaintext
// fallback is never enabled. Callbacks run at most once and never after `context` is destroyed.
class KeychainStore final : public QObject {
    Q_OBJECT
public:
    explicit KeychainStore(QString service, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    const QString &service() const { return m_service; }

    void read(const QString &key, QObject *context, std::function<void(const ReadResult &)> done);
    void write(const QString &key, const QByteArray &secret, QObject *context,
               std::function<void(const std::optional<KeychainError> &)> done);
    // Removing an entry that does not exist is not an error.
    void remove(const QString &key, QObject *context,
                std::function<void(const std::optional<KeychainError> &)> done);

private:
    QString m_service;
    int m_timeoutMs = 15000;
};

} // namespace keychain
