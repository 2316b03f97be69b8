#pragma once

#include "aws/ca_bundle.h"
#include "aws/credentials.h"
#include "aws/sigv4_signer.h"
#include "ivs/service_error.h"

#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>

class QNetworkAccessManager;
class QObject;

namespace ivs {

// What to do with an answer's body, decided once its status and headers are known.
enum class BodyHandling {
    Gather, // keep it in ExchangeOutcome::body, up to maxResponseBytes
    Stream, // hand it to SignedRequest::bodySink as it arrives, neither kept nor counted
    Stop,   // end the exchange now (ExchangeOutcome::stoppedByCaller)
};

// One signed request: what to send and the limits it runs under.
struct SignedRequest {
    QByteArray method = "POST";
    QUrl baseUrl;
    QString region;
    QString signingName = QStringLiteral("ivs");
    QByteArray path;  // "/GetStage", "/tags/arn%3Aaws%3A…": percent-encoded, sent as is
    QByteArray query; // "tagKeys=a&tagKeys=b%20c": percent-encoded, sent as is
    QByteArray body;  // empty: no body and no Content-Type
    QByteArray contentType = "application/json"; // of a body
    aws::HeaderList headers;                     // more headers, sent and signed ("Range")
    aws::HeaderList unsignedHeaders;             // sent, not signed (a proxy may change them)
    // S3's signing: the path is signed as sent (neither normalized nor encoded again), and
    // x-amz-content-sha256 is sent and signed.
    bool s3Signing = false;
    aws::Credentials credentials;
    QDateTime signingTime;
    std::shared_ptr<const aws::CaBundle> extraCas; // for https only
    int timeoutMs = 30000;                         // for the whole exchange, not per read
    // Downloads: timeoutMs counts silence (no byte of the answer for that long) instead.
    bool timeoutOnSilence = false;
    qint64 maxResponseBytes = 8 * 1024 * 1024; // larger answers are not IVS answers

    // Called once the status and headers are known; without it every body is gathered.
    std::function<BodyHandling(int httpStatus, const aws::HeaderList &headers)> onResponseHead;
    // Takes a streamed body piece by piece; returning false ends the exchange (stoppedByCaller).
    std::function<bool(const QByteArray &piece)> bodySink;
};

// What came back, before any interpretation of the body.
struct ExchangeOutcome {
    int httpStatus = 0; // 0: no HTTP answer (see transportError)
    QByteArray body;
    QByteArray errorType; // x-amzn-ErrorType
    QByteArray requestId; // x-amzn-RequestId
    QByteArray contentType;
    QByteArray date;              // the server's Date header, for clock-skew correction
    aws::HeaderList headers;      // every header of the answer, as received
    bool stoppedByCaller = false; // BodyHandling::Stop, or bodySink said no more
    std::optional<ServiceError> transportError; // refused, DNS, TLS, timeout, too large

    // First value of a header, case-insensitively; null when absent.
    QByteArray header(const QByteArray &name) const;
};

// Signs and sends `request`, calling `done` once, unless `context` is destroyed first (that
// aborts the request). Independent of any client object, so it outlives whoever started it.
void sendSignedRequest(QNetworkAccessManager &network, const SignedRequest &request,
                       QObject *context, std::function<void(const ExchangeOutcome &)> done);

} // namespace ivs
