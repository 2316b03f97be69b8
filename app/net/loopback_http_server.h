#pragma once

#include <functional>
#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

namespace net {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method;
    QByteArray path;  // percent-encoded, as on the request line
    QByteArray query; // without '?'
    HeaderList headers;
    QByteArray body;

    // First value of a header, case-insensitively; null when absent.
    QByteArray header(const QByteArray &name) const;
};

struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    static HttpResponse json(int status, const QByteArray &body, HeaderList extraHeaders = {});
};

// A small HTTP(S) server that only ever listens on a loopback address. It backs the built-in demo
// endpoint and the tests' scripted endpoints, so both speak real HTTP to the real client.
class LoopbackHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

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
