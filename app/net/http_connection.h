#pragma once

#include "net/http_message.h"
#include "net/http_request_parser.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace net {

// One accepted connection of LoopbackHttpServer: reads requests off the socket, answers each in
// order through the handler, keeps the connection for the next request unless it is to close,
// and deletes itself (and the socket) once the connection is over. A client silent for
// `idleTimeoutMs` is let go: between requests the connection just closes; in the middle of one it
// is answered "408 Request Timeout" first.
class HttpConnection final : public QObject {
    Q_OBJECT
public:
    // Takes `socket` over. `handler` must outlive the connection (the server owns both).
    HttpConnection(QTcpSocket *socket, const HttpHandler &handler, HttpParseLimits limits,
                   int idleTimeoutMs, QObject *parent);

    // While closing, how long the client may stay silent before the connection is cut.
    static constexpr int kLingerMs = 2000;
    // The most of a refused body that is read (and dropped) so the client can finish sending it.
    static constexpr qint64 kMaxDiscardBytes = 64 * 1024 * 1024;

private:
    void readRequests();
    void onIdle();
    void serveBufferedRequests();
    void send(const QByteArray &bytes);
    void closeAfterAnswer(qint64 inputToDiscard = 0);
    void discardInput();
    void dispose();

    QTcpSocket *m_socket;
    const HttpHandler &m_handler;
    HttpRequestParser m_parser;
    QTimer m_linger;
    QTimer m_idle;
    bool m_handling = false; // inside readRequests(), perhaps in a handler
    bool m_closing = false;  // the last answer is written; input is dropped
    qint64 m_discardRemaining = 0;
    bool m_disposeWhenIdle = false;
};

} // namespace net
