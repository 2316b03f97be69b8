// libFuzzer target: what the app reads of a recording's objects in S3, written by whoever can
// write to the bucket — the events files (recordings::parseRecordingMetadata), the HLS playlists
// (parseMultivariantPlaylist, parseMediaPlaylist) — and the keys it turns into paths under a
// folder the user chose (safeRelativePath), then the whole summed up (summarize).

#include "fuzz_support.h"
#include "recordings/hls_playlist.h"
#include "recordings/participant_recording.h"
#include "recordings/recording_files.h"
#include "recordings/recording_metadata.h"

#include <cmath>
#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = fuzz::fields(fuzz::bytes(data, size), 4);
    const QString prefix = QString::fromUtf8(parts.value(0));
    const QString key = QString::fromUtf8(parts.value(1));

    // A path it gives is relative, inside the prefix, and made of plain names.
    QString problem;
    const auto path = recordings::safeRelativePath(prefix, key, &problem);
    if (path) {
        FUZZ_CHECK(!path->isEmpty());
        FUZZ_CHECK(!path->startsWith(QLatin1Char('/')));
        FUZZ_CHECK(!path->contains(QLatin1Char('\\')));
        const QStringList names = path->split(QLatin1Char('/'));
        for (const QString &name : names)
            FUZZ_CHECK(!name.isEmpty() && name != QLatin1String(".") &&
                       name != QLatin1String(".."));
        FUZZ_CHECK(recordings::objectKey(prefix, *path).endsWith(*path));
    } else {
        FUZZ_CHECK(!problem.isEmpty());
    }

    recordings::RecordingEvidence evidence;
    evidence.recordingState = QStringLiteral("STOPPED");
    evidence.bucket = QStringLiteral("bucket");
    evidence.prefix = prefix;
    if (path)
        evidence.files.append({*path, static_cast<qint64>(size), {}, {}});
    evidence.files.append({QStringLiteral("media/hls/high/playlist.m3u8"), 10, {}, {}});

    QString metadataProblem;
    evidence.metadata = recordings::parseRecordingMetadata(parts.value(2), &metadataProblem);
    FUZZ_CHECK(evidence.metadata.has_value() || !metadataProblem.isEmpty());
    if (evidence.metadata)
        FUZZ_CHECK(evidence.metadata->hlsRenditions.size() <= recordings::kMaxRenditions);

    const QByteArray playlist = parts.value(3);
    evidence.variants = recordings::parseMultivariantPlaylist(playlist);
    if (evidence.variants)
        FUZZ_CHECK(evidence.variants->size() <= recordings::kMaxVariants);
    if (const auto media = recordings::parseMediaPlaylist(playlist)) {
        FUZZ_CHECK(media->segments >= 0);
        FUZZ_CHECK(std::isfinite(media->durationSeconds) && media->durationSeconds >= 0);
        evidence.mediaPlaylists.insert(QStringLiteral("high"), *media);
    }

    const recordings::ParticipantRecording recording = recordings::summarize(evidence);
    FUZZ_CHECK(recording.objectCount == evidence.files.size());
    FUZZ_CHECK(recording.totalBytes >= 0);
    static_cast<void>(recordings::formatDuration(recording.durationSeconds));
    return 0;
}
