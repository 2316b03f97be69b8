#pragma once

#include "aws/credential_provider.h"
#include "ivs/retry_policy.h"
#include "ivs/service_error.h"
#include "s3/s3_endpoint.h"
#include "s3/s3_listing.h"
#include "s3/s3_request.h"

#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <variant>

class QNetworkAccessManager;

namespace s3 {

struct ListResult {
    QList<ObjectInfo> objects;
    int pages = 0;
    bool capped = false;                    // stopped at maxObjects, more were listed
    std::optional<ivs::ServiceError> error; // the objects before it are kept
};

struct GetResult {
    int httpStatus = 0;
    QByteArray body;
    QByteArray etag; // quotes stripped
    QByteArray contentType;
    std::optional<ivs::ServiceError> error;
};

struct BucketResult {
    QString bucketRegion; // x-amz-bucket-region, also from 301 and 403 answers
    std::optional<ivs::ServiceError> error;
};

struct DownloadProgress {
    qint64 bytesReceived = 0; // in the file so far, what an earlier attempt left included
    qint64 bytesTotal = -1;   // -1: not known
};

struct DownloadResult {
    qint64 bytesWritten = 0; // the size of the finished file
    bool resumed = false;    // continued from a .part left by an earlier download
    std::optional<ivs::ServiceError> error;
    bool verificationFailed = false; // the size or MD5 did not match: the .part was deleted
};

// The most pages one listing reads.
inline constexpr int kMaxPages = 1000;

// Amazon S3 over the app's signed transport (ivs::sendSignedRequest), signing name "s3". Every
// result arrives through a callback bound to a context object, never after that object is
// destroyed (destroying it also aborts the request). Credentials are fetched once per call. A
// request refused with RequestTimeTooSkewed is re-signed once with the server's time; throttling
// (SlowDown, 503), 500/502/504 and dropped connections are retried per the retry policy (3
// attempts by default, exponential backoff with full jitter, through the delay scheduler).
class S3Client final : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using DelayScheduler =
        std::function<void(int milliseconds, QObject *context, std::function<void()> then)>;
    using CredentialsOrError = std::variant<aws::Credentials, ivs::ServiceError>;

    S3Client(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
             S3Endpoint endpoint, QObject *parent = nullptr);
    ~S3Client() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    // The whole exchange for list, get and head; for downloads, the longest silence.
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    int transferTimeout() const { return m_timeoutMs; }
    // For list pages, head and error answers (default 8 MiB); getObject's body has its maxBytes.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    void setRetryPolicy(const ivs::RetryPolicy &policy) { m_retryPolicy = policy; }
    void setDelayScheduler(DelayScheduler scheduler) { m_scheduler = std::move(scheduler); }
    void setRandomSource(std::function<double()> random01) { m_random = std::move(random01); }
    qint64 clockOffset() const { return m_clockOffsetSeconds; }
    const S3Endpoint &endpoint() const { return m_endpoint; }
    // Calls already under way keep the credentials and endpoint they started with.
    void setEndpoint(S3Endpoint endpoint) { m_endpoint = std::move(endpoint); }
    void setCredentialProvider(aws::CredentialProvider *provider) { m_credentials = provider; }
    QNetworkAccessManager *network() const { return m_network; }

    // ListObjectsV2, every page (continuation-token), list-type=2, prefix, max-keys=1000,
    // encoding-type=url. Stops with an error on a repeated or missing token, after kMaxPages
    // pages, or (capped, no error) at maxObjects.
    void listObjects(const QString &region, const QString &bucket, const QString &prefix,
                     QObject *context, std::function<void(const ListResult &)> done,
                     int maxObjects = 100000);
    // GetObject into memory; a body over maxBytes is refused, the error saying its size.
    void getObject(const QString &region, const QString &bucket, const QString &key,
                   qint64 maxBytes, QObject *context, std::function<void(const GetResult &)> done);
    // HeadBucket: bucketRegion from x-amz-bucket-region (also on 301 and 403 answers); a 301 is
    // an error naming the bucket's region, never followed.
    void headBucket(const QString &region, const QString &bucket, QObject *context,
                    std::function<void(const BucketResult &)> done);
    // GetObject streamed to `targetPath + ".part"`, resumed with a Range when a .part exists,
    // checked (size, and MD5 for a single-part ETag), then renamed over `targetPath`. See
    // s3_download.h.
    void downloadObject(const QString &region, const QString &bucket, const QString &key,
                        const QString &targetPath, qint64 expectedSize,
                        const QByteArray &expectedEtag, QObject *context,
                        std::function<void(const DownloadProgress &)> progress,
                        std::function<void(const DownloadResult &)> done);

    // The building blocks of the operations above, for operations of callers' own.
    // Credentials for one call, or the error (category Credentials) saying why there are none.
    void fetchCredentials(QObject *context, std::function<void(const CredentialsOrError &)> done);
    // Addresses, signs and sends `request` (retried, re-signed once on clock skew); `done` is
    // called once, unless `context` is destroyed first.
    void send(const S3Request &request, const aws::Credentials &credentials, QObject *context,
              std::function<void(const S3Response &)> done);

signals:
    // One line per request sent: method, URL, region, credentials (masked), attempt.
    void requestSent(const QString &summary);
    void retrying(const QString &notice);
    void clockSkewCorrected(qint64 offsetSeconds, const QString &notice);

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void handleOutcome(const std::shared_ptr<Call> &call, const ivs::ExchangeOutcome &outcome);

    QNetworkAccessManager *m_network;
    aws::CredentialProvider *m_credentials;
    S3Endpoint m_endpoint;
    Clock m_clock;
    DelayScheduler m_scheduler;
    std::function<double()> m_random;
    ivs::RetryPolicy m_retryPolicy;
    int m_timeoutMs = 30000;
    qint64 m_maxResponseBytes = 8 * 1024 * 1024;
    qint64 m_clockOffsetSeconds = 0;
};

} // namespace s3
