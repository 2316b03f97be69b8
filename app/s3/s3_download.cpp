#include "s3/s3_download.h"

#include "aws/endpoint_config.h"
#include "files/atomic_file.h"
#include "files/part_file.h"
#include "s3/s3_client.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>

namespace s3 {

namespace {

using ivs::ErrorCategory;

QByteArray headerIn(const aws::HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 number(const QByteArray &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

// "bytes 100-199/1000": the first byte and the total (-1 for "*"); nullopt when unreadable.
std::optional<std::pair<qint64, qint64>> contentRange(const QByteArray &header)
{
    static const QRegularExpression shape(QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"));
    const QRegularExpressionMatch match = shape.match(QString::fromLatin1(header.trimmed()));
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 total =
        match.captured(3) == QLatin1String("*") ? -1 : match.captured(3).toLongLong();
    return std::make_pair(match.captured(1).toLongLong(), total);
}

// The ETag of an object encrypted with a KMS key or a customer's key is not its MD5.
bool encryptedWithKey(const aws::HeaderList &headers)
{
    const QByteArray kind = headerIn(headers, "x-amz-server-side-encryption").trimmed();
    return kind.startsWith("aws:kms") ||
           !headerIn(headers, "x-amz-server-side-encryption-customer-algorithm").isEmpty();
}

class DownloadJob final : public std::enable_shared_from_this<DownloadJob> {
public:
    QPointer<S3Client> client;
    QPointer<QObject> context;
    QString region;
    QString bucket;
    QString key;
    QString targetPath;
    qint64 expectedSize = -1;
    QByteArray expectedEtag;
    std::function<void(const DownloadProgress &)> progress;
    std::function<void(const DownloadResult &)> done;

    void start();

private:
    void request();
    aws::HeaderList rangeForAttempt();
    ivs::BodyHandling onHead(int status, const aws::HeaderList &headers);
    bool onPiece(const QByteArray &piece);
    void onResponse(const S3Response &response);
    void verifyAndCommit();
    void report();
    void fail(const ivs::ServiceError &error);
    void failLater(const ivs::ServiceError &error);
    ivs::ServiceError cannotWrite(const QString &path, const QString &why) const;

    std::unique_ptr<files::PartFile> m_part;
    aws::Credentials m_credentials;
    qint64 m_requestedFrom = 0; // the current attempt's first byte
    bool m_restarted = false;   // asked again from the start once already
    QString m_restartReason;    // set when this attempt's answer calls for that
    QString m_writeError;
    qint64 m_total = -1; // the object's size as the answer gave it
    QByteArray m_answeredEtag;
    bool m_encryptedWithKey = false;
    QElapsedTimer m_sinceProgress;
    DownloadResult m_result;
};

ivs::ServiceError DownloadJob::cannotWrite(const QString &path, const QString &why) const
{
    return ivs::localError(ErrorCategory::Configuration, S3Client::tr("Cannot write %1").arg(path),
                           why,
                           S3Client::tr("Check the folder, its free space and its permissions."));
}

void DownloadJob::start()
{
    QString problem = regionProblem(region);
    if (problem.isEmpty())
        problem = bucketNameProblem(bucket);
    if (problem.isEmpty() && key.isEmpty())
        problem = S3Client::tr("No object key is given.");
    if (problem.isEmpty() && targetPath.isEmpty())
        problem = S3Client::tr("No file to download to is given.");
    if (!problem.isEmpty())
        return failLater(ivs::localError(ErrorCategory::Validation,
                                         S3Client::tr("The download cannot start"), problem,
                                         QString()));
    // Checked again by S3Client::send; here so that a refused endpoint leaves no .part behind.
    if (const QUrl &url = client->endpoint().overrideUrl; !url.isEmpty()) {
        if (const QString endpoint = aws::endpointUrlProblem(url); !endpoint.isEmpty())
            return failLater(ivs::localError(ErrorCategory::Configuration,
                                             S3Client::tr("Unusable endpoint"), endpoint,
                                             QString()));
    }
    if (const QString target = files::writeProblem(targetPath); !target.isEmpty())
        return failLater(cannotWrite(targetPath, target));
    const QString partPath = partPathFor(targetPath);
    m_part = files::PartFile::open(partPath, &problem);
    if (!m_part)
        return failLater(cannotWrite(partPath, problem));
    // A .part longer than the object is of something else.
    if (expectedSize >= 0 && m_part->size() > expectedSize && !m_part->truncate(&problem))
        return failLater(cannotWrite(partPath, problem));
    client->fetchCredentials(
        context, [self = shared_from_this()](const S3Client::CredentialsOrError &credentials) {
            if (const auto *error = std::get_if<ivs::ServiceError>(&credentials))
                return self->fail(*error);
            self->m_credentials = std::get<aws::Credentials>(credentials);
            self->request();
        });
}

void DownloadJob::request()
{
    if (!client)
        return fail(ivs::localError(ErrorCategory::Network,
                                    S3Client::tr("The connection was closed"), QString(),
                                    QString()));
    S3Request request;
    request.region = region;
    request.bucket = bucket;
    request.key = key;
    request.operationHint = QStringLiteral("read");
    request.timeoutOnSilence = true;
    const std::shared_ptr<DownloadJob> self = shared_from_this();
    request.headersForAttempt = [self] { return self->rangeForAttempt(); };
    request.onResponseHead = [self](int status, const aws::HeaderList &headers) {
        return self->onHead(status, headers);
    };
    request.bodySink = [self](const QByteArray &piece) { return self->onPiece(piece); };
    client->send(request, m_credentials, context,
                 [self](const S3Response &response) { self->onResponse(response); });
}

aws::HeaderList DownloadJob::rangeForAttempt()
{
    m_requestedFrom = m_part->size();
    m_restartReason.clear();
    if (m_requestedFrom == 0)
        return {};
    return {{"Range", "bytes=" + QByteArray::number(m_requestedFrom) + '-'}};
}

ivs::BodyHandling DownloadJob::onHead(int status, const aws::HeaderList &headers)
{
    if (status == 416 && m_requestedFrom > 0) {
        m_restartReason = S3Client::tr("the .part file is longer than the object");
        return ivs::BodyHandling::Gather;
    }
    if (status < 200 || status >= 300)
        return ivs::BodyHandling::Gather;
    m_answeredEtag = stripEtagQuotes(headerIn(headers, "ETag"));
    m_encryptedWithKey = encryptedWithKey(headers);
    if (status == 206) {
        const auto range = contentRange(headerIn(headers, "Content-Range"));
        if (!range || range->first != m_requestedFrom) {
            m_restartReason = S3Client::tr("the answer is not the part that was asked for");
            return ivs::BodyHandling::Stop;
        }
        if (!expectedEtag.isEmpty() && m_answeredEtag.toLower() != expectedEtag) {
            m_restartReason = S3Client::tr("the object has changed since the .part file was "
                                           "written (ETag %1, expected %2)")
                                  .arg(QString::fromLatin1(m_answeredEtag.left(64)),
                                       QString::fromLatin1(expectedEtag.left(64)));
            return ivs::BodyHandling::Stop;
        }
        m_total = range->second;
        m_result.resumed = m_requestedFrom > 0;
        return ivs::BodyHandling::Stream;
    }
    // The whole object: what the .part held goes.
    if (m_part->size() > 0 && !m_part->truncate(&m_writeError))
        return ivs::BodyHandling::Stop;
    m_total = number(headerIn(headers, "Content-Length"));
    m_result.resumed = false;
    return ivs::BodyHandling::Stream;
}

bool DownloadJob::onPiece(const QByteArray &piece)
{
    if (!m_part->append(piece, &m_writeError))
        return false;
    report();
    return true;
}

void DownloadJob::onResponse(const S3Response &response)
{
    if (!m_writeError.isEmpty())
        return fail(cannotWrite(m_part->path(), m_writeError)); // the .part stays, to resume
    if (!m_restartReason.isEmpty()) {
        if (m_restarted)
            return fail(ivs::localError(ErrorCategory::MalformedResponse,
                                        S3Client::tr("The download cannot go on"), m_restartReason,
                                        S3Client::tr("Try again later.")));
        m_restarted = true;
        QString problem;
        if (!m_part->truncate(&problem))
            return fail(cannotWrite(m_part->path(), problem));
        return request();
    }
    if (response.error)
        return fail(*response.error); // the .part stays, to resume
    if (response.stoppedByCaller)
        return fail(ivs::localError(ErrorCategory::MalformedResponse,
                                    S3Client::tr("The download was stopped"), QString(),
                                    QString()));
    verifyAndCommit();
}

void DownloadJob::verifyAndCommit()
{
    const qint64 size = m_part->size();
    QString mismatch;
    if (expectedSize >= 0 && size != expectedSize) {
        mismatch = S3Client::tr("expected %1 bytes, got %2").arg(expectedSize).arg(size);
    } else if (expectedSize < 0 && m_total >= 0 && size != m_total) {
        mismatch =
            S3Client::tr("expected %1 bytes (as the answer said), got %2").arg(m_total).arg(size);
    } else {
        const QByteArray etag = (expectedEtag.isEmpty() ? m_answeredEtag : expectedEtag).toLower();
        if (isSinglePartEtag(etag) && !m_encryptedWithKey) {
            QString problem;
            const QByteArray md5 = m_part->md5Hex(&problem);
            if (md5.isEmpty())
                return fail(cannotWrite(m_part->path(), problem));
            if (md5 != etag)
                mismatch = S3Client::tr("expected MD5 %1 (the ETag), got %2")
                               .arg(QString::fromLatin1(etag), QString::fromLatin1(md5));
        }
    }
    if (!mismatch.isEmpty()) {
        m_part->remove();
        m_result.verificationFailed = true;
        return fail(ivs::localError(
            ErrorCategory::MalformedResponse,
            S3Client::tr("The download does not match the object"), mismatch,
            S3Client::tr("The partial file was deleted; download the object again.")));
    }
    QString problem;
    if (!m_part->commit(targetPath, &problem))
        return fail(cannotWrite(targetPath, problem));
    m_result.bytesWritten = size;
    if (progress)
        progress(DownloadProgress{size, size});
    done(m_result);
}

// Throttled: a fast transfer delivers a piece every few kilobytes.
void DownloadJob::report()
{
    if (!progress)
        return;
    if (m_sinceProgress.isValid() && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return;
    m_sinceProgress.start();
    progress(DownloadProgress{m_part->size(), expectedSize >= 0 ? expectedSize : m_total});
}

void DownloadJob::fail(const ivs::ServiceError &error)
{
    m_result.error = error;
    done(m_result);
}

void DownloadJob::failLater(const ivs::ServiceError &error)
{
    QMetaObject::invokeMethod(
        context, [self = shared_from_this(), error] { self->fail(error); }, Qt::QueuedConnection);
}

} // namespace

QString partPathFor(const QString &targetPath)
{
    return targetPath + QStringLiteral(".part");
}

bool isSinglePartEtag(const QByteArray &etag)
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return hex32.match(QString::fromLatin1(etag)).hasMatch();
}

void S3Client::downloadObject(const QString &region, const QString &bucket, const QString &key,
                              const QString &targetPath, qint64 expectedSize,
                              const QByteArray &expectedEtag, QObject *context,
                              std::function<void(const DownloadProgress &)> progress,
                              std::function<void(const DownloadResult &)> done)
{
    auto job = std::make_shared<DownloadJob>();
    job->client = this;
    job->context = context;
    job->region = region;
    job->bucket = bucket;
    job->key = key;
    job->targetPath = targetPath;
    job->expectedSize = expectedSize;
    job->expectedEtag = stripEtagQuotes(expectedEtag).toLower();
    job->progress = std::move(progress);
    job->done = std::move(done);
    job->start();
}

} // namespace s3
