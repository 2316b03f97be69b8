#pragma once

#include <optional>
#include <QByteArray>
#include <QString>

class QDebug;

namespace profiles {

// The part of a profile that lives only in the OS keychain. Printing it shows nothing secret.
struct ProfileSecrets {
    QString secretAccessKey;
    QString sessionToken;

    QByteArray toKeychainData() const;
    static std::optional<ProfileSecrets> fromKeychainData(const QByteArray &data);
};

// The keychain entry name for a profile.
QString keychainKeyForProfile(const QString &profileName);

} // namespace profiles

QDebug operator<<(QDebug debug, const profiles::ProfileSecrets &secrets);
