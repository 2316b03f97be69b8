#include "support/scripted_endpoint.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace testsupport {

ScriptedEndpoint::ScriptedEndpoint()
    : m_server([this](const net::HttpRequest &request) { return answer(request); })
    , m_fallback(
          awsErrorResponse(500, "InternalServerException", QStringLiteral("no scripted answer")))
{
}

void ScriptedEndpoint::useTls(const QSslConfiguration &configuration)
{
    m_server.useTls(configuration);
}

bool ScriptedEndpoint::start()
{
    return m_server.listenOnLoopback();
}

net::HttpResponse ScriptedEndpoint::answer(const net::HttpRequest &request)
{
    m_requests.append(request);
    if (m_handler)
        return m_handler(request);
    return m_queue.isEmpty() ? m_fallback : m_queue.takeFirst();
}

net::HttpResponse awsErrorResponse(int status, const QByteArray &errorType, const QString &message)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("message"), message}})
                                .toJson(QJsonDocument::Compact);
    return net::HttpResponse::json(status, body,
                                   {{"x-amzn-ErrorType", errorType},
                                    {"x-amzn-RequestId", "11111111-2222-3333-4444-555555555555"}});
}

} // namespace testsupport
