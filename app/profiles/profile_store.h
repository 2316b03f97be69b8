#pragma once

#include <optional>
#include <QList>
#include <QString>

class QSettings;

namespace profiles {

// What may be written in plain settings about a keychain profile: nothing secret.
struct StoredProfile {
    QString name;
    QString region;
    QString accessKeyId;
    bool hasSessionToken = false;
};

// Keychain profiles' non-secret part, kept in QSettings, plus which profile is active.
class ProfileStore {
public:
    explicit ProfileStore(QSettings &settings);

    QList<StoredProfile> profiles() const; // sorted by name
    std::optional<StoredProfile> find(const QString &name) const;
    void save(const StoredProfile &profile);
    void remove(const QString &name);

    QString activeProfile() const; // empty: none chosen, the credential chain decides
    void setActiveProfile(const QString &name);

    // Profile names are used as keychain keys and settings groups: keep them plain.
    static QString nameProblem(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace profiles
