#include "ivs/proxy_settings.h"

#include <QHostAddress>
#include <QUrl>

namespace ivs {

namespace {

constexpr int kDefaultProxyPort = 1080; // as curl

QString firstSet(const QProcessEnvironment &environment, const QStringList &names)
{
    for (const QString &name : names) {
        const QString value = environment.value(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// "proxy:3128", "http://user:password@proxy:3128", "socks5h://proxy": a proxy, or NoProxy for
// what is not one.
QNetworkProxy parseProxy(const QString &text)
{
    if (text.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl url(text.contains(QLatin1String("://")) ? text : QStringLiteral("http://") + text);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::NoProxy;
    if (scheme == QLatin1String("http"))
        type = QNetworkProxy::HttpProxy;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        type = QNetworkProxy::Socks5Proxy;
    if (type == QNetworkProxy::NoProxy || !url.isValid() || url.host().isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return QNetworkProxy(type, url.host(), quint16(url.port(kDefaultProxyPort)),
                         url.userName(QUrl::FullyDecoded), url.password(QUrl::FullyDecoded));
}

} // namespace

EnvironmentProxyFactory::EnvironmentProxyFactory(const QProcessEnvironment &environment)
    : m_httpsProxy(
          firstSet(environment, {QStringLiteral("https_proxy"), QStringLiteral("HTTPS_PROXY")}))
    // Lowercase only, as curl: HTTP_PROXY may come from a request header under CGI ("httpoxy").
    , m_httpProxy(firstSet(environment, {QStringLiteral("http_proxy")}))
{
    const QString noProxy =
        firstSet(environment, {QStringLiteral("no_proxy"), QStringLiteral("NO_PROXY")});
    const QStringList entries = noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString entry : entries) {
        entry = entry.trimmed().toLower();
        while (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (!entry.isEmpty())
            m_noProxy.append(entry);
    }
}

bool EnvironmentProxyFactory::bypasses(const QString &host) const
{
    if (isLoopback(host))
        return true;
    const QString name = host.toLower();
    for (const QString &entry : m_noProxy) {
        if (entry == QLatin1String("*") || name == entry || name.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

QNetworkProxy EnvironmentProxyFactory::proxyFor(const QUrl &url) const
{
    if (bypasses(url.host()))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return parseProxy(m_httpsProxy);
    if (scheme == QLatin1String("http"))
        return parseProxy(m_httpProxy);
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    return {proxyFor(query.url())};
}

} // namespace ivs
