#include "ivs/transport_error.h"

#include "aws/endpoint_config.h"

#include <QCoreApplication>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::TransportError)
};

QString hostAndPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1String("http") ? 80 : 443);
    return QStringLiteral("%1:%2").arg(url.host()).arg(port);
}

ServiceError tlsError(const QUrl &url, const QString &errorString, const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &error : errors)
        reasons.append(error.errorString());
    reasons.removeDuplicates();
    const QString detail = reasons.isEmpty() ? errorString : reasons.join(QStringLiteral("; "));
    return localError(
        ErrorCategory::Tls,
        Text::tr("The TLS connection to %1 could not be verified").arg(url.host()), detail,
        Text::tr("If you connect through a private certificate authority or a "
                 "TLS-inspecting proxy, set AWS_CA_BUNDLE to its PEM certificate file. "
                 "Certificate errors are never ignored."));
}

} // namespace

ServiceError transportError(QNetworkReply::NetworkError code, const QString &errorString,
                            const QUrl &url, const QList<QSslError> &sslErrors, bool timedOut,
                            int timeoutMs)
{
    const bool local = aws::isLoopbackHost(url.host());
    if (timedOut || code == QNetworkReply::TimeoutError)
        return localError(ErrorCategory::Timeout,
                          Text::tr("No answer from %1 within %2 seconds")
                              .arg(hostAndPort(url))
                              .arg(QString::number(timeoutMs / 1000.0, 'g', 3)),
                          QString(),
                          Text::tr("Check your network connection and try again; the service or a "
                                   "proxy may be slow."));
    if (!sslErrors.isEmpty() || code == QNetworkReply::SslHandshakeFailedError)
        return tlsError(url, errorString, sslErrors);
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return localError(
            ErrorCategory::Network,
            Text::tr("Could not connect to %1: the connection was refused").arg(hostAndPort(url)),
            QString(),
            local ? Text::tr("Check that the local endpoint is running and the endpoint "
                             "URL's port is right.")
                  : Text::tr("Check the endpoint URL and your firewall."));
    case QNetworkReply::HostNotFoundError:
        return localError(
            ErrorCategory::Network, Text::tr("Could not find the host %1").arg(url.host()),
            QString(),
            Text::tr("Check your network connection and DNS, that the region in the ARN "
                     "exists, and any endpoint URL override."));
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError: {
        ServiceError error = localError(
            ErrorCategory::Network,
            Text::tr("%1 closed the connection before answering").arg(hostAndPort(url)), QString(),
            Text::tr("Try again; if it persists, check any proxy or firewall."));
        error.transient = true;
        return error;
    }
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return localError(ErrorCategory::Network, Text::tr("The proxy failed"), errorString,
                          Text::tr("Check the proxy settings (https_proxy, no_proxy)."));
    default:
        break;
    }
    return localError(ErrorCategory::Network,
                      Text::tr("The request to %1 failed").arg(hostAndPort(url)), errorString,
                      Text::tr("Check your network connection and try again."));
}

} // namespace ivs
