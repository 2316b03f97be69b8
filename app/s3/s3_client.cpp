#include "s3/s3_client.h"

#include "files/bounded_file.h"
#include "s3/s3_errors.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

namespace s3 {

namespace {

// One listing across its pages.
struct Listing {
    QPointer<S3Client> client;
    QString region;
    QString bucket;
    QString prefix;
    int maxObjects = 0;
    QPointer<QObject> context;
    std::function<void(const ListResult &)> done;
    aws::Credentials credentials;
    ListResult result;
    QSet<QString> seenTokens;
};

void fetchPage(const std::shared_ptr<Listing> &listing, const QString &token)
{
    if (!listing->context)
        return;
    if (!listing->client) {
        listing->result.error =
            ivs::localError(ivs::ErrorCategory::Network, S3Client::tr("The connection was closed"),
                            QString(), QString());
        return listing->done(listing->result);
    }
    S3Request request;
    request.region = listing->region;
    request.bucket = listing->bucket;
    request.operationHint = QStringLiteral("list");
    request.query = {{"list-type", QStringLiteral("2")},
                     {"max-keys", QStringLiteral("1000")},
                     {"encoding-type", QStringLiteral("url")}};
    if (!listing->prefix.isEmpty())
        request.query.append({"prefix", listing->prefix});
    if (!token.isEmpty())
        request.query.append({"continuation-token", token});
    listing->client->send(
        request, listing->credentials, listing->context, [listing](const S3Response &response) {
            ListResult &result = listing->result;
            if (response.error) {
                result.error = response.error;
                return listing->done(result);
            }
            const QByteArray contentType = response.header("Content-Type");
            QString problem;
            const std::optional<ListObjectsPage> page =
                parseListObjectsPage(response.body, &problem);
            if (!page) {
                result.error = unexpectedS3Response(response.httpStatus, contentType, problem);
                return listing->done(result);
            }
            ++result.pages;
            for (const ObjectInfo &object : page->objects) {
                if (result.objects.size() >= listing->maxObjects) {
                    result.capped = true;
                    break;
                }
                result.objects.append(object);
            }
            if (page->truncated && result.objects.size() >= listing->maxObjects)
                result.capped = true;
            if (result.capped || !page->truncated)
                return listing->done(result);
            // The ways a listing is stopped with what was read so far, each said plainly.
            const auto stop = [&](const QString &why) {
                result.error =
                    unexpectedS3Response(response.httpStatus, contentType,
                                         why.arg(listing->bucket, QString::number(result.pages)));
                return listing->done(result);
            };
            const QString next = page->nextContinuationToken;
            if (next.isEmpty())
                return stop(S3Client::tr("The listing of bucket %1 said more objects follow but "
                                         "gave no continuation token after %2 pages; the list is "
                                         "incomplete."));
            if (listing->seenTokens.contains(next))
                return stop(S3Client::tr("The listing of bucket %1 sent a repeated continuation "
                                         "token after %2 pages, so paging stopped; the list is "
                                         "incomplete."));
            if (result.pages >= kMaxPages)
                return stop(S3Client::tr("The listing of bucket %1 still had more pages after "
                                         "%2, so paging stopped; the list is incomplete."));
            listing->seenTokens.insert(next);
            fetchPage(listing, next);
        });
}

qint64 contentLength(const aws::HeaderList &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool number = false;
            const qint64 length = value.trimmed().toLongLong(&number);
            return number && length >= 0 ? length : -1;
        }
    }
    return -1;
}

} // namespace

S3Client::S3Client(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
                   S3Endpoint endpoint, QObject *parent)
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

S3Client::~S3Client() = default;

void S3Client::listObjects(const QString &region, const QString &bucket, const QString &prefix,
                           QObject *context, std::function<void(const ListResult &)> done,
                           int maxObjects)
{
    auto listing = std::make_shared<Listing>();
    listing->client = this;
    listing->region = region;
    listing->bucket = bucket;
    listing->prefix = prefix;
    listing->maxObjects = std::max(0, maxObjects);
    listing->context = context;
    listing->done = std::move(done);
    fetchCredentials(context, [listing](const CredentialsOrError &credentials) {
        if (const auto *error = std::get_if<ivs::ServiceError>(&credentials)) {
            listing->result.error = *error;
            return listing->done(listing->result);
        }
        listing->credentials = std::get<aws::Credentials>(credentials);
        fetchPage(listing, QString());
    });
}

void S3Client::getObject(const QString &region, const QString &bucket, const QString &key,
                         qint64 maxBytes, QObject *context,
                         std::function<void(const GetResult &)> done)
{
    S3Request request;
    request.region = region;
    request.bucket = bucket;
    request.key = key;
    // The body, gathered as it arrives and refused past maxBytes: a length announced up front
    // ends the exchange before a byte of it.
    auto body = std::make_shared<QByteArray>();
    auto announced = std::make_shared<qint64>(-1);
    auto tooLarge = std::make_shared<bool>(false);
    request.onResponseHead = [body, announced, tooLarge, maxBytes](int status,
                                                                   const aws::HeaderList &headers) {
        if (status < 200 || status >= 300)
            return ivs::BodyHandling::Gather;
        body->clear(); // a retried attempt starts again
        *announced = contentLength(headers);
        *tooLarge = *announced > maxBytes;
        return *tooLarge ? ivs::BodyHandling::Stop : ivs::BodyHandling::Stream;
    };
    request.bodySink = [body, tooLarge, maxBytes](const QByteArray &piece) {
        body->append(piece);
        if (body->size() <= maxBytes)
            return true;
        *tooLarge = true;
        body->clear();
        return false;
    };
    const auto deliver = [body, announced, tooLarge, maxBytes,
                          done = std::move(done)](const S3Response &response) {
        GetResult result;
        result.httpStatus = response.httpStatus;
        result.etag = stripEtagQuotes(response.header("ETag"));
        result.contentType = response.header("Content-Type");
        if (*tooLarge) {
            const QString limit = files::sizeText(maxBytes);
            result.error = ivs::localError(
                ivs::ErrorCategory::Validation, S3Client::tr("The object is too large to read"),
                *announced >= 0
                    ? S3Client::tr("It is %1 bytes; at most %2 are read into memory.")
                          .arg(*announced)
                          .arg(limit)
                    : S3Client::tr("It is more than %1; no more is read into memory.").arg(limit),
                S3Client::tr("Download it to a file instead."));
        } else if (response.error) {
            result.error = response.error;
        } else {
            result.body = std::move(*body);
        }
        done(result);
    };
    if (key.isEmpty()) {
        S3Response refused;
        refused.error =
            ivs::localError(ivs::ErrorCategory::Validation, tr("The request cannot be sent"),
                            tr("No object key is given."), QString());
        QMetaObject::invokeMethod(
            context, [deliver, refused] { deliver(refused); }, Qt::QueuedConnection);
        return;
    }
    fetchCredentials(context, [this, guard = QPointer<S3Client>(this), request, context,
                               deliver](const CredentialsOrError &credentials) {
        if (const auto *error = std::get_if<ivs::ServiceError>(&credentials)) {
            S3Response refused;
            refused.error = *error;
            return deliver(refused);
        }
        if (guard)
            send(request, std::get<aws::Credentials>(credentials), context, deliver);
    });
}

void S3Client::headBucket(const QString &region, const QString &bucket, QObject *context,
                          std::function<void(const BucketResult &)> done)
{
    S3Request request;
    request.method = "HEAD";
    request.region = region;
    request.bucket = bucket;
    request.operationHint = QStringLiteral("list"); // HeadBucket needs s3:ListBucket
    fetchCredentials(context, [this, guard = QPointer<S3Client>(this), request, context,
                               done = std::move(done)](const CredentialsOrError &credentials) {
        if (const auto *error = std::get_if<ivs::ServiceError>(&credentials)) {
            BucketResult result;
            result.error = *error;
            return done(result);
        }
        if (!guard)
            return;
        send(request, std::get<aws::Credentials>(credentials), context,
             [done](const S3Response &response) {
                 BucketResult result;
                 result.bucketRegion =
                     QString::fromLatin1(response.header("x-amz-bucket-region").trimmed().left(64));
                 result.error = response.error;
                 done(result);
             });
    });
}

} // namespace s3
