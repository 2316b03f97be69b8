#include "profiles/profile_secrets.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>

namespace profiles {

namespace {
const QString kSecretKey = QStringLiteral("secretAccessKey");
const QString kTokenKey = QStringLiteral("sessionToken");
} // namespace

QByteArray ProfileSecrets::toKeychainData() const
{
    QJsonObject object{{kSecretKey, secretAccessKey}};
    if (!sessionToken.isEmpty())
        object.insert(kTokenKey, sessionToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<ProfileSecrets> ProfileSecrets::fromKeychainData(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    const QString secret = object.value(kSecretKey).toString();
    if (secret.isEmpty())
        return std::nullopt;
    return ProfileSecrets{secret, object.value(kTokenKey).toString()};
}

QString keychainKeyForProfile(const QString &profileName)
{
    return QStringLiteral("profile/") + profileName;
}

} // namespace profiles

QDebug operator<<(QDebug debug, const profiles::ProfileSecrets &secrets)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "ProfileSecrets(secret=<redacted>"
                    << (secrets.sessionToken.isEmpty() ? ")" : ", token=<redacted>)");
    return debug;
}
