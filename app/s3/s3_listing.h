#pragma once

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace s3 {

struct ObjectInfo {
    QString key; // as listed (decoded from the listing's URL encoding), never cleaned up
    qint64 size = 0;
    QByteArray etag; // as sent, quotes stripped
    QDateTime lastModified;
};

// One page of a ListObjectsV2 answer.
struct ListObjectsPage {
    QList<ObjectInfo> objects;
    bool truncated = false;        // IsTruncated: more pages follow
    QString nextContinuationToken; // as sent, for the next request
    bool urlEncoded = false;       // EncodingType was "url": the keys were decoded
};

// The longest key taken from a listing, in UTF-8 bytes (S3's own limit is 1024).
inline constexpr qsizetype kMaxKeyBytes = 4096;

// Parses a ListObjectsV2 answer (<ListBucketResult>), bounded in size (8 MiB), depth and element
// count. With <EncodingType>url</EncodingType> the keys are decoded as S3 encodes them ('+' for a
// space, %XX for other bytes). Nullopt, with the reason in `problem`, for anything else: not XML,
// another root element, an object without a key, a size that is no number, a key that is not
// UTF-8 or is longer than kMaxKeyBytes.
std::optional<ListObjectsPage> parseListObjectsPage(const QByteArray &xml, QString *problem);

// A key as S3 sends it with encoding-type=url; nullopt when the bytes are not UTF-8.
std::optional<QString> decodeListedKey(const QByteArray &encoded);

// The ETag without its surrounding quotes ("\"abc\"" gives "abc"; W/ weak prefixes too).
QByteArray stripEtagQuotes(const QByteArray &etag);

} // namespace s3
