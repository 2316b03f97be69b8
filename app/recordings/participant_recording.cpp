#include "recordings/participant_recording.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QLocale>

namespace recordings {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(recordings::ParticipantRecording)
};

const QString kHls = QStringLiteral("media/hls/");

bool hasFile(const RecordingEvidence &evidence, const QString &path)
{
    return std::any_of(evidence.files.cbegin(), evidence.files.cend(),
                       [&path](const RecordingFile &file) { return file.path == path; });
}

// "media/hls/high/playlist.m3u8" → "high"; "" for a file directly under media/hls/.
QString renditionOf(const QString &path)
{
    if (!path.startsWith(kHls))
        return {};
    const QString rest = path.mid(kHls.size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : rest.left(slash);
}

QString joined(const QString &folder, const QString &name)
{
    QString path = folder;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.isEmpty() ? name : path + QLatin1Char('/') + name;
}

bool isImage(const QString &path)
{
    const QString lower = path.toLower();
    return lower.endsWith(QLatin1String(".jpg")) || lower.endsWith(QLatin1String(".jpeg"));
}

bool serviceSaysRecorded(const QString &state)
{
    return state == QLatin1String("ACTIVE") || state == QLatin1String("STOPPING") ||
           state == QLatin1String("STOPPED");
}

} // namespace

QString eventsFileToRead(const RecordingEvidence &evidence)
{
    for (const char *name : {"events/recording-failed.json", "events/recording-ended.json",
                             "events/recording-started.json"}) {
        const QString path = QString::fromLatin1(name);
        if (hasFile(evidence, path))
            return path;
    }
    return {};
}

QString multivariantPlaylistPath(const RecordingEvidence &evidence)
{
    if (evidence.metadata && !evidence.metadata->hlsPlaylist.isEmpty()) {
        const QString folder = evidence.metadata->hlsPath.isEmpty() ? QStringLiteral("media/hls")
                                                                    : evidence.metadata->hlsPath;
        const QString path = joined(folder, evidence.metadata->hlsPlaylist);
        if (hasFile(evidence, path))
            return path;
    }
    const QString usual = kHls + QStringLiteral("multivariant.m3u8");
    if (hasFile(evidence, usual))
        return usual;
    QStringList direct;
    for (const RecordingFile &file : evidence.files) {
        if (fileKind(file.path) == FileKind::HlsPlaylist && renditionOf(file.path).isEmpty())
            direct.append(file.path);
    }
    return direct.size() == 1 ? direct.first() : QString();
}

QMap<QString, QString> renditionPlaylistPaths(const RecordingEvidence &evidence)
{
    QMap<QString, QString> paths;
    const QString multivariant = multivariantPlaylistPath(evidence);
    const QString base = multivariant.isEmpty()
                             ? QStringLiteral("media/hls")
                             : multivariant.left(multivariant.lastIndexOf(QLatin1Char('/')));
    if (evidence.variants) {
        for (const HlsVariant &variant : *evidence.variants) {
            const QString path = joined(base, variant.uri);
            if (hasFile(evidence, path) && !renditionOf(path).isEmpty())
                paths.insert(renditionOf(path), path);
        }
    }
    if (evidence.metadata) {
        const QString folder = evidence.metadata->hlsPath.isEmpty() ? QStringLiteral("media/hls")
                                                                    : evidence.metadata->hlsPath;
        for (const MetadataRendition &rendition : evidence.metadata->hlsRenditions) {
            const QString path =
                joined(joined(folder, rendition.path), rendition.playlist.isEmpty()
                                                           ? QStringLiteral("playlist.m3u8")
                                                           : rendition.playlist);
            const QString name = renditionOf(path);
            if (!name.isEmpty() && !paths.contains(name) && hasFile(evidence, path))
                paths.insert(name, path);
        }
    }
    // Without either, each rendition folder's one playlist.
    for (const RecordingFile &file : evidence.files) {
        const QString name = renditionOf(file.path);
        if (!name.isEmpty() && !paths.contains(name) &&
            fileKind(file.path) == FileKind::HlsPlaylist)
            paths.insert(name, file.path);
    }
    return paths;
}

ParticipantRecording summarize(const RecordingEvidence &evidence)
{
    ParticipantRecording recording;
    recording.participantId = evidence.participantId;
    recording.userId = evidence.userId;
    recording.recordingState = evidence.recordingState;
    recording.bucket = evidence.bucket;
    recording.prefix = evidence.prefix;
    recording.files = evidence.files;
    recording.listingCapped = evidence.listingCapped;
    recording.refusedKeys = evidence.refusedKeys;

    if (evidence.recordingState == QLatin1String("DISABLED") || evidence.bucket.isEmpty()) {
        recording.outcome = ParticipantRecording::Outcome::NotRecorded;
        recording.reason =
            evidence.bucket.isEmpty() && evidence.recordingState != QLatin1String("DISABLED")
                ? Text::tr("The service named no bucket for this participant.")
                : Text::tr("Recording is off for this participant.");
        return recording;
    }
    if (evidence.listingError) {
        recording.outcome = ParticipantRecording::Outcome::Unreadable;
        recording.error = evidence.listingError;
        recording.reason = evidence.listingError->summary;
        if (evidence.files.isEmpty())
            return recording;
    }

    // Sizes, renditions and thumbnails from the listing.
    QMap<QString, RenditionSummary> renditions;
    for (const RecordingFile &file : evidence.files) {
        recording.totalBytes += file.size;
        ++recording.objectCount;
        const FileKind kind = fileKind(file.path);
        if (kind == FileKind::HlsMedia || kind == FileKind::HlsPlaylist) {
            const QString name = renditionOf(file.path);
            if (!name.isEmpty()) {
                RenditionSummary &rendition = renditions[name];
                rendition.name = name;
                rendition.bytes += file.size;
                ++rendition.objects;
            }
        } else if (kind == FileKind::Thumbnail && isImage(file.path)) {
            recording.thumbnails.append(file.path);
        } else if (kind == FileKind::LatestThumbnail && isImage(file.path)) {
            recording.latestThumbnail = file.path;
        }
    }
    sortNaturally(recording.thumbnails);

    // Picture sizes: the multivariant playlist's, else the metadata's.
    const QString multivariant = multivariantPlaylistPath(evidence);
    const QString base =
        multivariant.left(std::max<qsizetype>(0, multivariant.lastIndexOf(QLatin1Char('/'))));
    if (evidence.variants) {
        for (const HlsVariant &variant : *evidence.variants) {
            const QString name = renditionOf(joined(base, variant.uri));
            if (renditions.contains(name) && variant.height > 0) {
                renditions[name].width = variant.width;
                renditions[name].height = variant.height;
            }
        }
    }
    if (evidence.metadata) {
        for (const MetadataRendition &meta : evidence.metadata->hlsRenditions) {
            auto found = renditions.find(meta.path);
            if (found != renditions.end() && found->height == 0) {
                found->width = meta.width;
                found->height = meta.height;
            }
        }
    }
    for (auto it = evidence.mediaPlaylists.cbegin(); it != evidence.mediaPlaylists.cend(); ++it) {
        auto found = renditions.find(it.key());
        if (found == renditions.end())
            continue;
        found->segments = it->segments;
        found->durationSeconds = it->durationSeconds;
        found->playlistEnded = it->ended;
        recording.durationSeconds = std::max(recording.durationSeconds, it->durationSeconds);
    }
    recording.renditions = renditions.values();
    // The largest picture first.
    std::stable_sort(
        recording.renditions.begin(), recording.renditions.end(),
        [](const RenditionSummary &a, const RenditionSummary &b) { return a.height > b.height; });

    if (evidence.metadata) {
        recording.startedAt = evidence.metadata->startedAt;
        recording.endedAt = evidence.metadata->endedAt;
        if (recording.durationSeconds < 0 && evidence.metadata->hlsDurationMs >= 0)
            recording.durationSeconds = evidence.metadata->hlsDurationMs / 1000.0;
    }
    if (recording.durationSeconds < 0 && recording.startedAt.isValid() &&
        recording.endedAt.isValid() && recording.endedAt >= recording.startedAt)
        recording.durationSeconds = recording.startedAt.secsTo(recording.endedAt);

    if (recording.outcome == ParticipantRecording::Outcome::Unreadable)
        return recording;
    if (evidence.files.isEmpty()) {
        recording.outcome = ParticipantRecording::Outcome::Empty;
        recording.reason = serviceSaysRecorded(evidence.recordingState)
                               ? Text::tr("The service says %1, but nothing is under the prefix.")
                                     .arg(evidence.recordingState)
                               : Text::tr("Nothing is under the prefix.");
        return recording;
    }
    if (!evidence.metadata) {
        recording.outcome = ParticipantRecording::Outcome::Incomplete;
        recording.reason =
            evidence.metadataProblem.isEmpty()
                ? Text::tr("No events file (events/recording-*.json) was written.")
                : Text::tr("The events file could not be read: %1.").arg(evidence.metadataProblem);
        return recording;
    }
    switch (evidence.metadata->status) {
    case RecordingMetadata::Status::Failed:
        recording.outcome = ParticipantRecording::Outcome::Failed;
        recording.reason = evidence.metadata->statusMessage.isEmpty()
                               ? Text::tr("recording-failed.json gives no reason.")
                               : evidence.metadata->statusMessage;
        break;
    case RecordingMetadata::Status::Ended:
        recording.outcome = ParticipantRecording::Outcome::Ended;
        break;
    case RecordingMetadata::Status::Started:
        recording.outcome = ParticipantRecording::Outcome::InProgress;
        break;
    case RecordingMetadata::Status::Unknown:
        recording.outcome = ParticipantRecording::Outcome::Incomplete;
        recording.reason = Text::tr("The events file has an unknown status \"%1\".")
                               .arg(evidence.metadata->statusText.left(64));
        break;
    }
    return recording;
}

QString outcomeName(ParticipantRecording::Outcome outcome)
{
    switch (outcome) {
    case ParticipantRecording::Outcome::NotRecorded:
        return QStringLiteral("not-recorded");
    case ParticipantRecording::Outcome::Unreadable:
        return QStringLiteral("unreadable");
    case ParticipantRecording::Outcome::Empty:
        return QStringLiteral("empty");
    case ParticipantRecording::Outcome::InProgress:
        return QStringLiteral("in-progress");
    case ParticipantRecording::Outcome::Ended:
        return QStringLiteral("ended");
    case ParticipantRecording::Outcome::Failed:
        return QStringLiteral("failed");
    case ParticipantRecording::Outcome::Incomplete:
        return QStringLiteral("incomplete");
    }
    return {};
}

QString outcomeText(ParticipantRecording::Outcome outcome)
{
    switch (outcome) {
    case ParticipantRecording::Outcome::NotRecorded:
        return Text::tr("Not recorded");
    case ParticipantRecording::Outcome::Unreadable:
        return Text::tr("Could not be read");
    case ParticipantRecording::Outcome::Empty:
        return Text::tr("Nothing in S3");
    case ParticipantRecording::Outcome::InProgress:
        return Text::tr("Recording");
    case ParticipantRecording::Outcome::Ended:
        return Text::tr("Recorded");
    case ParticipantRecording::Outcome::Failed:
        return Text::tr("Failed");
    case ParticipantRecording::Outcome::Incomplete:
        return Text::tr("Incomplete");
    }
    return {};
}

QString renditionsText(const ParticipantRecording &recording)
{
    QStringList parts;
    for (const RenditionSummary &rendition : recording.renditions)
        parts.append(rendition.height > 0 ? QStringLiteral("%1p").arg(rendition.height)
                                          : rendition.name);
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QLatin1Char(' '));
}

QString formatDuration(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("—");
    const qint64 whole = static_cast<qint64>(std::llround(seconds));
    const qint64 hours = whole / 3600;
    const qint64 minutes = (whole % 3600) / 60;
    const qint64 rest = whole % 60;
    if (hours > 0)
        return Text::tr("%1 h %2 min %3 s")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(rest, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return Text::tr("%1 min %2 s").arg(minutes).arg(rest);
    return Text::tr("%1 s").arg(rest);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1000)
        return Text::tr("%1 B").arg(bytes);
    const char *units[] = {"kB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = -1;
    while (value >= 1000 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', value < 100 ? 1 : 0),
                                       QString::fromLatin1(units[unit]));
}

} // namespace recordings
