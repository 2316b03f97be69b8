#pragma once

#include "net/http_message.h"
#include "net/http_request_parser.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

class QTcpServer;

namespace net {

// A small HTTP/1.1 server (HTTPS with useTls) that only ever listens on a loopback address. It
// backs the built-in demo endpoint and the tests' scripted endpoints, so both speak real HTTP to
// the real client. Connections persist across requests (keep-alive) and pipelined requests are
// answered in order; see HttpRequestParser for what it accepts.
class LoopbackHttpServer final : public QObject {
    Q_OBJECT
public:
    using Handler = HttpHandler;

    explicit LoopbackHttpServer(Handler handler, QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    // Serve https with this configuration (certificate and key); call before listen().
    void useTls(const QSslConfiguration &configuration);
    // Size limits for requests; call before listen().
    void setLimits(HttpParseLimits limits) { m_limits = limits; }
    // How long a connection may stay silent, between requests or within one, before it is closed;
    // applies to connections accepted afterwards.
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }
    static constexpr int kDefaultIdleTimeoutMs = 30000;
    // The most connections served at once; one more is closed as soon as it is accepted, so
    // that connections opened and left silent cannot pile up (0: no limit, the default).
    void setMaxConnections(int connections) { m_maxConnections = connections; }
    int openConnections() const { return m_open; }

    // Refuses (returns false, sets `error`) any address that is not loopback.
    bool listenOnLoopback(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                          QString *error = nullptr);
    bool isListening() const;
    quint16 port() const { return m_port; }
    QUrl url() const; // http(s)://127.0.0.1:<port>

    // Stops listening and closes every connection at once. Not from within the handler.
    void close();

    // Connections accepted so far: tells a reused connection from a new one.
    int acceptedConnections() const { return m_accepted; }
    // Connections closed at once because setMaxConnections() were open already.
    int refusedConnections() const { return m_refused; }

private:
    void acceptConnections();

    Handler m_handler;
    HttpParseLimits m_limits;
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    QSslConfiguration m_tlsConfiguration;
    bool m_tls = false;
    QTcpServer *m_listener = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_accepted = 0;
    int m_maxConnections = 0;
    int m_open = 0;
    int m_refused = 0;
};

} // namespace net
