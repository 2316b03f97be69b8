#include "bench_support.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bench {

QByteArray stageResponse(int tagCount)
{
    QJsonObject tags;
    for (int i = 0; i < tagCount; ++i)
        tags.insert(QStringLiteral("tag-key-%1").arg(i),
                    QStringLiteral("a tag value number %1").arg(i));
    const QJsonObject stage{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh")},
        {QStringLiteral("name"), QStringLiteral("benchmark-stage")},
        {QStringLiteral("activeSessionId"), QStringLiteral("st-a1b2C3d4E5f6G7h")},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("autoParticipantRecordingConfiguration"),
         QJsonObject{
             {QStringLiteral("storageConfigurationArn"),
              QStringLiteral(
                  "arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ")},
             {QStringLiteral("mediaTypes"), QJsonArray{QStringLiteral("AUDIO_VIDEO")}},
             {QStringLiteral("thumbnailConfiguration"),
              QJsonObject{{QStringLiteral("targetIntervalSeconds"), 30},
                          {QStringLiteral("storage"),
                           QJsonArray{QStringLiteral("SEQUENTIAL"), QStringLiteral("LATEST")}},
                          {QStringLiteral("recordingMode"), QStringLiteral("INTERVAL")}}},
             {QStringLiteral("recordingReconnectWindowSeconds"), 60},
             {QStringLiteral("hlsConfiguration"),
              QJsonObject{{QStringLiteral("targetSegmentDurationSeconds"), 4}}},
             {QStringLiteral("recordParticipantReplicas"), true},
         }},
        {QStringLiteral("endpoints"),
         QJsonObject{
             {QStringLiteral("events"), QStringLiteral("wss://global.events.live-video.net")},
             {QStringLiteral("whip"),
              QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net")},
             {QStringLiteral("rtmp"),
              QStringLiteral("rtmp://f99084460c35.global-contribute.live-video.net:1935/app/")},
             {QStringLiteral("rtmps"),
              QStringLiteral("rtmps://f99084460c35.global-contribute.live-video.net:443/app/")}}},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("stage"), stage}})
        .toJson(QJsonDocument::Compact);
}

void spinUntil(const bool &done)
{
    const QDeadlineTimer deadline(10000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

} // namespace bench
