#include "demo/demo_endpoint.h"

#include "ivs/clock_skew.h"

#include <QUuid>

namespace demo {

namespace {
const QString kDemoAccessKeyId = QStringLiteral("AKIDEMOSTAGEBROWSER1");
const QString kDemoSecret = QStringLiteral("demo+secret/for+the+built-in+endpoint+only");

std::optional<QString> demoSecret(const QString &accessKeyId)
{
    if (accessKeyId == kDemoAccessKeyId)
        return kDemoSecret;
    return std::nullopt;
}

// S3 names the verifier's refusals its own way.
QByteArray s3ErrorCode(const QByteArray &errorType)
{
    if (errorType == "InvalidSignatureException")
        return "SignatureDoesNotMatch";
    if (errorType == "UnrecognizedClientException")
        return "InvalidAccessKeyId";
    return errorType;
}
} // namespace

DemoEndpoint::DemoEndpoint(QObject *parent)
    : QObject(parent)
    , m_server([this](const net::HttpRequest &request) { return handle(request); }, this)
    , m_verifier(QStringLiteral("ivs"), demoSecret)
    , m_s3Verifier(QStringLiteral("s3"), demoSecret)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_s3Verifier.setSignsPathAsSent(true);
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
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    response.headers.append({"x-amzn-RequestId", requestId});
    response.headers.append({"x-amz-request-id", requestId}); // S3's name for it
    // As AWS does: clients correct their clock from it after a skew refusal.
    response.headers.append({"Date", ivs::httpDate(m_clock())});
    return response;
}

net::HttpResponse DemoEndpoint::route(const net::HttpRequest &request)
{
    aws::HttpRequestToSign received{request.method, request.path, request.query, request.headers,
                                    request.body};
    // IVS is POST (and DELETE for untagging); S3's reads are GET and HEAD.
    const bool s3 = request.method == "GET" || request.method == "HEAD";
    const auto verification = (s3 ? m_s3Verifier : m_verifier).verify(received, m_clock());
    if (const auto *failure = std::get_if<aws::VerificationFailure>(&verification))
        return s3 ? s3Error(failure->httpStatus, s3ErrorCode(failure->errorType), failure->message)
                  : awsError(failure->httpStatus, failure->errorType, failure->message);
    const QString region = std::get<aws::VerifiedRequest>(verification).region;
    if (s3)
        return m_service.s3(request, region);

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
