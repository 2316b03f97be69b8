#pragma once

#include "aws/credential_provider.h"

#include <chrono>
#include <memory>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;
class QObject;
class QSettings;

namespace aws {
class SharedConfig;
struct ConfiguredEndpoints;
} // namespace aws
namespace credentials {
struct ResolvedCredentials;
}
namespace demo {
class DemoEndpoint;
}
namespace ivs {
class IvsClient;
}
namespace keychain {
class KeychainStore;
}
namespace s3 {
class S3Client;
}
namespace profiles {
class ProfileRepository;
struct ProfileStorage;
} // namespace profiles

namespace workspace {

struct BackendOptions {
    bool forceDemo = false;
    // The window falls back to the demo when nothing is configured; the command line does not.
    bool demoWhenUnconfigured = false;
    QString endpointUrl; // --endpoint-url
    QString profile;     // --profile; empty: the window's saved choice, then the credential chain
    QString region;      // --region, for calls that are not about one stage
    int timeoutSeconds = 0; // --timeout; 0: the defaults (a credential_process: the shorter)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// A profile the user can pick: from the keychain or from the AWS CLI's files.
struct ProfileEntry {
    QString name;
    QString region;
    bool inKeychain = false; // a keychain profile hides an AWS CLI profile of the same name
};

// Everything a lookup needs — network, credentials, endpoint — for either AWS (with the user's
// credentials and endpoint settings) or the built-in demo endpoint; and the profile storage.
class Backend {
public:
    // Returns null and sets `error` when the configuration is unusable.
    static std::unique_ptr<Backend> create(const BackendOptions &options, QString *error);
    ~Backend();

    ivs::IvsClient &client() const { return *m_client; }
    // S3, for recordings: the same credentials; its own endpoint settings (AWS_ENDPOINT_URL_S3,
    // the config file's s3 section; --endpoint-url is for IVS only); the demo's own buckets.
    s3::S3Client &s3() const { return *m_s3; }
    profiles::ProfileRepository &profiles() const;
    // The app's keychain service: profiles' secrets, the OBS password.
    keychain::KeychainStore &keychain() const;
    const aws::SharedConfig &sharedConfig() const { return *m_sharedConfig; }

    bool isDemo() const { return m_demoActive; }
    demo::DemoEndpoint *demoEndpoint() const { return m_demo.get(); }
    // Switch to the demo endpoint, or to AWS with `profile` (empty: the credential chain). The
    // choice of profile is remembered for the next start.
    bool useDemo(QString *error);
    bool useProfile(const QString &profile, QString *error);

    QString activeProfile() const { return m_activeProfile; }
    QList<ProfileEntry> availableProfiles() const;
    // The region for calls that are not about one stage; empty when none is configured.
    QString serviceRegion() const;
    void setServiceRegion(const QString &region) { m_regionOverride = region; }
    QString serviceRegionOverride() const { return m_regionOverride; }

    // "Demo endpoint http://127.0.0.1:40123 …" or "keychain profile "prod" · AWS"
    QString description() const;
    QString credentialSource() const;
    // Why no credentials can be had, when none were found (no profile, no keys); else empty.
    QString missingCredentialsReason() const;
    QStringList suggestedArns() const;
    const QString &demoReason() const { return m_demoReason; }
    const QProcessEnvironment &environment() const { return m_options.environment; }

    // Signs ListStages (maxResults 1) with `profile`'s credentials in its region. `done` gets a
    // sentence: what worked, or precisely what failed.
    void testProfile(const QString &profile, QObject *context,
                     std::function<void(bool ok, const QString &message)> done);

private:
    explicit Backend(BackendOptions options);
    bool configureAws(const QString &profile, QString *error);
    aws::ConfiguredEndpoints
    configuredEndpoints(const credentials::ResolvedCredentials &resolved) const;
    bool anythingConfigured() const;
    std::chrono::milliseconds credentialTimeout() const;
    void applyRetrySettings();

    BackendOptions m_options;
    std::unique_ptr<profiles::ProfileStorage> m_storage;
    std::unique_ptr<aws::SharedConfig> m_sharedConfig;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<demo::DemoEndpoint> m_demo;
    std::unique_ptr<aws::CredentialProvider> m_credentials;
    std::unique_ptr<ivs::IvsClient> m_client;
    std::unique_ptr<s3::S3Client> m_s3;
    bool m_demoActive = false;
    QString m_activeProfile;
    QString m_profileRegion;
    QString m_regionOverride;
    QString m_demoReason;
};

} // namespace workspace
