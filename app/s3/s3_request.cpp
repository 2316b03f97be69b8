// S3Client's transport: credentials, addressing, signing, retries and clock-skew correction, on
// ivs::sendSignedRequest.

#include "s3/s3_request.h"

#include "aws/endpoint_config.h"
#include "ivs/clock_skew.h"
#include "s3/s3_client.h"
#include "s3/s3_errors.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace s3 {

// One request across its attempts.
struct S3Client::Call {
    S3Request request;
    aws::Credentials credentials;
    // Where the call started: the endpoint may be replaced while a retry waits.
    S3Endpoint endpoint;
    QPointer<QObject> context;
    std::function<void(const S3Response &)> done;
    int attempt = 1;
    bool skewCorrected = false;
};

namespace {

void failLater(QObject *context, std::function<void(const S3Response &)> done,
               const ivs::ServiceError &error)
{
    QMetaObject::invokeMethod(
        context,
        [error, done = std::move(done)] {
            S3Response response;
            response.error = error;
            done(response);
        },
        Qt::QueuedConnection);
}

QByteArray headerIn(const aws::HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

QByteArray S3Response::header(const QByteArray &name) const
{
    return headerIn(headers, name);
}

void S3Client::fetchCredentials(QObject *context,
                                std::function<void(const CredentialsOrError &)> done)
{
    if (!m_credentials) {
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done(ivs::localError(ivs::ErrorCategory::Credentials,
                                     tr("No usable AWS credentials"),
                                     tr("No credential source is configured."), QString()));
            },
            Qt::QueuedConnection);
        return;
    }
    m_credentials->fetchCredentials(
        context, [done = std::move(done)](const aws::CredentialResult &credentials) {
            if (const auto *problem = std::get_if<aws::CredentialError>(&credentials)) {
                done(ivs::localError(ivs::ErrorCategory::Credentials,
                                     tr("No usable AWS credentials"), problem->message, QString()));
                return;
            }
            done(std::get<aws::Credentials>(credentials));
        });
}

void S3Client::send(const S3Request &request, const aws::Credentials &credentials, QObject *context,
                    std::function<void(const S3Response &)> done)
{
    QString problem = regionProblem(request.region);
    if (problem.isEmpty())
        problem = bucketNameProblem(request.bucket);
    if (!problem.isEmpty())
        return failLater(context, std::move(done),
                         ivs::localError(ivs::ErrorCategory::Validation,
                                         tr("The request cannot be sent"), problem, QString()));
    if (!m_endpoint.overrideUrl.isEmpty()) {
        if (const QString url = aws::endpointUrlProblem(m_endpoint.overrideUrl); !url.isEmpty())
            return failLater(context, std::move(done),
                             ivs::localError(ivs::ErrorCategory::Configuration,
                                             tr("Unusable endpoint"), url, QString()));
    }
    auto call = std::make_shared<Call>();
    call->request = request;
    call->credentials = credentials;
    call->endpoint = m_endpoint;
    call->context = context;
    call->done = std::move(done);
    attempt(call);
}

void S3Client::attempt(const std::shared_ptr<Call> &call)
{
    if (!call->context)
        return;
    const S3Request &request = call->request;
    const S3Address address =
        s3Address(call->endpoint, request.region, request.bucket, request.key);
    ivs::SignedRequest post;
    post.method = request.method;
    post.baseUrl = address.baseUrl;
    post.region = request.region;
    post.signingName = QStringLiteral("s3");
    post.path = address.path;
    post.query = encodeQuery(request.query);
    post.headers = request.headers;
    if (request.headersForAttempt)
        post.headers += request.headersForAttempt();
    // Bytes exactly as stored: Qt would otherwise ask for gzip and inflate an object stored with
    // Content-Encoding: gzip, which then matches neither its size nor its MD5, nor any Range.
    post.unsignedHeaders = {{"Accept-Encoding", "identity"}};
    post.s3Signing = true;
    post.credentials = call->credentials;
    post.signingTime = m_clock().addSecs(m_clockOffsetSeconds);
    post.extraCas = call->endpoint.extraCas;
    post.timeoutMs = m_timeoutMs;
    post.timeoutOnSilence = request.timeoutOnSilence;
    post.maxResponseBytes = m_maxResponseBytes;
    post.onResponseHead = request.onResponseHead;
    post.bodySink = request.bodySink;
    // One arg() call: a percent-encoded path ("%20") must not be taken for a placeholder.
    emit requestSent(
        tr("%1 %2%3 (region %4, credentials %5, attempt %6)")
            .arg(QString::fromLatin1(request.method),
                 aws::displayUrl(address.baseUrl, QUrl::RemovePath),
                 QString::fromUtf8(post.query.isEmpty() ? post.path : post.path + '?' + post.query),
                 request.region, call->credentials.redactedSummary(),
                 QString::number(call->attempt)));

    ivs::sendSignedRequest(
        *m_network, post, call->context,
        [this, guard = QPointer<S3Client>(this), call](const ivs::ExchangeOutcome &outcome) {
            if (guard) {
                handleOutcome(call, outcome);
                return;
            }
            // Nobody left to retry: deliver what there is.
            S3Response response;
            response.httpStatus = outcome.httpStatus;
            response.error = outcome.transportError;
            response.attempts = call->attempt;
            call->done(response);
        });
}

void S3Client::handleOutcome(const std::shared_ptr<Call> &call, const ivs::ExchangeOutcome &outcome)
{
    S3Response response;
    response.httpStatus = outcome.httpStatus;
    response.body = outcome.body;
    response.headers = outcome.headers;
    response.stoppedByCaller = outcome.stoppedByCaller;
    response.attempts = call->attempt;
    if (outcome.transportError) {
        response.error = outcome.transportError;
        if (response.error->category == ivs::ErrorCategory::MalformedResponse)
            response.error->nextStep = tr("An S3 answer of this kind is small; check the endpoint "
                                          "URL and any proxy in between.");
    } else if (!outcome.stoppedByCaller &&
               (outcome.httpStatus < 200 || outcome.httpStatus >= 300)) {
        response.error = serviceErrorFromS3Response(
            outcome.httpStatus, outcome.body, outcome.header("x-amz-request-id"),
            call->request.operationHint, outcome.header("x-amz-bucket-region"));
    }

    if (response.error && !call->skewCorrected && ivs::isClockSkewError(*response.error)) {
        if (const auto offset = ivs::serverClockOffset(outcome.date, m_clock())) {
            call->skewCorrected = true;
            m_clockOffsetSeconds = *offset;
            emit clockSkewCorrected(*offset, ivs::clockSkewNotice(*offset));
            attempt(call); // a re-signed copy of the same attempt
            return;
        }
    }
    if (response.error && ivs::isRetryable(*response.error) &&
        call->attempt < m_retryPolicy.maxAttempts) {
        const int nextAttempt = call->attempt + 1;
        const int delay = m_retryPolicy.delayBeforeAttempt(nextAttempt, m_random());
        emit retrying(
            ivs::retryNotice(*response.error, delay, nextAttempt, m_retryPolicy.maxAttempts));
        call->attempt = nextAttempt;
        m_scheduler(delay, call->context, [guard = QPointer<S3Client>(this), call] {
            if (guard)
                guard->attempt(call);
        });
        return;
    }
    if (response.error)
        response.error->attempts = call->attempt;
    call->done(response);
}

} // namespace s3
