#include "demo/demo_endpoint.h"

#include "demo/demo_stages.h"
#include "ivs/clock_skew.h"
#include "ivs/stage_arn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace demo {

namespace {

const QString kDemoAccessKeyId = QStringLiteral("AKIDEMOSTAGEBROWSER1");
const QString kDemoSecret = QStringLiteral("demo+secret/for+the+built-in+endpoint+only");

net::HttpResponse awsError(int status, const QByteArray &errorType, const QString &message)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("message"), message}})
                                .toJson(QJsonDocument::Compact);
    return net::HttpResponse::json(status, body, {{"x-amzn-ErrorType", errorType}});
}

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
    const QList<QJsonObject> stages = sampleStages();
    for (const QJsonObject &stage : stages)
        m_stages.insert(stage.value(QStringLiteral("arn")).toString(), stage);
}

bool DemoEndpoint::start(QString *error, quint16 port)
{
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
    const auto &verified = std::get<aws::VerifiedRequest>(verification);

    if (request.method == "POST" && request.path == "/GetStage")
        return getStage(request, verified.region);
    if (request.method == "POST" && request.path == "/ListStages")
        return listStages(verified.region);
    return awsError(404, "UnknownOperationException",
                    QStringLiteral("The demo endpoint does not implement %1 %2.")
                        .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)));
}

net::HttpResponse DemoEndpoint::listStages(const QString &signingRegion)
{
    QJsonArray summaries;
    for (const QJsonObject &stage : std::as_const(m_stages)) {
        const auto arn = ivs::StageArn::parse(stage.value(QStringLiteral("arn")).toString());
        if (!arn || arn->region() != signingRegion)
            continue;
        QJsonObject summary;
        for (const QString &key : {QStringLiteral("arn"), QStringLiteral("name"),
                                   QStringLiteral("activeSessionId"), QStringLiteral("tags")}) {
            if (stage.contains(key))
                summary.insert(key, stage.value(key));
        }
        summaries.append(summary);
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("stages"), summaries}})
                                .toJson(QJsonDocument::Compact);
    return net::HttpResponse::json(200, body);
}

net::HttpResponse DemoEndpoint::getStage(const net::HttpRequest &request,
                                         const QString &signingRegion)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return awsError(400, "ValidationException",
                        QStringLiteral("Request body is not valid JSON."));
    const QJsonValue arnValue = document.object().value(QStringLiteral("arn"));
    if (!arnValue.isString())
        return awsError(400, "ValidationException",
                        QStringLiteral("1 validation error detected: Value null at 'arn' failed to "
                                       "satisfy constraint: Member must not be null"));
    QString problem;
    const auto arn = ivs::StageArn::parse(arnValue.toString(), &problem);
    if (!arn || arn->text() != arnValue.toString())
        return awsError(
            400, "ValidationException",
            QStringLiteral("1 validation error detected: Value at 'arn' failed to "
                           "satisfy constraint: Member must satisfy regular expression "
                           "pattern: ^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stage/[a-zA-Z0-9-]+$"));
    const auto stage = m_stages.constFind(arn->text());
    // Like AWS, a stage is only visible from its own region.
    if (stage == m_stages.constEnd() || arn->region() != signingRegion)
        return awsError(404, "ResourceNotFoundException",
                        QStringLiteral("Resource: %1 not found").arg(arn->text()));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("stage"), *stage}})
                                .toJson(QJsonDocument::Compact);
    return net::HttpResponse::json(200, body);
}

} // namespace demo
