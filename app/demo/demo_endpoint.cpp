#include "demo/demo_endpoint.h"

#include "ivs/clock_skew.h"

#include <QUuid>

namespace demo {

namespace {
const QString kDemoAccessKeyId = QStringLiteral("AKIDEMOSTAGEBROWSER1");
const QString kDemoSecret = QStringLiteral("demo+secret/for+the+built-in+endpoint+only");
} // namespace

DemoEndpoint::DemoEndpoint(QObject *parent)
    : QObject(parent)
    , m_server([this](const net::HttpRequest &request) { return handle(request); }, this)
    , m_verifier(QStringLiteral("ivs"),
                 [](const QString &accessKeyId) -> std::optional<QString> {
                     if (accessKeyId == kDemoAccessKeyId)
                         return kDemoSecret;
                     return std::nullopt;
                 })
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

bool DemoEndpoint::start(QString *error, quint16 port)
{
    // The window and the command line use a handful of connections; anything beyond this is
    // some other local process holding connections open.
    m_server.setMaxConnections(kMaxConnections);
    return m_server.listenOnLoopback(QHostAddress::LocalHost, port, error);
}

aws::Credentials DemoEndpoint::credentials()
{
    return aws::Credentials{kDemoAccessKeyId, kDemoSecret, {}, {}};
}

net::HttpResponse DemoEndpoint::handle(const net::HttpRequest &request)
{
    net::HttpResponse response = route(request);
    response.headers.append(
        {"x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    // As AWS does: clients correct their clock from it after a skew refusal.
    response.headers.append({"Date", ivs::httpDate(m_clock())});
    return response;
}

net::HttpResponse DemoEndpoint::route(const net::HttpRequest &request)
{
    aws::HttpRequestToSign received{request.method, request.path, request.query, request.headers,
                                    request.body};
    const auto verification = m_verifier.verify(received, m_clock());
    if (const auto *failure = std::get_if<aws::VerificationFailure>(&verification))
        return awsError(failure->httpStatus, failure->errorType, failure->message);
    const QString region = std::get<aws::VerifiedRequest>(verification).region;

    const QByteArray &method = request.method;
    const QByteArray &path = request.path;
    if (method == "POST" && path == "/GetStage")
        return m_service.getStage(request.body, region);
    if (method == "POST" && path == "/ListStages")
        return m_service.listStages(request.body, region);
    if (method == "POST" && path == "/GetStorageConfiguration")
        return m_service.getStorageConfiguration(request.body, region);
    if (method == "POST" && path == "/ListStageSessions")
        return m_service.listStageSessions(request.body, region);
    if (method == "POST" && path == "/ListParticipants")
        return m_service.listParticipants(request.body, region);
    if (method == "POST" && path == "/GetParticipant")
        return m_service.getParticipant(request.body, region);
    if (method == "POST" && path == "/ListParticipantEvents")
        return m_service.listParticipantEvents(request.body, region);
    if (method == "POST" && path == "/CreateParticipantToken")
        return m_service.createParticipantToken(request.body, region);
    if (method == "POST" && path == "/ListIngestConfigurations")
        return m_service.listIngestConfigurations(request.body, region);
    if (method == "POST" && path == "/GetIngestConfiguration")
        return m_service.getIngestConfiguration(request.body, region);
    if (method == "POST" && path == "/UpdateStage")
        return m_service.updateStage(request.body, region);
    if (method == "POST" && path == "/ListStorageConfigurations")
        return m_service.listStorageConfigurations(region);
    if (method == "POST" && path == "/DisconnectParticipant")
        return m_service.disconnectParticipant(request.body, region);
    if (path.startsWith("/tags/")) {
        const QString arn = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(6)));
        if (method == "POST")
            return m_service.tagResource(arn, request.body, region);
        if (method == "DELETE") {
            QStringList keys;
            const QList<QByteArray> pairs = request.query.split('&');
            for (const QByteArray &pair : pairs) {
                if (pair.startsWith("tagKeys="))
                    keys.append(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(8))));
            }
            return m_service.untagResource(arn, keys, region);
        }
    }
    return awsError(404, "UnknownOperationException",
                    QStringLiteral("The demo endpoint does not implement %1 %2.")
                        .arg(QString::fromLatin1(method), QString::fromUtf8(path)));
}

} // namespace demo
