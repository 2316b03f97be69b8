#pragma once

#include "aws/ca_bundle.h"
#include "aws/credentials.h"
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

// One signed request: what to send and the limits it runs under.
struct SignedRequest {
    QByteArray method = "POST";
    QUrl baseUrl;
    QString region;
    QByteArray path;  // "/GetStage", "/tags/arn%3Aaws%3A…": percent-encoded, sent as is
    QByteArray query; // "tagKeys=a&tagKeys=b%20c": percent-encoded, sent as is
    QByteArray body;  // JSON; empty: no body and no Content-Type
    aws::Credentials credentials;
    QDateTime signingTime;
    std::shared_ptr<const aws::CaBundle> extraCas; // for https only
    int timeoutMs = 30000;                         // for the whole exchange, not per read
    qint64 maxResponseBytes = 8 * 1024 * 1024;     // larger answers are not IVS answers
};

// What came back, before any interpretation of the body.
struct ExchangeOutcome {
    int httpStatus = 0; // 0: no HTTP answer (see transportError)
    QByteArray body;
    QByteArray errorType; // x-amzn-ErrorType
    QByteArray requestId; // x-amzn-RequestId
    QByteArray contentType;
    QByteArray date; // the server's Date header, for clock-skew correction
    std::optional<ServiceError> transportError; // refused, DNS, TLS, timeout, too large
};

// Signs and sends `request`, calling `done` once, unless `context` is destroyed first (that
// aborts the request). Independent of any client object, so it outlives whoever started it.
void sendSignedRequest(QNetworkAccessManager &network, const SignedRequest &request,
                       QObject *context, std::function<void(const ExchangeOutcome &)> done);

} // namespace ivs
