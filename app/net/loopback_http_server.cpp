#include "net/loopback_http_server.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>

namespace net {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *key =
        QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method));
    return key ? QByteArray(key).toUpper() : QByteArray("UNKNOWN");
}

} // namespace

LoopbackHttpServer::LoopbackHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

void LoopbackHttpServer::useTls(const QSslConfiguration &configuration)
{
    sslSetup(configuration);
    m_tls = true;
}

bool LoopbackHttpServer::listenOnLoopback(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback()) {
        if (error)
            *error = QCoreApplication::translate("net::LoopbackHttpServer",
                                                 "%1 is not a loopback address.")
                         .arg(address.toString());
        return false;
    }
    m_port = listen(address, port);
    if (m_port == 0) {
        if (error)
            *error = QCoreApplication::translate("net::LoopbackHttpServer",
                                                 "Could not listen on %1 port %2.")
                         .arg(address.toString())
                         .arg(port);
        return false;
    }
    m_address = address;
    return true;
}

QUrl LoopbackHttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

bool LoopbackHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest exchange;
    exchange.method = methodName(request.method());
    exchange.path = request.url().path(QUrl::FullyEncoded).toUtf8();
    exchange.query = request.url().query(QUrl::FullyEncoded).toUtf8();
    for (const auto &[name, value] : request.headers())
        exchange.headers.append({name, value});
    exchange.body = request.body();

    const HttpResponse response = m_handler(exchange);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
    return true;
}

void LoopbackHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace net
