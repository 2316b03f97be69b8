#pragma once

#include "aws/credentials.h"
#include "ivs/service_error.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

class QNetworkAccessManager;
class QObject;

namespace ivs {

// One signed POST with a JSON body: what to send and the limits it runs under.
struct SignedPost {
    QUrl baseUrl;
    QString region;
    QByteArray path; // "/GetStage", percent-encoded
    QByteArray body;
    aws::Credentials credentials;
    QDateTime signingTime;
    QList<QSslCertificate> extraCaCertificates;
    int timeoutMs = 30000;                     // for the whole exchange, not per read
    qint64 maxResponseBytes = 8 * 1024 * 1024; // larger answers are not IVS answers
};

// What came back, before any interpretation of the body.
struct PostOutcome {
    int httpStatus = 0; // 0: no HTTP answer (see transportError)
    QByteArray body;
    QByteArray errorType; // x-amzn-ErrorType
    QByteArray requestId; // x-amzn-RequestId
    QByteArray contentType;
    QByteArray date; // the server's Date header, for clock-skew correction
    std::optional<ServiceError> transportError; // refused, DNS, TLS, timeout, too large
};

// Signs and sends `post`, calling `done` once, unless `context` is destroyed first (that aborts
// the request). Independent of any client object, so it outlives whoever started it safely.
void sendSignedPost(QNetworkAccessManager &network, const SignedPost &post, QObject *context,
                    std::function<void(const PostOutcome &)> done);

} // namespace ivs
