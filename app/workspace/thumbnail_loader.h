#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QString>

namespace s3 {
class S3Client;
}

namespace workspace {

// One thumbnail to show: where it is, and its ETag (which names its content in the cache).
struct ThumbnailRef {
    QString region;
    QString bucket;
    QString key;
    QByteArray etag;
};

// Loads recording thumbnails for the filmstrip: from a disk cache when it has them, else from S3
// (GetObject, at most kMaxThumbnailBytes each, kParallel at a time, the latest request first so
// that what scrolled into view comes first), decoded with QImage (a picture larger than
// kMaxPixels a side is refused), then cached. The cache is a folder of files named after a hash
// of bucket, key and ETag, written atomically and trimmed to `capBytes` (oldest first).
class ThumbnailLoader final : public QObject {
    Q_OBJECT
public:
    ThumbnailLoader(s3::S3Client &s3, QString cacheFolder, qint64 capBytes,
                    QObject *parent = nullptr);

    static constexpr qint64 kMaxThumbnailBytes = 2 * 1024 * 1024;
    static constexpr int kMaxPixels = 4096;
    static constexpr int kParallel = 4;
    static constexpr qint64 kDefaultCapBytes = 64 * 1024 * 1024;

    // Asks for `ref`; loaded() or failed() follows once, unless it is asked for again meanwhile
    // (then still once). Forgets requests not yet sent when clear() is called.
    void request(const ThumbnailRef &ref);
    void clear();
    int pending() const { return static_cast<int>(m_queue.size()) + m_inFlight; }

    // The cache folder's total size now.
    qint64 cacheBytes() const;

signals:
    void loaded(const QString &key, const QImage &image);
    void failed(const QString &key, const QString &reason);

private:
    QString cachePath(const ThumbnailRef &ref) const;
    void sendNext();
    void store(const ThumbnailRef &ref, const QByteArray &bytes);
    void trimCache();

    s3::S3Client &m_s3;
    QString m_folder;
    qint64 m_cap;
    QList<ThumbnailRef> m_queue;  // newest last
    QHash<QString, bool> m_asked; // keys queued or in flight
    int m_inFlight = 0;
    QObject *m_context = nullptr; // requests in flight; replaced by clear()
};

// A picture from untrusted bytes: nullptr-like (null QImage) and the reason when the bytes are
// not an image Qt can read, or are larger than `maxPixels` a side.
QImage decodeThumbnail(const QByteArray &bytes, int maxPixels, QString *problem);

} // namespace workspace
