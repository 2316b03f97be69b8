#pragma once

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace recordings {

// One object of a participant's recording, named by its path under the recording's prefix
// ("media/hls/high/playlist.m3u8").
struct RecordingFile {
    QString path;
    qint64 size = 0;
    QByteArray etag; // without quotes; "…-N" for a multipart upload
    QDateTime lastModified;
};

// What a file of individual participant recording is, from where IVS writes it.
enum class FileKind {
    StartedEvent,    // events/recording-started.json
    EndedEvent,      // events/recording-ended.json
    FailedEvent,     // events/recording-failed.json
    OtherEvent,      // anything else under events/
    HlsPlaylist,     // media/hls/…/*.m3u8
    HlsMedia,        // media/hls/… segments and init files
    Thumbnail,       // media/thumbnails/…
    LatestThumbnail, // media/latest_thumbnail/…
    Other,
};

FileKind fileKind(const QString &path);

// The longest key S3 stores is 1024 bytes; a path that long is refused before it is used.
inline constexpr int kMaxKeyBytes = 1024;

// `key` made relative to `prefix` (with or without its trailing '/'), when it is safe to use as
// a path under a folder the user chose: inside the prefix, relative, every component a plain
// name (not empty, ".", ".." or with a backslash, NUL or control character), at most
// kMaxKeyBytes. Otherwise nullopt and the reason in `problem`. S3 allows every such key, so a
// bucket's content is never trusted to name a file.
std::optional<QString> safeRelativePath(const QString &prefix, const QString &key,
                                        QString *problem = nullptr);

// The key of `path` under `prefix`, whether or not the prefix ends with '/'.
QString objectKey(const QString &prefix, const QString &path);

// Sorts paths the way people count: "thumb2.jpg" before "thumb10.jpg".
void sortNaturally(QStringList &paths);

// The MD5 a single-part upload's ETag is (32 hex digits), or empty for a multipart ETag or
// anything else: only the former can verify a download's content.
QByteArray md5FromEtag(const QByteArray &etag);

} // namespace recordings
