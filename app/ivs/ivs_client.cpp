#include "ivs/ivs_client.h"

#include "ivs/clock_skew.h"
#include "ivs/http_exchange.h"
#include "ivs/resource_paths.h"
#include "ivs/stage_arn.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace ivs {

// One logical call across its attempts.
struct IvsClient::Call {
    QString region;
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray body;
    aws::Credentials credentials;
    // Where the call started: a connection switched while it waits for its credentials or for a
    // retry must not send one connection's request, signed with its keys, to another's endpoint.
    aws::EndpointConfig endpoint;
    QPointer<QObject> context;
    std::function<void(const JsonCallResult &)> done;
    int attempt = 1;
    bool skewCorrected = false;
};

namespace {

JsonCallResult resultOf(const ExchangeOutcome &outcome)
{
    JsonCallResult result;
    result.httpStatus = outcome.httpStatus;
    result.body = outcome.body;
    result.contentType = outcome.contentType;
    if (outcome.transportError) {
        result.error = outcome.transportError;
    } else if (outcome.httpStatus < 200 || outcome.httpStatus >= 300) {
        result.error = serviceErrorFromResponse(outcome.httpStatus, outcome.errorType, outcome.body,
                                                outcome.requestId, outcome.contentType);
    }
    return result;
}

void failLater(QObject *context, std::function<void(const JsonCallResult &)> done,
               const ServiceError &error)
{
    QMetaObject::invokeMethod(
        context,
        [error, done = std::move(done)] {
            JsonCallResult result;
            result.error = error;
            done(result);
        },
        Qt::QueuedConnection);
}

// The longest part of an answer quoted in a message about it.
constexpr qsizetype kMaxQuotedArn = 200;

// A GetStage or UpdateStage answer for `asked`, as a result: the stage, or why there is none,
// and a warning when the stage is not the one asked for.
GetStageResult stageResult(const StageArn &asked, const JsonCallResult &call)
{
    GetStageResult result;
    if (call.error) {
        result.error = call.error;
        return result;
    }
    QString problem;
    result.stage = Stage::fromGetStageResponse(call.body, &problem);
    if (!result.stage) {
        result.error = unexpectedResponse(call.httpStatus, call.contentType, problem);
        return result;
    }
    QString answered = result.stage->arn();
    if (answered == asked.text())
        return result;
    if (answered.size() > kMaxQuotedArn)
        answered = answered.left(kMaxQuotedArn) + QStringLiteral("…");
    // (Stage::fromGetStageResponse refuses an answer without an ARN.)
    result.mismatch = IvsClient::tr("The answer describes %1, not %2, the stage asked for: check "
                                    "the endpoint URL and any proxy in between.")
                          .arg(answered, asked.text());
    return result;
}

} // namespace

IvsClient::IvsClient(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
                     aws::EndpointConfig endpoint, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_endpoint(std::move(endpoint))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_scheduler([](int milliseconds, QObject *context, std::function<void()> then) {
        QTimer::singleShot(milliseconds, context, std::move(then));
    })
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

IvsClient::~IvsClient() = default;

void IvsClient::getStage(const StageArn &arn, const QString &region, QObject *context,
                         std::function<void(const GetStageResult &)> done)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("arn"), arn.text()}})
                                .toJson(QJsonDocument::Compact);
    postJson(region.isEmpty() ? arn.region() : region, QStringLiteral("GetStage"), body, context,
             [arn, done = std::move(done)](const JsonCallResult &call) {
                 done(stageResult(arn, call));
             });
}

void IvsClient::listStages(const QString &region, int maxResults, QObject *context,
                           std::function<void(const ListStagesResult &)> done)
{
    const QJsonObject request{{QStringLiteral("maxResults"), maxResults}};
    postJson(
        region, QStringLiteral("ListStages"), QJsonDocument(request).toJson(QJsonDocument::Compact),
        context, [done = std::move(done)](const JsonCallResult &call) {
            ListStagesResult result;
            if (call.error) {
                result.error = call.error;
            } else {
                QString problem;
                result.page = parseListStagesResponse(call.body, &problem);
                if (!result.page)
                    result.error = unexpectedResponse(call.httpStatus, call.contentType, problem);
            }
            done(result);
        });
}

void IvsClient::updateStage(const StageArn &arn, const QJsonObject &body, QObject *context,
                            std::function<void(const GetStageResult &)> done)
{
    postJson(arn.region(), QStringLiteral("UpdateStage"),
             QJsonDocument(body).toJson(QJsonDocument::Compact), context,
             [arn, done = std::move(done)](const JsonCallResult &call) {
                 done(stageResult(arn, call));
             });
}

void IvsClient::tagResource(const StageArn &arn, const QMap<QString, QString> &tags,
                            QObject *context, std::function<void(const JsonCallResult &)> done)
{
    QJsonObject tagObject;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        tagObject.insert(it.key(), it.value());
    send(arn.region(), "POST", tagsPath(arn.text()), QByteArray(),
         QJsonDocument(QJsonObject{{QStringLiteral("tags"), tagObject}})
             .toJson(QJsonDocument::Compact),
         context, std::move(done));
}

void IvsClient::untagResource(const StageArn &arn, const QStringList &tagKeys, QObject *context,
                              std::function<void(const JsonCallResult &)> done)
{
    send(arn.region(), "DELETE", tagsPath(arn.text()), tagKeysQuery(tagKeys), QByteArray(), context,
         std::move(done));
}

void IvsClient::postJson(const QString &region, const QString &operation, const QByteArray &body,
                         QObject *context, std::function<void(const JsonCallResult &)> done)
{
    send(region, "POST", '/' + operation.toUtf8(), QByteArray(), body, context, std::move(done));
}

void IvsClient::send(const QString &region, const QByteArray &method, const QByteArray &path,
                     const QByteArray &query, const QByteArray &body, QObject *context,
                     std::function<void(const JsonCallResult &)> done)
{
    if (!m_credentials)
        return failLater(context, std::move(done),
                         localError(ErrorCategory::Credentials, tr("No usable AWS credentials"),
                                    tr("No credential source is configured."), QString()));
    if (region.isEmpty())
        return failLater(context, std::move(done),
                         localError(ErrorCategory::Configuration, tr("No region is chosen"),
                                    QString(),
                                    tr("Choose a region, or set AWS_REGION or the profile's "
                                       "region.")));
    auto call = std::make_shared<Call>();
    call->region = region;
    call->method = method;
    call->path = path;
    call->query = query;
    call->body = body;
    call->endpoint = m_endpoint;
    call->context = context;
    call->done = std::move(done);
    m_credentials->fetchCredentials(context, [this, guard = QPointer<IvsClient>(this),
                                              call](const aws::CredentialResult &credentials) {
        if (!guard)
            return;
        if (const auto *problem = std::get_if<aws::CredentialError>(&credentials)) {
            JsonCallResult result;
            result.error = localError(ErrorCategory::Credentials, tr("No usable AWS credentials"),
                                      problem->message, QString());
            call->done(result);
            return;
        }
        call->credentials = std::get<aws::Credentials>(credentials);
        attempt(call);
    });
}

void IvsClient::attempt(const std::shared_ptr<Call> &call)
{
    if (!call->context)
        return;
    SignedRequest post;
    post.method = call->method;
    post.query = call->query;
    post.baseUrl = call->endpoint.baseUrl(call->region);
    if (const QString problem = aws::endpointUrlProblem(post.baseUrl); !problem.isEmpty()) {
        JsonCallResult result;
        result.error =
            localError(ErrorCategory::Configuration, tr("Unusable endpoint"), problem, QString());
        call->done(result);
        return;
    }
    post.region = call->region;
    post.path = call->path;
    post.body = call->body;
    post.credentials = call->credentials;
    post.signingTime = m_clock().addSecs(m_clockOffsetSeconds);
    post.extraCas = call->endpoint.extraCas;
    post.timeoutMs = m_timeoutMs;
    post.maxResponseBytes = m_maxResponseBytes;
    // One arg() call: a percent-encoded path ("%3A") must not be taken for a placeholder.
    emit requestSent(
        tr("%1 %2%3 (region %4, credentials %5, attempt %6)")
            .arg(QString::fromLatin1(call->method), aws::displayUrl(post.baseUrl, QUrl::RemovePath),
                 QString::fromUtf8(call->query.isEmpty() ? call->path
                                                         : call->path + '?' + call->query),
                 call->region, call->credentials.redactedSummary(),
                 QString::number(call->attempt)));

    sendSignedRequest(
        *m_network, post, call->context,
        [this, guard = QPointer<IvsClient>(this), call](const ExchangeOutcome &outcome) {
            JsonCallResult result = resultOf(outcome);
            if (!guard) { // nobody left to retry: deliver what there is
                result.attempts = call->attempt;
                call->done(result);
                return;
            }
            handleOutcome(call, std::move(result), outcome.date);
        });
}

void IvsClient::handleOutcome(const std::shared_ptr<Call> &call, JsonCallResult result,
                              const QByteArray &dateHeader)
{
    result.attempts = call->attempt;
    if (result.error && !call->skewCorrected && isClockSkewError(*result.error)) {
        const auto offset = serverClockOffset(dateHeader, m_clock());
        if (offset) {
            call->skewCorrected = true;
            m_clockOffsetSeconds = *offset;
            emit clockSkewCorrected(*offset, clockSkewNotice(*offset));
            attempt(call); // a re-signed copy of the same attempt
            return;
        }
    }
    if (result.error && isRetryable(*result.error) && call->attempt < m_retryPolicy.maxAttempts) {
        const int nextAttempt = call->attempt + 1;
        const int delay = m_retryPolicy.delayBeforeAttempt(nextAttempt, m_random());
        emit retrying(retryNotice(*result.error, delay, nextAttempt, m_retryPolicy.maxAttempts));
        call->attempt = nextAttempt;
        m_scheduler(delay, call->context, [guard = QPointer<IvsClient>(this), call] {
            if (guard)
                guard->attempt(call);
        });
        return;
    }
    if (result.error)
        result.error->attempts = call->attempt;
    call->done(result);
}

} // namespace ivs
