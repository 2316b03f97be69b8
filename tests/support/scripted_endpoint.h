#pragma once

#include "net/loopback_http_server.h"

#include <functional>
#include <QJsonArray>
#include <QList>
#include <QUrl>

namespace testsupport {

// A loopback HTTP(S) endpoint for client tests: records every request it receives and answers
// with the responses queued by the test (then with `fallback`).
class ScriptedEndpoint {
public:
    ScriptedEndpoint();

    // Serve https with a certificate and key (see TestCertificates); call before start().
    void useTls(const QSslConfiguration &configuration);
    bool start(); // on 127.0.0.1, a free port
    QUrl url() const { return m_server.url(); }

    void enqueue(net::HttpResponse response) { m_queue.append(std::move(response)); }
    void setFallback(net::HttpResponse response) { m_fallback = std::move(response); }
    // Replaces the queue: every answer is computed from the request.
    void setHandler(std::function<net::HttpResponse(const net::HttpRequest &)> handler)
    {
        m_handler = std::move(handler);
    }

    const QList<net::HttpRequest> &requests() const { return m_requests; }
    // How many of them were for `path` ("/ListStages"), counted here at the server.
    qsizetype requestsTo(const QByteArray &path) const;

private:
    net::HttpResponse answer(const net::HttpRequest &request);

    net::LoopbackHttpServer m_server;
    QList<net::HttpRequest> m_requests;
    QList<net::HttpResponse> m_queue;
    net::HttpResponse m_fallback;
    std::function<net::HttpResponse(const net::HttpRequest &)> m_handler;
};

// One page of a List operation: `items` under `listKey`, and `nextToken` unless it is empty.
net::HttpResponse listPage(const QString &listKey, const QJsonArray &items,
                           const QString &nextToken = {});

// An AWS-shaped error response: status, x-amzn-ErrorType and a JSON body with "message".
net::HttpResponse awsErrorResponse(int status, const QByteArray &errorType, const QString &message);

} // namespace testsupport
