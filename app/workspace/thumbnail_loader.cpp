#include "workspace/thumbnail_loader.h"

#include "files/bounded_file.h"
#include "s3/s3_client.h"

#include <algorithm>
#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QSaveFile>

namespace workspace {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::ThumbnailLoader)
};

} // namespace

QImage decodeThumbnail(const QByteArray &bytes, int maxPixels, QString *problem)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (!size.isValid()) {
        *problem = Text::tr("not a picture (%1)").arg(reader.errorString());
        return {};
    }
    if (size.width() > maxPixels || size.height() > maxPixels) {
        *problem = Text::tr("the picture is %1×%2, larger than %3 pixels a side")
                       .arg(size.width())
                       .arg(size.height())
                       .arg(maxPixels);
        return {};
    }
    QImage image = reader.read();
    if (image.isNull())
        *problem = Text::tr("the picture could not be decoded (%1)").arg(reader.errorString());
    return image;
}

ThumbnailLoader::ThumbnailLoader(s3::S3Client &s3, QString cacheFolder, qint64 capBytes,
                                 QObject *parent)
    : QObject(parent)
    , m_s3(s3)
    , m_folder(std::move(cacheFolder))
    , m_cap(capBytes)
    , m_context(new QObject(this))
{
}

QString ThumbnailLoader::cachePath(const ThumbnailRef &ref) const
{
    if (m_folder.isEmpty())
        return {};
    const QByteArray name =
        QCryptographicHash::hash(ref.bucket.toUtf8() + '\n' + ref.key.toUtf8() + '\n' + ref.etag,
                                 QCryptographicHash::Sha256);
    return m_folder + QLatin1Char('/') + QString::fromLatin1(name.toHex()) + QStringLiteral(".jpg");
}

void ThumbnailLoader::request(const ThumbnailRef &ref)
{
    if (m_asked.contains(ref.key)) {
        // Asked again: move it to the front of what is still waiting.
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            if (m_queue.at(i).key == ref.key) {
                m_queue.move(i, m_queue.size() - 1);
                break;
            }
        }
        return;
    }
    const QString cached = cachePath(ref);
    if (!cached.isEmpty() && QFileInfo(cached).isFile()) {
        QString error;
        if (const auto bytes = files::readBounded(cached, kMaxThumbnailBytes,
                                                  files::Accept::RegularFiles, QString(), &error)) {
            QString problem;
            const QImage image = decodeThumbnail(*bytes, kMaxPixels, &problem);
            if (!image.isNull()) {
                emit loaded(ref.key, image);
                return;
            }
        }
        QFile::remove(cached); // unreadable: fetched again
    }
    m_asked.insert(ref.key, true);
    m_queue.append(ref);
    sendNext();
}

void ThumbnailLoader::clear()
{
    delete m_context; // aborts what is in flight
    m_context = new QObject(this);
    m_queue.clear();
    m_asked.clear();
    m_inFlight = 0;
}

void ThumbnailLoader::sendNext()
{
    while (m_inFlight < kParallel && !m_queue.isEmpty()) {
        const ThumbnailRef ref = m_queue.takeLast();
        ++m_inFlight;
        QObject *context = m_context;
        m_s3.getObject(ref.region, ref.bucket, ref.key, kMaxThumbnailBytes, context,
                       [this, ref, context](const s3::GetResult &result) {
                           if (context != m_context)
                               return;
                           --m_inFlight;
                           m_asked.remove(ref.key);
                           if (result.error) {
                               emit failed(ref.key, result.error->summary);
                           } else {
                               QString problem;
                               const QImage image =
                                   decodeThumbnail(result.body, kMaxPixels, &problem);
                               if (image.isNull()) {
                                   emit failed(ref.key, problem);
                               } else {
                                   store(ref, result.body);
                                   emit loaded(ref.key, image);
                               }
                           }
                           sendNext();
                       });
    }
}

void ThumbnailLoader::store(const ThumbnailRef &ref, const QByteArray &bytes)
{
    const QString path = cachePath(ref);
    if (path.isEmpty() || !QDir().mkpath(m_folder))
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return; // a cache: nothing is lost when it cannot be written
    trimCache();
}

qint64 ThumbnailLoader::cacheBytes() const
{
    qint64 total = 0;
    const QFileInfoList entries =
        QDir(m_folder).entryInfoList({QStringLiteral("*.jpg")}, QDir::Files);
    for (const QFileInfo &entry : entries)
        total += entry.size();
    return total;
}

void ThumbnailLoader::trimCache()
{
    QFileInfoList entries =
        QDir(m_folder).entryInfoList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Time);
    qint64 total = 0;
    for (const QFileInfo &entry : std::as_const(entries))
        total += entry.size();
    // Newest first: remove from the end.
    while (total > m_cap && !entries.isEmpty()) {
        const QFileInfo oldest = entries.takeLast();
        if (QFile::remove(oldest.filePath()))
            total -= oldest.size();
    }
}

} // namespace workspace
