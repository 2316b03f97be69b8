#pragma once

#include <optional>
#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace aws {

// Where requests go and which extra certificate authorities to trust.
struct EndpointConfig {
    QUrl overrideUrl;       // empty: the regional AWS endpoint
    QString overrideSource; // "--endpoint-url", "AWS_ENDPOINT_URL_IVS_REALTIME", …
    QList<QSslCertificate> extraCaCertificates; // from AWS_CA_BUNDLE, added to the system CAs
    QString caBundlePath;

    // The base URL for a region: the override if any, else
    // https://ivsrealtime.<region>.amazonaws.com
    QUrl baseUrl(const QString &region) const;
};

// Precedence: `explicitUrl` (the --endpoint-url option), AWS_ENDPOINT_URL_IVS_REALTIME,
// AWS_ENDPOINT_URL (both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true). Loads
// AWS_CA_BUNDLE. On failure returns nullopt and a sentence in `error`.
std::optional<EndpointConfig> resolveEndpointConfig(const QString &explicitUrl,
                                                    const QProcessEnvironment &environment,
                                                    QString *error);

// Empty when `url` may receive signed requests: https anywhere, plain http only on loopback.
QString endpointUrlProblem(const QUrl &url);

bool isLoopbackHost(const QString &host);

} // namespace aws
