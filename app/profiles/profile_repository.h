#pragma once

#include "aws/credential_provider.h"
#include "profiles/profile_secrets.h"
#include "profiles/profile_store.h"

#include <functional>
#include <QObject>

namespace keychain {
class KeychainStore;
}

namespace profiles {

// Keychain profiles as a whole: the secret part in the OS keychain, the rest in settings. Saving
// writes the keychain first, so settings never list a profile whose secret was not stored.
class ProfileRepository final : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>; // empty error: success

    ProfileRepository(ProfileStore &store, keychain::KeychainStore &keychain,
                      QObject *parent = nullptr);

    ProfileStore &store() const { return m_store; }

    void save(const StoredProfile &profile, const ProfileSecrets &secrets, QObject *context,
              Done done);
    void remove(const QString &name, QObject *context, Done done);
    void loadCredentials(const QString &name, QObject *context,
                         std::function<void(const aws::CredentialResult &)> done);

signals:
    void profilesChanged();

private:
    ProfileStore &m_store;
    keychain::KeychainStore &m_keychain;
};

// Credentials of one keychain profile, read from the keychain at each fetch.
class KeychainProfileProvider final : public aws::CredentialProvider {
public:
    KeychainProfileProvider(ProfileRepository &repository, QString profileName);
    void fetchCredentials(QObject *context,
                          std::function<void(const aws::CredentialResult &)> done) override;
    QString sourceDescription() const override;

private:
    ProfileRepository &m_repository;
    QString m_profileName;
};

} // namespace profiles
