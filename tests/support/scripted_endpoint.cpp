#include "support/scripted_endpoint.h"

#include <algorithm>
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

qsizetype ScriptedEndpoint::requestsTo(const QByteArray &path) const
{
    return std::count_if(m_requests.cbegin(), m_requests.cend(),
                         [&path](const net::HttpRequest &request) { return request.path == path; });
}

net::HttpResponse listPage(const QString &listKey, const QJsonArray &items,
                           const QString &nextToken)
{
    QJsonObject body{{listKey, items}};
    if (!nextToken.isEmpty())
        body.insert(QStringLiteral("nextToken"), nextToken);
    return net::HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
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
