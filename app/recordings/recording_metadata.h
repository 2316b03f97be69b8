#pragma once

#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace recordings {

// One rendition a metadata file lists: a folder under the media path and its picture size.
struct MetadataRendition {
    QString path;     // "high"
    QString playlist; // "playlist.m3u8" (HLS only)
    int width = 0;
    int height = 0;
};

// What an individual participant recording's events/recording-*.json says.
struct RecordingMetadata {
    enum class Status { Started, Ended, Failed, Unknown };
    Status status = Status::Unknown;
    QString statusText;    // "RECORDING_ENDED", as written
    QString statusMessage; // recording_status_message: why it failed, when it did
    QString stageArn;
    QString sessionId;
    QString participantId;
    QDateTime startedAt;
    QDateTime endedAt;
    qint64 hlsDurationMs = -1;
    QString hlsPath;     // "media/hls"
    QString hlsPlaylist; // "multivariant.m3u8"
    QList<MetadataRendition> hlsRenditions;
    QString thumbnailsPath; // "media/thumbnails"
    QList<MetadataRendition> thumbnailRenditions;
    QString latestThumbnailPath; // "media/latest_thumbnail"
};

// A metadata file is a few hundred bytes; anything this large is not one.
inline constexpr qint64 kMaxMetadataBytes = 256 * 1024;
// At most this many renditions of each kind are read.
inline constexpr int kMaxRenditions = 32;

// Parses a metadata file. Unknown fields are ignored and missing ones left empty; a body that is
// not a JSON object, or too large, gives nullopt and the reason in `problem`.
std::optional<RecordingMetadata> parseRecordingMetadata(const QByteArray &json,
                                                        QString *problem = nullptr);

} // namespace recordings
