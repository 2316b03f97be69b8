#include "ivs/ivs_client.h"

#include "aws/sigv4_signer.h"
#include "ivs/stage_arn.h"
#include "ivs/transport_error.h"

#include <memory>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>

namespace ivs {

namespace {

constexpr char kSigningName[] = "ivs";

// The Host header exactly as it is sent, since it is signed.
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray joinPaths(const QUrl &base, const QByteArray &path)
{
    QByteArray basePath = base.path(QUrl::FullyEncoded).toUtf8();
    while (basePath.endsWith('/'))
        basePath.chop(1);
    return basePath + path;
}

JsonCallResult resultFromReply(QNetworkReply *reply, const QList<QSslError> &sslErrors,
                               bool timedOut, int timeoutMs);

} // namespace

IvsClient::IvsClient(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
                     aws::EndpointConfig endpoint, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_endpoint(std::move(endpoint))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void IvsClient::getStage(const StageArn &arn, const QString &region, QObject *context,
                         std::function<void(const GetStageResult &)> done)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("arn"), arn.text()}})
                                .toJson(QJsonDocument::Compact);
    postJson(region.isEmpty() ? arn.region() : region, QStringLiteral("GetStage"), body, context,
             [done = std::move(done)](const JsonCallResult &call) {
                 GetStageResult result;
                 if (call.error) {
                     result.error = call.error;
                 } else {
                     QString problem;
                     result.stage = Stage::fromGetStageResponse(call.body, &problem);
                     if (!result.stage)
                         result.error = localError(ErrorCategory::MalformedResponse,
                                                   tr("The stage could not be read"), problem,
                                                   tr("Check that the endpoint is an Amazon IVS "
                                                      "Real-Time endpoint."));
                 }
                 done(result);
             });
}

void IvsClient::listStages(const QString &region, int maxResults, const QString &nextToken,
                           QObject *context, std::function<void(const ListStagesResult &)> done)
{
    QJsonObject request{{QStringLiteral("maxResults"), maxResults}};
    if (!nextToken.isEmpty())
        request.insert(QStringLiteral("nextToken"), nextToken);
    postJson(region, QStringLiteral("ListStages"),
             QJsonDocument(request).toJson(QJsonDocument::Compact), context,
             [done = std::move(done)](const JsonCallResult &call) {
                 ListStagesResult result;
                 if (call.error) {
                     result.error = call.error;
                 } else {
                     QString problem;
                     result.page = parseListStagesResponse(call.body, &problem);
                     if (!result.page)
                         result.error =
                             localError(ErrorCategory::MalformedResponse,
                                        tr("The stage list could not be read"), problem, QString());
                 }
                 done(result);
             });
}

void IvsClient::postJson(const QString &region, const QString &operation, const QByteArray &body,
                         QObject *context, std::function<void(const JsonCallResult &)> done)
{
    const QByteArray path = '/' + operation.toUtf8();
    auto failLater = [context, &done](const ServiceError &error) {
        QMetaObject::invokeMethod(
            context,
            [error, done = std::move(done)] {
                JsonCallResult result;
                result.error = error;
                done(result);
            },
            Qt::QueuedConnection);
    };
    if (!m_credentials)
        return failLater(localError(ErrorCategory::Credentials, tr("No usable AWS credentials"),
                                    tr("No credential source is configured."), QString()));
    if (region.isEmpty())
        return failLater(localError(ErrorCategory::Configuration, tr("No region is chosen"),
                                    QString(),
                                    tr("Choose a region, or set AWS_REGION or the profile's "
                                       "region.")));
    m_credentials->fetchCredentials(context, [this, guard = QPointer<IvsClient>(this), region, path,
                                              body, context, done = std::move(done)](
                                                 const aws::CredentialResult &credentials) mutable {
        if (!guard)
            return;
        if (const auto *problem = std::get_if<aws::CredentialError>(&credentials)) {
            JsonCallResult result;
            result.error = localError(ErrorCategory::Credentials, tr("No usable AWS credentials"),
                                      problem->message, QString());
            done(result);
            return;
        }
        send(region, path, body, std::get<aws::Credentials>(credentials), context, std::move(done));
    });
}

void IvsClient::send(const QString &region, const QByteArray &path, const QByteArray &body,
                     const aws::Credentials &credentials, QObject *context,
                     std::function<void(const JsonCallResult &)> done)
{
    const QUrl base = m_endpoint.baseUrl(region);
    if (const QString problem = aws::endpointUrlProblem(base); !problem.isEmpty()) {
        JsonCallResult result;
        result.error =
            localError(ErrorCategory::Configuration, tr("Unusable endpoint"), problem, QString());
        done(result);
        return;
    }

    aws::HttpRequestToSign toSign;
    toSign.method = "POST";
    toSign.path = joinPaths(base, path);
    toSign.headers = {{"Host", hostHeader(base)}, {"Content-Type", "application/json"}};
    toSign.body = body;
    aws::SigningOptions options;
    options.region = region;
    options.service = QString::fromLatin1(kSigningName);
    options.signingTime = m_clock();
    const aws::SigningResult signature = aws::SigV4Signer::sign(toSign, credentials, options);

    QUrl url = base;
    url.setPath(QString::fromUtf8(toSign.path), QUrl::TolerantMode);
    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(toSign.headers))
        request.setRawHeader(name, value);
    for (const auto &[name, value] : signature.headersToAdd)
        request.setRawHeader(name, value);
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("ivs-stage-browser/%1").arg(QCoreApplication::applicationVersion()));
    request.setTransferTimeout(m_transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_endpoint.extraCaCertificates.isEmpty())
            tls.addCaCertificates(m_endpoint.extraCaCertificates);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }

    QNetworkReply *reply = m_network->post(request, body);
    auto sslErrors = std::make_shared<QList<QSslError>>();
    // Recorded for the message only: certificate errors are never ignored.
    connect(reply, &QNetworkReply::sslErrors, reply,
            [sslErrors](const QList<QSslError> &errors) { *sslErrors += errors; });
    const auto delivery = std::make_shared<QMetaObject::Connection>();
    *delivery =
        connect(reply, &QNetworkReply::finished, context,
                [timeoutMs = m_transferTimeoutMs, reply, sslErrors, done = std::move(done)] {
                    reply->deleteLater();
                    const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
                    done(resultFromReply(reply, *sslErrors, timedOut, timeoutMs));
                });
    // `destroyed` fires before the dying context loses its connections, and abort() emits
    // `finished` at once: cut the delivery first, or the caller would get a false timeout.
    connect(context, &QObject::destroyed, reply, [reply, delivery] {
        QObject::disconnect(*delivery);
        reply->abort();
        reply->deleteLater();
    });
}

namespace {

// Free of the client, so an answer can still be delivered after the client is gone.
JsonCallResult resultFromReply(QNetworkReply *reply, const QList<QSslError> &sslErrors,
                               bool timedOut, int timeoutMs)
{
    JsonCallResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        result.error = transportError(reply->error(), reply->errorString(), reply->url(), sslErrors,
                                      timedOut, timeoutMs);
        return result;
    }
    result.httpStatus = status.toInt();
    result.body = reply->readAll();
    if (result.httpStatus < 200 || result.httpStatus >= 300) {
        result.error =
            serviceErrorFromResponse(result.httpStatus, reply->rawHeader("x-amzn-ErrorType"),
                                     result.body, reply->rawHeader("x-amzn-RequestId"));
    }
    return result;
}

} // namespace

} // namespace ivs
