#include "demo/demo_buckets.h"

#include <algorithm>
#include <QBuffer>
#include <QColor>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>

namespace demo {

namespace {

const QString kStageArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
constexpr int kSegmentSeconds = 10;
constexpr int kThumbnailSeconds = 60;
// A recording of hours still has few objects: the demo's media files stand for many seconds.
constexpr int kMaxSegments = 360;
constexpr int kMaxThumbnails = 12;

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// Media bytes that are the same on every run: what a segment's content is does not matter.
QByteArray segmentBytes(int index, int size)
{
    QByteArray bytes(size, '\0');
    quint32 state = 2463534242u + static_cast<quint32>(index);
    for (char &byte : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        byte = static_cast<char>(state & 0xff);
    }
    return bytes;
}

// A 160×90 picture: a colour by participant, a band moving with time.
QByteArray thumbnailJpeg(int hue, int index)
{
    QImage image(160, 90, QImage::Format_RGB32);
    const QColor base = QColor::fromHsv(hue % 360, 120, 200);
    const int band = (index * 23) % 160;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const bool inBand = x >= band && x < band + 20;
            const int shade = 40 + (y * 120) / image.height();
            line[x] = inBand ? qRgb(250, 250, 250) : base.darker(100 + shade).rgb();
        }
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 80);
    return jpeg;
}

QByteArray metadataJson(const QString &status, const QString &message,
                        const QJsonObject &participant, const QString &sessionId,
                        const DemoSessions::Recording &recording, qint64 durationMs)
{
    QJsonObject rendition{{QStringLiteral("path"), QStringLiteral("high")},
                          {QStringLiteral("playlist"), QStringLiteral("playlist.m3u8")},
                          {QStringLiteral("resolution_width"), 1280},
                          {QStringLiteral("resolution_height"), 720}};
    QJsonObject low{{QStringLiteral("path"), QStringLiteral("low")},
                    {QStringLiteral("playlist"), QStringLiteral("playlist.m3u8")},
                    {QStringLiteral("resolution_width"), 640},
                    {QStringLiteral("resolution_height"), 360}};
    QJsonObject media{
        {QStringLiteral("hls"),
         QJsonObject{{QStringLiteral("duration_ms"), durationMs},
                     {QStringLiteral("path"), QStringLiteral("media/hls")},
                     {QStringLiteral("playlist"), QStringLiteral("multivariant.m3u8")},
                     {QStringLiteral("renditions"), QJsonArray{rendition, low}}}}};
    if (recording.thumbnails)
        media.insert(
            QStringLiteral("thumbnails"),
            QJsonObject{{QStringLiteral("path"), QStringLiteral("media/thumbnails")},
                        {QStringLiteral("renditions"),
                         QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("high")},
                                                {QStringLiteral("resolution_width"), 160},
                                                {QStringLiteral("resolution_height"), 90}}}}});
    QJsonObject root{
        {QStringLiteral("version"), QStringLiteral("v1")},
        {QStringLiteral("stage_arn"), kStageArn},
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("participant_id"), participant.value(QStringLiteral("participantId"))},
        {QStringLiteral("recording_started_at"), iso(recording.start)},
        {QStringLiteral("recording_status"), status},
        {QStringLiteral("recording_status_message"), message},
        {QStringLiteral("media"), media},
    };
    if (recording.end.isValid() && status != QLatin1String("RECORDING_STARTED"))
        root.insert(QStringLiteral("recording_ended_at"), iso(recording.end));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray mediaPlaylist(int segments, bool ended)
{
    QByteArray text =
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + QByteArray::number(kSegmentSeconds) +
        "\n#EXT-X-MEDIA-SEQUENCE:0\n";
    for (int i = 0; i < segments; ++i)
        text += "#EXTINF:" + QByteArray::number(kSegmentSeconds) + ".0,\n" + QByteArray::number(i) +
                ".ts\n";
    if (ended)
        text += "#EXT-X-ENDLIST\n";
    return text;
}

} // namespace

void DemoBuckets::put(const QString &bucket, const QString &key, const QByteArray &body,
                      const QDateTime &lastModified)
{
    Object object{body, QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex(),
                  lastModified.toUTC()};
    m_buckets[bucket].objects.insert(key, object);
}

const QMap<QString, DemoBuckets::Object> *DemoBuckets::objects(const QString &bucket) const
{
    const auto found = m_buckets.constFind(bucket);
    return found == m_buckets.cend() ? nullptr : &found->objects;
}

DemoBuckets DemoBuckets::sample(const QList<QJsonObject> &storageConfigurations,
                                const DemoSessions &sessions)
{
    DemoBuckets buckets;
    for (const QJsonObject &configuration : storageConfigurations) {
        const QString bucket = configuration.value(QStringLiteral("s3"))
                                   .toObject()
                                   .value(QStringLiteral("bucketName"))
                                   .toString();
        const QString arn = configuration.value(QStringLiteral("arn")).toString();
        buckets.m_buckets[bucket].region = arn.section(QLatin1Char(':'), 3, 3);
    }
    int hue = 20;
    for (auto session = sessions.participantsBySession.cbegin();
         session != sessions.participantsBySession.cend(); ++session) {
        for (const QJsonObject &participant : *session) {
            const QString id = participant.value(QStringLiteral("participantId")).toString();
            const auto found =
                sessions.recordingsByParticipant.constFind(session.key() + QLatin1Char('/') + id);
            if (found == sessions.recordingsByParticipant.cend())
                continue;
            const DemoSessions::Recording &recording = *found;
            const QString bucket =
                participant.value(QStringLiteral("recordingS3BucketName")).toString();
            const QString prefix =
                participant.value(QStringLiteral("recordingS3Prefix")).toString() +
                QLatin1Char('/');
            hue += 97;
            if (recording.kind == DemoSessions::Recording::Kind::Empty)
                continue;
            const QDateTime end =
                recording.end.isValid() ? recording.end : QDateTime::currentDateTimeUtc();
            const qint64 seconds = std::max<qint64>(0, recording.start.secsTo(end));
            const int segments =
                static_cast<int>(std::min<qint64>(kMaxSegments, seconds / kSegmentSeconds));
            const bool ended = recording.kind != DemoSessions::Recording::Kind::InProgress;
            auto at = [&recording](qint64 offset) { return recording.start.addSecs(offset); };

            buckets.put(bucket, prefix + QStringLiteral("events/recording-started.json"),
                        metadataJson(QStringLiteral("RECORDING_STARTED"), {}, participant,
                                     session.key(), recording, 0),
                        recording.start);
            if (recording.kind == DemoSessions::Recording::Kind::Ended)
                buckets.put(bucket, prefix + QStringLiteral("events/recording-ended.json"),
                            metadataJson(QStringLiteral("RECORDING_ENDED"), {}, participant,
                                         session.key(), recording, seconds * 1000),
                            end);
            if (recording.kind == DemoSessions::Recording::Kind::Failed)
                buckets.put(bucket, prefix + QStringLiteral("events/recording-failed.json"),
                            metadataJson(QStringLiteral("RECORDING_FAILED"), recording.failure,
                                         participant, session.key(), recording, seconds * 1000),
                            end);
            buckets.put(bucket, prefix + QStringLiteral("media/hls/multivariant.m3u8"),
                        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                        "#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720\n"
                        "high/playlist.m3u8\n"
                        "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n"
                        "low/playlist.m3u8\n",
                        recording.start);
            const struct {
                const char *name;
                int bytes;
            } renditions[] = {{"high", 6144}, {"low", 2048}};
            for (const auto &rendition : renditions) {
                const QString folder = prefix + QStringLiteral("media/hls/") +
                                       QString::fromLatin1(rendition.name) + QLatin1Char('/');
                buckets.put(bucket, folder + QStringLiteral("playlist.m3u8"),
                            mediaPlaylist(segments, ended), end);
                for (int i = 0; i < segments; ++i)
                    buckets.put(bucket, folder + QStringLiteral("%1.ts").arg(i),
                                segmentBytes(i + rendition.bytes, rendition.bytes),
                                at((i + 1) * kSegmentSeconds));
            }
            if (!recording.thumbnails)
                continue;
            const int thumbnails =
                static_cast<int>(std::min<qint64>(kMaxThumbnails, seconds / kThumbnailSeconds));
            for (int i = 0; i < thumbnails; ++i)
                buckets.put(bucket, prefix + QStringLiteral("media/thumbnails/high/%1.jpg").arg(i),
                            thumbnailJpeg(hue, i), at(i * kThumbnailSeconds));
            if (!ended && thumbnails > 0)
                buckets.put(bucket,
                            prefix + QStringLiteral("media/latest_thumbnail/high/thumb.jpg"),
                            thumbnailJpeg(hue, thumbnails), end);
        }
    }
    return buckets;
}

} // namespace demo
