#pragma once

#include <memory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

// A private D-Bus session bus, optionally with an unlocked gnome-keyring serving the Secret
// Service on it, in temporary folders. Keychain tests run against this real service without
// touching the developer's own keyring, and can lock it or leave it out to test failures.
class KeyringSession {
public:
    enum class Service { SecretService, None };

    KeyringSession();
    ~KeyringSession();
    KeyringSession(const KeyringSession &) = delete;
    KeyringSession &operator=(const KeyringSession &) = delete;

    bool start(QString *error, Service service = Service::SecretService);

    // Points this process at the private bus. Call before anything uses D-Bus or the keychain:
    // both libsecret and QtDBus keep their first session connection for the process's lifetime.
    void exportToThisProcess() const;
    // For child processes: the private bus plus fresh HOME and XDG folders.
    QProcessEnvironment environment() const;
    QString homePath() const; // the fresh HOME of environment()
    QString busAddress() const { return m_busAddress; }
    QString keyringStorePath() const; // where gnome-keyring keeps its files

    // Locks the "login" collection, as a screen lock or a timeout would.
    bool lockLoginCollection(QString *error) const;
    // Reads an entry back independently of QtKeychain (schema org.qt.keychain); empty if absent.
    QByteArray lookupWithSecretTool(const QString &service, const QString &key) const;

private:
    bool runTool(const QString &program, const QStringList &arguments, QByteArray *output,
                 QString *error) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_keyring;
    QString m_busAddress;
};

} // namespace testsupport
