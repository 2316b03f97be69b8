#pragma once

#include "aws/credential_provider.h"

#include <chrono>
#include <memory>
#include <QProcessEnvironment>
#include <QString>

namespace aws {
class SharedConfig;
}
namespace profiles {
class ProfileRepository;
}

namespace credentials {

// Where the credentials in use come from, decided the way the AWS SDKs do:
//   1. the profile chosen explicitly (--profile, or in the window),
//   2. the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN),
//   3. AWS_PROFILE (or "default").
// A profile name is looked up first among keychain profiles, then in the AWS CLI's shared files.
struct ResolvedCredentials {
    std::unique_ptr<aws::CredentialProvider> provider; // never null; may only yield an error
    QString profileName;   // empty when the environment supplies the credentials
    QString profileRegion; // the profile's region, if it has one
    bool fromSharedFiles = false;
    bool found = false; // false: `provider` only explains why there are no credentials
};

struct ChainInputs {
    QString selectedProfile;
    QProcessEnvironment environment;
    const aws::SharedConfig *sharedConfig = nullptr;
    profiles::ProfileRepository *keychainProfiles = nullptr;
    // --timeout: a credential_process gets no longer than this (nor than its own default).
    std::chrono::milliseconds timeout{0};
};

ResolvedCredentials resolveCredentials(const ChainInputs &inputs);

// The region for calls that are not about one stage: --region, AWS_REGION, AWS_DEFAULT_REGION,
// then the profile's region. Empty when none is configured.
QString resolveRegion(const QString &explicitRegion, const QProcessEnvironment &environment,
                      const QString &profileRegion);

// Always answers with the same error: stands in when no credentials can be found.
class UnavailableCredentialProvider final : public aws::CredentialProvider {
public:
    explicit UnavailableCredentialProvider(QString reason);
    void fetchCredentials(QObject *context,
                          std::function<void(const aws::CredentialResult &)> done) override;
    QString sourceDescription() const override;
    const QString &reason() const { return m_reason; }

private:
    QString m_reason;
};

} // namespace credentials
