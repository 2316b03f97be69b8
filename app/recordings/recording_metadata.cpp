#include "recordings/recording_metadata.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace recordings {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(recordings::RecordingMetadata)
};

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString().left(2048) : QString();
}

QDateTime time(const QJsonObject &object, const char *key)
{
    QDateTime when = QDateTime::fromString(text(object, key), Qt::ISODateWithMs);
    if (!when.isValid())
        return {};
    return when.toUTC();
}

int dimension(const QJsonObject &object, const char *key)
{
    const double value = object.value(QLatin1String(key)).toDouble(0);
    return value >= 1 && value <= 100000 ? static_cast<int>(value) : 0;
}

QList<MetadataRendition> renditions(const QJsonObject &media)
{
    QList<MetadataRendition> list;
    const QJsonArray array = media.value(QLatin1String("renditions")).toArray();
    for (const QJsonValue &value : array) {
        if (list.size() == kMaxRenditions)
            break;
        const QJsonObject object = value.toObject();
        MetadataRendition rendition;
        rendition.path = text(object, "path");
        rendition.playlist = text(object, "playlist");
        rendition.width = dimension(object, "resolution_width");
        rendition.height = dimension(object, "resolution_height");
        list.append(rendition);
    }
    return list;
}

RecordingMetadata::Status statusOf(const QString &status)
{
    if (status == QLatin1String("RECORDING_STARTED"))
        return RecordingMetadata::Status::Started;
    if (status == QLatin1String("RECORDING_ENDED"))
        return RecordingMetadata::Status::Ended;
    if (status == QLatin1String("RECORDING_FAILED"))
        return RecordingMetadata::Status::Failed;
    return RecordingMetadata::Status::Unknown;
}

} // namespace

std::optional<RecordingMetadata> parseRecordingMetadata(const QByteArray &json, QString *problem)
{
    if (json.size() > kMaxMetadataBytes) {
        if (problem)
            *problem = Text::tr("the file is larger than %1 KiB").arg(kMaxMetadataBytes / 1024);
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        if (problem)
            *problem = error.error != QJsonParseError::NoError
                           ? Text::tr("it is not JSON (%1 at byte %2)")
                                 .arg(error.errorString())
                                 .arg(error.offset)
                           : Text::tr("it is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    RecordingMetadata metadata;
    metadata.statusText = text(root, "recording_status");
    metadata.status = statusOf(metadata.statusText);
    metadata.statusMessage = text(root, "recording_status_message");
    metadata.stageArn = text(root, "stage_arn");
    metadata.sessionId = text(root, "session_id");
    metadata.participantId = text(root, "participant_id");
    metadata.startedAt = time(root, "recording_started_at");
    metadata.endedAt = time(root, "recording_ended_at");

    const QJsonObject media = root.value(QLatin1String("media")).toObject();
    const QJsonObject hls = media.value(QLatin1String("hls")).toObject();
    const QJsonValue duration = hls.value(QLatin1String("duration_ms"));
    if (duration.isDouble() && duration.toDouble() >= 0 && duration.toDouble() < 1e13)
        metadata.hlsDurationMs = static_cast<qint64>(duration.toDouble());
    metadata.hlsPath = text(hls, "path");
    metadata.hlsPlaylist = text(hls, "playlist");
    metadata.hlsRenditions = renditions(hls);
    const QJsonObject thumbnails = media.value(QLatin1String("thumbnails")).toObject();
    metadata.thumbnailsPath = text(thumbnails, "path");
    metadata.thumbnailRenditions = renditions(thumbnails);
    metadata.latestThumbnailPath =
        text(media.value(QLatin1String("latest_thumbnail")).toObject(), "path");
    return metadata;
}

} // namespace recordings
