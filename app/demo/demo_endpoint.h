#pragma once

#include "aws/credentials.h"
#include "aws/sigv4_verifier.h"
#include "demo/demo_service.h"
#include "net/loopback_http_server.h"

#include <functional>
#include <QJsonObject>
#include <QMap>
#include <QObject>

namespace demo {

// The built-in demo endpoint: a real HTTP server on loopback that speaks the Amazon IVS
// Real-Time wire protocol for a few sample stages and verifies SigV4 signatures as AWS does.
// The app uses it with no AWS account, through exactly the same signed client path.
class DemoEndpoint final : public QObject {
    Q_OBJECT
public:
    explicit DemoEndpoint(QObject *parent = nullptr);

    // Serve https with this certificate and key instead of http; before start().
    void useTls(const QSslConfiguration &configuration) { m_server.useTls(configuration); }
    // Any local process may connect (the keys are public): at most kMaxConnections at once.
    bool start(QString *error = nullptr, quint16 port = 0);
    static constexpr int kMaxConnections = 32;
    const net::LoopbackHttpServer &server() const { return m_server; }
    QUrl url() const { return m_server.url(); }

    // Publicly documented throwaway keys: they open nothing but this endpoint.
    static aws::Credentials credentials();
    QStringList stageArns() const { return m_service.stageArns(); }

    // Tests move the server clock to exercise clock-skew errors.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Tests run the town-hall show (LiveShow) on a clock of their own.
    void setLiveShowClock(const QDateTime &origin, std::function<QDateTime()> clock)
    {
        m_service.setLiveShowClock(origin, std::move(clock));
    }

private:
    net::HttpResponse handle(const net::HttpRequest &request);
    net::HttpResponse route(const net::HttpRequest &request);

    net::LoopbackHttpServer m_server;
    aws::SigV4Verifier m_verifier;
    aws::SigV4Verifier m_s3Verifier; // GET and HEAD: S3, path style
    DemoService m_service;
    std::function<QDateTime()> m_clock;
};

} // namespace demo
