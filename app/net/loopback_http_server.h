#pragma once

#include "net/http_message.h"

#include <functional>
#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QUrl>

namespace net {

// A small HTTP(S) server that only ever listens on a loopback address. It backs the built-in demo
// endpoint and the tests' scripted endpoints, so both speak real HTTP to the real client.
class LoopbackHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = HttpHandler;

    explicit LoopbackHttpServer(Handler handler, QObject *parent = nullptr);

    // Serve https with this configuration (certificate and key); call before listen().
    void useTls(const QSslConfiguration &configuration);

    // Refuses (returns false, sets `error`) any address that is not loopback.
    bool listenOnLoopback(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                          QString *error = nullptr);
    quint16 port() const { return m_port; }
    QUrl url() const; // http(s)://127.0.0.1:<port>

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace net
