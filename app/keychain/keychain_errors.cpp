#include "keychain/keychain_errors.h"

#include "platform/keychain_hints.h"

#include <QCoreApplication>

namespace keychain {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(keychain::KeychainStore)
};

bool mentions(const QString &message, const char *fragment)
{
    return message.contains(QLatin1String(fragment), Qt::CaseInsensitive);
}

KeychainError noService(const QString &detail)
{
    return {KeychainErrorKind::NoService,
            Text::tr("No keychain service is available (%1).").arg(detail) + QLatin1Char(' ') +
                platform::keychainServiceHint()};
}

} // namespace

KeychainError classifyKeychainError(QKeychain::Error error, const QString &backendMessage)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return {
            KeychainErrorKind::NotFound,
            Text::tr("The keychain has no such entry. If the keyring is locked it can look empty: "
                     "unlock it and try again, or enter the secret again.")};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {
            KeychainErrorKind::Locked,
            Text::tr("The keychain refused access: it is locked or access was denied. Unlock it "
                     "(for example in \"%1\") and try again.")
                .arg(platform::keyringManagerName())};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noService(Text::tr("no supported keychain backend"));
    case QKeychain::CouldNotDeleteEntry:
        return {KeychainErrorKind::Other,
                Text::tr("The keychain could not delete the entry (%1).").arg(backendMessage)};
    case QKeychain::NoError:
    case QKeychain::OtherError:
        break;
    }
    if (mentions(backendMessage, "org.freedesktop.secrets") ||
        mentions(backendMessage, "ServiceUnknown"))
        return noService(Text::tr("no Secret Service on the session bus"));
    // GLib's "Failed to execute child process "dbus-launch" (No such file or directory)": no
    // session bus, and no way to start one.
    if (mentions(backendMessage, "autolaunch") || mentions(backendMessage, "session bus") ||
        mentions(backendMessage, "dbus-launch"))
        return noService(Text::tr("no D-Bus session bus"));
    if (mentions(backendMessage, "Object does not exist") ||
        mentions(backendMessage, "No such object"))
        return {KeychainErrorKind::NoService,
                Text::tr("The Secret Service has no default keyring to store into. Create one (for "
                         "example in \"%1\") and try again.")
                    .arg(platform::keyringManagerName())};
    if (mentions(backendMessage, "locked"))
        return {KeychainErrorKind::Locked,
                Text::tr("The keyring is locked. Unlock it (for example in \"%1\") and try again.")
                    .arg(platform::keyringManagerName())};
    return {KeychainErrorKind::Other, Text::tr("The keychain failed: %1").arg(backendMessage)};
}

KeychainError keychainTimeout(int timeoutMs)
{
    return {
        KeychainErrorKind::Timeout,
        Text::tr("The keychain did not answer within %1 seconds. It may be waiting for an unlock "
                 "prompt: unlock the keyring and try again.")
            .arg(QString::number(timeoutMs / 1000.0, 'g', 3))};
}

} // namespace keychain
