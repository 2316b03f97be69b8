#pragma once

#include <optional>
#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace aws {

// One profile as the AWS CLI sees it: the config file's section overlaid with the credentials
// file's section of the same name.
struct SharedProfile {
    QString name;
    QString region;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString credentialProcess;
    QString endpointUrl;     // profile-level `endpoint_url`
    QString servicesSection; // `services = NAME`, a [services NAME] section of the config file
    bool ignoreConfiguredEndpointUrls = false;
    QString sourceDescription; // "~/.aws/credentials [dev]": where the keys (or the profile) live

    bool hasStaticKeys() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

// Read-only view of ~/.aws/config and ~/.aws/credentials, parsed like the AWS CLI does. Malformed
// lines are skipped and reported in warnings() by file and line number, never by content, because
// a mistyped line may well be a secret.
class SharedConfig {
public:
    // Paths from AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/{config,credentials},
    // with HOME taken from `environment`. A missing file reads as empty. An existing file that
    // cannot be read sets `error` (the other file is still loaded); callers resolving credentials
    // should stop there rather than fall back to what was readable.
    static SharedConfig load(const QProcessEnvironment &environment, QString *error = nullptr);
    static SharedConfig parse(const QByteArray &configText, const QByteArray &credentialsText);

    // Both files' profiles, sorted, "default" first.
    QStringList profileNames() const;
    std::optional<SharedProfile> profile(const QString &name) const;
    // Any top-level key of the merged profile, for settings without a field in SharedProfile
    // (sso_session, role_arn, …). `key` is compared lowercase.
    QString value(const QString &profileName, const QString &key) const;
    // `endpoint_url` under `serviceKey` (e.g. "ivs_realtime") in the profile's services section.
    // Does not apply ignore_configured_endpoint_urls: that decision belongs to the caller.
    QString serviceEndpointUrl(const QString &profileName, const QString &serviceKey) const;

    QStringList warnings() const { return m_warnings; }
    QString configPath() const { return m_configPath; }
    QString credentialsPath() const { return m_credentialsPath; }

    // Parsed section: lowercased keys; `nested` holds the indented sub-keys of empty-valued keys.
    struct Section {
        QHash<QString, QString> values;
        QHash<QString, QHash<QString, QString>> nested;
    };

private:
    void parseConfigFile(const QByteArray &text, const QString &label);
    void parseCredentialsFile(const QByteArray &text, const QString &label);
    std::optional<Section> mergedSection(const QString &profileName) const;

    QMap<QString, Section> m_configProfiles;
    QMap<QString, Section> m_credentialsProfiles;
    QMap<QString, Section> m_services;
    QStringList m_warnings;
    QString m_configPath;
    QString m_credentialsPath;
    QString m_configLabel = QStringLiteral("config file");
    QString m_credentialsLabel = QStringLiteral("credentials file");
};

// AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
QString defaultProfileName(const QProcessEnvironment &environment);

} // namespace aws
