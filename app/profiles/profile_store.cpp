#include "profiles/profile_store.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace profiles {

namespace {

const QString kProfilesGroup = QStringLiteral("profiles");
const QString kActiveKey = QStringLiteral("activeProfile");
const QString kRegionKey = QStringLiteral("region");
const QString kAccessKeyIdKey = QStringLiteral("accessKeyId");
const QString kHasTokenKey = QStringLiteral("hasSessionToken");

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

QString ProfileStore::nameProblem(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (allowed.match(name).hasMatch())
        return {};
    return QCoreApplication::translate("profiles::ProfileStore",
                                       "Profile names use 1 to 64 letters, digits, \".\", \"_\" "
                                       "or \"-\"; \"%1\" does not.")
        .arg(name);
}

QList<StoredProfile> ProfileStore::profiles() const
{
    QList<StoredProfile> result;
    m_settings.beginGroup(kProfilesGroup);
    const QStringList names = m_settings.childGroups();
    m_settings.endGroup();
    for (const QString &name : names) {
        if (const auto profile = find(name))
            result.append(*profile);
    }
    std::sort(result.begin(), result.end(),
              [](const StoredProfile &a, const StoredProfile &b) { return a.name < b.name; });
    return result;
}

std::optional<StoredProfile> ProfileStore::find(const QString &name) const
{
    if (!nameProblem(name).isEmpty())
        return std::nullopt;
    m_settings.beginGroup(kProfilesGroup + QLatin1Char('/') + name);
    std::optional<StoredProfile> profile;
    if (m_settings.contains(kAccessKeyIdKey)) {
        profile = StoredProfile{name, m_settings.value(kRegionKey).toString(),
                                m_settings.value(kAccessKeyIdKey).toString(),
                                m_settings.value(kHasTokenKey).toBool()};
    }
    m_settings.endGroup();
    return profile;
}

void ProfileStore::save(const StoredProfile &profile)
{
    m_settings.beginGroup(kProfilesGroup + QLatin1Char('/') + profile.name);
    m_settings.setValue(kRegionKey, profile.region);
    m_settings.setValue(kAccessKeyIdKey, profile.accessKeyId);
    m_settings.setValue(kHasTokenKey, profile.hasSessionToken);
    m_settings.endGroup();
    m_settings.sync();
}

void ProfileStore::remove(const QString &name)
{
    m_settings.remove(kProfilesGroup + QLatin1Char('/') + name);
    if (activeProfile() == name)
        m_settings.remove(kActiveKey);
    m_settings.sync();
}

QString ProfileStore::activeProfile() const
{
    return m_settings.value(kActiveKey).toString();
}

void ProfileStore::setActiveProfile(const QString &name)
{
    if (name.isEmpty())
        m_settings.remove(kActiveKey);
    else
        m_settings.setValue(kActiveKey, name);
    m_settings.sync();
}

} // namespace profiles
