#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QByteArray>
#include <QString>

namespace s3 {

// S3's XML error body:
// <Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId><Region>…</Region></Error>
struct S3ErrorBody {
    QString code;
    QString message;
    QString requestId;
    QString region;   // AuthorizationHeaderMalformed: where the bucket is
    QString endpoint; // PermanentRedirect: the bucket's endpoint, with its region
    QString bucket;
};

// Parses an error body, bounded (1 MiB, shallow, few elements). Nullopt, with the reason in
// `problem`, when it is not XML with an <Error> root (an HTML page from a proxy, say).
std::optional<S3ErrorBody> parseS3ErrorBody(const QByteArray &xml, QString *problem);

// The region a redirect names: the x-amz-bucket-region header, else the body's <Region>, else
// the one in its <Endpoint> (bucket.s3.eu-west-1.amazonaws.com). Empty when none.
QString redirectRegion(const QByteArray &bucketRegionHeader, const S3ErrorBody &body);

// The error for an S3 answer that is not 2xx, with its category, a summary and a next step that
// says what to do. `operationHint` is "list" (ListObjectsV2, HeadBucket: s3:ListBucket) or "read"
// (GetObject: s3:GetObject). A HEAD answer has no body: its status (301, 403, 404) is mapped.
// A body that is not S3's XML is an unexpected response, as ivs::serviceErrorFromResponse says.
// `bucketRegionHeader` is x-amz-bucket-region, which names the bucket's region on a redirect.
ivs::ServiceError serviceErrorFromS3Response(int httpStatus, const QByteArray &body,
                                             const QByteArray &requestId,
                                             const QString &operationHint,
                                             const QByteArray &bucketRegionHeader = {});

// An answer that could not be understood (a listing that is not one, a paging that does not end):
// ivs::unexpectedResponse, its next step about S3.
ivs::ServiceError unexpectedS3Response(int httpStatus, const QByteArray &contentType,
                                       const QString &problem);

} // namespace s3
