#pragma once

#include "aws/sigv4_signer.h"
#include "ivs/http_exchange.h"
#include "ivs/service_error.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace s3 {

// One S3 request, before it is addressed and signed (see S3Client::send).
struct S3Request {
    QByteArray method = "GET";
    QString region;
    QString bucket;
    QString key;                                    // empty: the bucket itself
    QList<QPair<QByteArray, QString>> query;        // as text: sorted and encoded when sent
    aws::HeaderList headers;                        // sent and signed
    QString operationHint = QStringLiteral("read"); // "list" or "read": what AccessDenied names
    // Called before each attempt, a retry included: more headers for that attempt ("Range").
    std::function<aws::HeaderList()> headersForAttempt;
    // Downloads (see ivs::SignedRequest): the body streamed, the timeout counting silence.
    std::function<ivs::BodyHandling(int httpStatus, const aws::HeaderList &headers)> onResponseHead;
    std::function<bool(const QByteArray &piece)> bodySink;
    bool timeoutOnSilence = false;
};

// What came back: the answer, or the error it is (a transport error, or a status that is not 2xx
// mapped by serviceErrorFromS3Response), after retries.
struct S3Response {
    int httpStatus = 0;
    QByteArray body;
    aws::HeaderList headers;
    bool stoppedByCaller = false; // ivs::BodyHandling::Stop, or the body sink refused a piece
    int attempts = 1;
    std::optional<ivs::ServiceError> error;

    QByteArray header(const QByteArray &name) const; // case-insensitively; null when absent
};

} // namespace s3
