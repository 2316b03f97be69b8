#pragma once

#include "demo/demo_sessions.h"
#include "net/http_message.h"

#include <functional>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace demo {

// The S3 buckets behind the demo's storage configurations, answering path-style S3 requests
// (ListObjectsV2, GetObject with Range, HeadObject, HeadBucket) with S3's XML and headers. They
// hold the individual participant recordings of the demo sessions: one still recording with
// thumbnails, finished ones, a failed one, and one the service says was recorded but whose prefix
// is empty. Media files are small; thumbnails are real JPEG pictures.
class DemoBuckets {
public:
    struct Object {
        QByteArray body;
        QByteArray etag; // MD5 hex, unquoted
        QDateTime lastModified;
    };

    // One bucket per storage configuration (the region from its ARN), filled from the
    // participants' recordingS3BucketName/Prefix and recordings below.
    static DemoBuckets sample(const QList<QJsonObject> &storageConfigurations,
                              const DemoSessions &sessions);

    // `signedRegion`: the region the request was signed for; a bucket elsewhere answers as S3
    // does (301 for HEAD, AuthorizationHeaderMalformed naming the region otherwise).
    net::HttpResponse handle(const net::HttpRequest &request, const QString &signedRegion) const;

    // Lists at most this many keys a page, whatever max-keys asks (S3's own limit).
    static constexpr int kMaxKeysPerPage = 1000;

    const QMap<QString, Object> *objects(const QString &bucket) const;
    void put(const QString &bucket, const QString &key, const QByteArray &body,
             const QDateTime &lastModified);

private:
    struct Bucket {
        QString region;
        QMap<QString, Object> objects;
    };
    net::HttpResponse list(const QString &bucketName, const Bucket &bucket,
                           const QMap<QString, QString> &query) const;
    net::HttpResponse get(const Bucket &bucket, const QString &key, const net::HttpRequest &request,
                          bool headOnly) const;

    QMap<QString, Bucket> m_buckets;
};

// An S3 error response: status, and the XML body S3 sends (<Error><Code>…).
net::HttpResponse s3Error(int status, const QByteArray &code, const QString &message,
                          const QList<QPair<QByteArray, QString>> &extraElements = {});

} // namespace demo
