#pragma once

#include "aws/ca_bundle.h"

#include <memory>
#include <optional>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace aws {

// What tells one service's endpoint settings from another's.
struct ServiceEndpointNames {
    QString environmentVariable; // AWS_ENDPOINT_URL_IVS_REALTIME
    QString servicesKey;         // the key of the config file's services section: ivs_realtime
    QString defaultHostPattern;  // ivsrealtime.%1.amazonaws.com, %1 the region
};
const ServiceEndpointNames &ivsRealtimeEndpointNames();
const ServiceEndpointNames &s3EndpointNames();

// Where requests go and which extra certificate authorities to trust.
struct EndpointConfig {
    QUrl overrideUrl;       // empty: the regional AWS endpoint
    QString overrideSource; // "--endpoint-url", "AWS_ENDPOINT_URL_IVS_REALTIME", …
    // From AWS_CA_BUNDLE, added to the system CAs for https (decoded only then); null: none.
    std::shared_ptr<const CaBundle> extraCas;
    QString caBundlePath;
    QString defaultHostPattern = QStringLiteral("ivsrealtime.%1.amazonaws.com");

    // The base URL for a region: the override if any, else https://<defaultHostPattern>, e.g.
    // https://ivsrealtime.<region>.amazonaws.com
    QUrl baseUrl(const QString &region) const;
};

// Endpoint settings of the profile in use, from the AWS CLI's config file.
struct ConfiguredEndpoints {
    QString profileName;
    QString serviceUrl; // the profile's `services` section: <servicesKey> = endpoint_url = …
    QString profileUrl; // the profile's own `endpoint_url`
    bool ignoreConfigured = false; // the profile's `ignore_configured_endpoint_urls`
};

// Precedence: `explicitUrl` (the --endpoint-url option), AWS_ENDPOINT_URL_IVS_REALTIME,
// AWS_ENDPOINT_URL, then the config file's service-specific and profile-wide endpoint_url (all
// but the first ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's
// ignore_configured_endpoint_urls is true). Reads and checks AWS_CA_BUNDLE (see CaBundle). On
// failure returns nullopt and a sentence in `error`.
std::optional<EndpointConfig> resolveEndpointConfig(const QString &explicitUrl,
                                                    const QProcessEnvironment &environment,
                                                    QString *error,
                                                    const ConfiguredEndpoints &configured = {});
// The same for any service: its own AWS_ENDPOINT_URL_<SERVICE> variable and default host.
// `configured.serviceUrl` is the services section's entry under `service.servicesKey`.
std::optional<EndpointConfig> resolveEndpointConfig(const ServiceEndpointNames &service,
                                                    const QString &explicitUrl,
                                                    const QProcessEnvironment &environment,
                                                    QString *error,
                                                    const ConfiguredEndpoints &configured = {});

// Empty when `url` may receive signed requests: https anywhere, plain http only on loopback.
QString endpointUrlProblem(const QUrl &url);

bool isLoopbackHost(const QString &host);
// The URL for messages and logs: a user name or password in it (http://user:secret@host) is
// replaced by "redacted", so that it is never shown.
QString displayUrl(const QUrl &url, QUrl::FormattingOptions options = QUrl::None);

} // namespace aws
