#include "profiles/profile_repository.h"

#include "aws/credentials.h"
#include "keychain/keychain_store.h"

namespace profiles {

ProfileRepository::ProfileRepository(ProfileStore &store, keychain::KeychainStore &keychain,
                                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
}

void ProfileRepository::save(const StoredProfile &profile, const ProfileSecrets &secrets,
                             QObject *context, Done done)
{
    if (const QString problem = ProfileStore::nameProblem(profile.name); !problem.isEmpty())
        return done(problem);
    if (profile.accessKeyId.trimmed().isEmpty())
        return done(tr("The access key ID is empty."));
    if (secrets.secretAccessKey.isEmpty())
        return done(tr("The secret access key is empty."));
    StoredProfile stored = profile;
    stored.accessKeyId = profile.accessKeyId.trimmed();
    stored.hasSessionToken = !secrets.sessionToken.isEmpty();
    m_keychain.write(
        keychainKeyForProfile(profile.name), secrets.toKeychainData(), context,
        [this, stored, done](const std::optional<keychain::KeychainError> &error) {
            if (error)
                return done(
                    tr("Profile \"%1\" was not saved. %2").arg(stored.name, error->message));
            m_store.save(stored);
            emit profilesChanged();
            done({});
        });
}

void ProfileRepository::remove(const QString &name, QObject *context, Done done)
{
    m_keychain.remove(
        keychainKeyForProfile(name), context,
        [this, name, done](const std::optional<keychain::KeychainError> &error) {
            if (error)
                return done(tr("Profile \"%1\" was not removed. %2").arg(name, error->message));
            m_store.remove(name);
            emit profilesChanged();
            done({});
        });
}

void ProfileRepository::loadCredentials(const QString &name, QObject *context,
                                        std::function<void(const aws::CredentialResult &)> done)
{
    const std::optional<StoredProfile> profile = m_store.find(name);
    if (!profile) {
        QMetaObject::invokeMethod(
            context,
            [done, name] {
                done(aws::CredentialError{
                    tr("There is no keychain profile named \"%1\".").arg(aws::shownName(name))});
            },
            Qt::QueuedConnection);
        return;
    }
    m_keychain.read(
        keychainKeyForProfile(name), context,
        [done, profile = *profile](const keychain::ReadResult &result) {
            if (const auto *error = std::get_if<keychain::KeychainError>(&result)) {
                if (error->kind == keychain::KeychainErrorKind::NotFound)
                    return done(aws::CredentialError{
                        tr("The secret of profile \"%1\" is not in the keychain. The keyring may "
                           "be locked (unlock it and try again), or the entry was removed outside "
                           "this app (edit the profile to enter the secret again).")
                            .arg(profile.name)});
                return done(
                    aws::CredentialError{tr("Could not read profile \"%1\" from the keychain. %2")
                                             .arg(profile.name, error->message)});
            }
            const auto secrets = ProfileSecrets::fromKeychainData(std::get<QByteArray>(result));
            if (!secrets)
                return done(aws::CredentialError{
                    tr("The keychain entry of profile \"%1\" is damaged: edit the profile to enter "
                       "the secret again.")
                        .arg(profile.name)});
            done(aws::Credentials{
                profile.accessKeyId, secrets->secretAccessKey, secrets->sessionToken, {}});
        });
}

KeychainProfileProvider::KeychainProfileProvider(ProfileRepository &repository, QString profileName)
    : m_repository(repository)
    , m_profileName(std::move(profileName))
{
}

void KeychainProfileProvider::fetchCredentials(
    QObject *context, std::function<void(const aws::CredentialResult &)> done)
{
    m_repository.loadCredentials(m_profileName, context, std::move(done));
}

QString KeychainProfileProvider::sourceDescription() const
{
    return ProfileRepository::tr("keychain profile \"%1\"").arg(m_profileName);
}

} // namespace profiles
