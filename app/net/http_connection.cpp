#include "net/http_connection.h"

#include "net/http_response_writer.h"

#include <QTcpSocket>

namespace net {

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpHandler &handler,
                               HttpParseLimits limits, int idleTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_parser(limits)
{
    m_socket->setParent(this);
    // Answers go out in one write each; do not hold them back waiting for an acknowledgement.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_linger.setSingleShot(true);
    m_linger.setInterval(kLingerMs);
    connect(&m_linger, &QTimer::timeout, this, [this] {
        m_socket->abort();
        dispose();
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &HttpConnection::onIdle);
    m_idle.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::dispose);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            dispose();
    });

    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        dispose();
        return;
    }
    // A TLS socket arrives after its handshake, possibly with a request already buffered.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readRequests, Qt::QueuedConnection);
}

void HttpConnection::readRequests()
{
    if (m_closing) {
        discardInput();
        return;
    }
    if (m_handling)
        return; // a handler runs an event loop; the loop below reads the rest afterwards
    m_handling = true;
    while (!m_closing && m_socket->bytesAvailable() > 0) {
        m_parser.append(m_socket->readAll());
        serveBufferedRequests();
    }
    m_handling = false;
    if (!m_closing)
        m_idle.start(); // counts from the last bytes received
    if (m_disposeWhenIdle)
        deleteLater();
}

void HttpConnection::onIdle()
{
    if (m_closing)
        return; // the linger timer has it
    if (m_handling) {
        m_idle.start(); // a slow handler is not the client's silence
        return;
    }
    if (m_parser.bufferedBytes() > 0) {
        ResponseFraming framing;
        framing.closeConnection = true;
        send(serializeHttpResponse(
            HttpResponse::text(408, "The rest of the request did not arrive in time.\n"), framing));
    }
    closeAfterAnswer();
}

void HttpConnection::serveBufferedRequests()
{
    while (!m_closing) {
        switch (m_parser.parse()) {
        case HttpRequestParser::Result::NeedMoreData:
            if (m_parser.awaitsContinue()) {
                send("HTTP/1.1 100 Continue\r\n\r\n");
                m_parser.continueSent();
            }
            return;
        case HttpRequestParser::Result::Failed: {
            const HttpParseError &error = m_parser.error();
            ResponseFraming framing;
            framing.closeConnection = true;
            send(serializeHttpResponse(HttpResponse::text(error.status, error.reason + '\n'),
                                       framing));
            closeAfterAnswer(error.unreadBodyBytes);
            return;
        }
        case HttpRequestParser::Result::RequestReady: {
            const ParsedRequest parsed = m_parser.takeRequest();
            const HttpResponse response = m_handler(parsed.request);
            ResponseFraming framing;
            framing.headRequest = parsed.headRequest;
            framing.closeConnection = !parsed.keepAlive;
            framing.http10KeepAlive = parsed.keepAlive && parsed.minorVersion == 0;
            send(serializeHttpResponse(response, framing));
            if (!parsed.keepAlive)
                closeAfterAnswer();
            break;
        }
        }
    }
}

void HttpConnection::send(const QByteArray &bytes)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

// Closing with input unread makes the kernel reset the connection, and a client still sending a
// refused body could then lose the answer it has not read yet. So the rest of such a body is read
// and dropped first (up to a limit); the socket closes once the answer has gone out.
void HttpConnection::closeAfterAnswer(qint64 inputToDiscard)
{
    m_closing = true;
    m_discardRemaining = inputToDiscard > kMaxDiscardBytes ? 0 : inputToDiscard;
    discardInput();
}

void HttpConnection::discardInput()
{
    m_discardRemaining -= m_socket->skip(m_socket->bytesAvailable());
    if (m_discardRemaining > 0) {
        m_linger.start(); // a client that stops sending is not waited for
        return;
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_linger.start(); // nor is one that does not read the answer
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::dispose()
{
    if (m_handling) {
        m_disposeWhenIdle = true; // not while readRequests() is on the stack
        return;
    }
    deleteLater();
}

} // namespace net
