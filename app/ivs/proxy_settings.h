#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ivs {

// The proxy of each request, from the standard variables in the given environment, read as curl
// and the AWS CLI read them:
// - https_proxy (or HTTPS_PROXY) for https URLs, http_proxy for http URLs: "host:port",
//   "http://[user:password@]host[:port]" or "socks5://…" (port 1080 when none is given); any
//   other scheme is not a proxy this app can use, and the variable is ignored;
// - no_proxy (or NO_PROXY): host names, separated by commas, that are reached directly, each
//   also covering its subdomains ("example.com" and ".example.com" both cover a.example.com);
//   "*" turns every proxy off.
// A loopback endpoint (127.0.0.0/8, ::1, localhost) is never reached through a proxy, whatever
// the variables say: plain http is allowed only there, and a signed request must not leave the
// computer that way.
class EnvironmentProxyFactory final : public QNetworkProxyFactory {
public:
    explicit EnvironmentProxyFactory(const QProcessEnvironment &environment);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // The proxy for `url`, or a NoProxy one.
    QNetworkProxy proxyFor(const QUrl &url) const;

private:
    bool bypasses(const QString &host) const;

    QString m_httpsProxy;
    QString m_httpProxy;
    QStringList m_noProxy; // lowercase, without a leading dot
};

} // namespace ivs
