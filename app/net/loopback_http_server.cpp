#include "net/loopback_http_server.h"

#include "net/http_connection.h"

#include <QCoreApplication>
#include <QSslServer>
#include <QTcpServer>

namespace net {

LoopbackHttpServer::LoopbackHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    close(); // the connections use m_handler: end them before it goes
}

void LoopbackHttpServer::useTls(const QSslConfiguration &configuration)
{
    m_tlsConfiguration = configuration;
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
    close();
    if (m_tls) {
        // QSslServer hands a connection over only once its handshake has succeeded.
        auto *tlsListener = new QSslServer(this);
        tlsListener->setSslConfiguration(m_tlsConfiguration);
        m_listener = tlsListener;
    } else {
        m_listener = new QTcpServer(this);
    }
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this,
            &LoopbackHttpServer::acceptConnections);
    if (!m_listener->listen(address, port)) {
        close();
        if (error)
            *error = QCoreApplication::translate("net::LoopbackHttpServer",
                                                 "Could not listen on %1 port %2.")
                         .arg(address.toString())
                         .arg(port);
        return false;
    }
    m_port = m_listener->serverPort();
    m_address = address;
    return true;
}

bool LoopbackHttpServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

QUrl LoopbackHttpServer::url() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

void LoopbackHttpServer::close()
{
    delete m_listener; // with it any connection still in its TLS handshake
    m_listener = nullptr;
    m_port = 0;
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

void LoopbackHttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        ++m_accepted;
        if (m_maxConnections > 0 && m_open >= m_maxConnections) {
            ++m_refused;
            socket->abort(); // a reset: the client sees at once that it was not served
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(socket, m_handler, m_limits, m_idleTimeoutMs, this);
        ++m_open;
        connect(connection, &QObject::destroyed, this, [this] { --m_open; });
    }
}

} // namespace net
