#pragma once

#include "ivs/service_error.h"
#include "recordings/hls_playlist.h"
#include "recordings/recording_files.h"
#include "recordings/recording_metadata.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace recordings {

// One rendition as it landed: its folder under media/hls/, its picture size, its media.
struct RenditionSummary {
    QString name; // "high"
    int width = 0;
    int height = 0;
    qint64 bytes = 0;
    int objects = 0;
    int segments = 0;            // from its playlist, when read
    double durationSeconds = -1; // from its playlist, when read
    bool playlistEnded = false;  // #EXT-X-ENDLIST
};

// Everything read about one participant's recording, before it is summed up.
struct RecordingEvidence {
    QString participantId;
    QString userId;
    QString recordingState; // the service's: STARTING | ACTIVE | STOPPING | STOPPED | FAILED | …
    bool published = false;
    QString bucket;
    QString prefix;

    bool listed = false; // the prefix was listed (fully, or up to the cap)
    std::optional<ivs::ServiceError> listingError;
    QList<RecordingFile> files;
    bool listingCapped = false;
    QStringList refusedKeys; // keys that could not name a file safely, with the reason

    std::optional<RecordingMetadata> metadata;      // the newest events file read
    QString metadataProblem;                        // why it could not be read, if it could not
    std::optional<QList<HlsVariant>> variants;      // the multivariant playlist, when read
    QMap<QString, HlsMediaPlaylist> mediaPlaylists; // by rendition name
};

// What became of a participant's recording, as the Recordings view and `recordings` show it.
struct ParticipantRecording {
    enum class Outcome {
        NotRecorded, // recording off for this participant (DISABLED, a replica, no bucket)
        Unreadable,  // the prefix could not be listed: see error
        Empty,       // the prefix holds nothing
        InProgress,  // recording-started.json only: still recording (or never ended)
        Ended,       // recording-ended.json
        Failed,      // recording-failed.json: see reason
        Incomplete,  // media without a readable events file
    };

    QString participantId;
    QString userId;
    QString recordingState;
    QString bucket;
    QString prefix;
    Outcome outcome = Outcome::NotRecorded;
    QString reason; // why it failed, or what is missing
    std::optional<ivs::ServiceError> error;
    QDateTime startedAt;
    QDateTime endedAt;
    double durationSeconds = -1; // from the playlists, else the metadata, else the times
    QList<RenditionSummary> renditions;
    qint64 totalBytes = 0;
    int objectCount = 0;
    bool listingCapped = false;
    QStringList thumbnails; // paths under the prefix, in order
    QString latestThumbnail;
    QStringList refusedKeys;
    QList<RecordingFile> files;
};

// What to read after the listing, in this order; each is a path among evidence.files, or empty
// when there is none. The events file: failed, else ended, else started.
QString eventsFileToRead(const RecordingEvidence &evidence);
// The multivariant playlist: where the metadata says, else media/hls/multivariant.m3u8, else the
// one playlist directly under media/hls/.
QString multivariantPlaylistPath(const RecordingEvidence &evidence);
// Each rendition's media playlist, by rendition name (its folder under media/hls/).
QMap<QString, QString> renditionPlaylistPaths(const RecordingEvidence &evidence);

ParticipantRecording summarize(const RecordingEvidence &evidence);

// "ended", "failed", …: stable words for the command line's JSON.
QString outcomeName(ParticipantRecording::Outcome outcome);
// A short phrase for people: "Recorded", "Failed", "Nothing in S3", …
QString outcomeText(ParticipantRecording::Outcome outcome);

// "720p 360p" (largest first), or "—" when none landed.
QString renditionsText(const ParticipantRecording &recording);
// "1 h 02 min 05 s", "3 min 10 s", "42 s"; "—" when unknown.
QString formatDuration(double seconds);
// "1.5 GB", "12.3 MB", "830 kB", "512 B" (powers of 1000, as S3's console does).
QString formatBytes(qint64 bytes);

} // namespace recordings
