#include "demo/demo_stages.h"

#include <QJsonArray>

namespace demo {

namespace {

QJsonObject endpoints(const QString &id, bool withRtmp)
{
    QJsonObject result{
        {QStringLiteral("events"), QStringLiteral("wss://global.events.live-video.net")},
        {QStringLiteral("whip"),
         QStringLiteral("https://%1.global-bm.whip.live-video.net").arg(id)},
    };
    if (withRtmp) {
        result.insert(
            QStringLiteral("rtmp"),
            QStringLiteral("rtmp://%1.global-contribute.live-video.net:1935/app/").arg(id));
        result.insert(
            QStringLiteral("rtmps"),
            QStringLiteral("rtmps://%1.global-contribute.live-video.net:443/app/").arg(id));
    }
    return result;
}

QJsonObject fullyConfiguredStage()
{
    return QJsonObject{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh")},
        {QStringLiteral("name"), QStringLiteral("studio-main")},
        {QStringLiteral("activeSessionId"), QStringLiteral("st-a1b2C3d4E5f6G7h")},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("environment"), QStringLiteral("production")},
                     {QStringLiteral("show"), QStringLiteral("Morning Live")},
                     {QStringLiteral("team"), QStringLiteral("video-ops")}}},
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
             {QStringLiteral("recordParticipantReplicas"), false},
         }},
        {QStringLiteral("endpoints"), endpoints(QStringLiteral("f99084460c35"), true)},
    };
}

QJsonObject stageOnDefaults()
{
    return QJsonObject{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:stage/Qx7Rk2LmPz9W")},
        {QStringLiteral("name"), QStringLiteral("podcast-room")},
        {QStringLiteral("tags"), QJsonObject{}},
        {QStringLiteral("autoParticipantRecordingConfiguration"),
         QJsonObject{{QStringLiteral("storageConfigurationArn"), QString()}}},
        {QStringLiteral("endpoints"), endpoints(QStringLiteral("2c7d41e9b0aa"), true)},
    };
}

QJsonObject olderStage()
{
    return QJsonObject{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:ap-northeast-1:123456789012:stage/Tn4Hall2026x")},
        {QStringLiteral("name"), QStringLiteral("town-hall")},
        {QStringLiteral("activeSessionId"), QStringLiteral("st-9ZyXwVuTsRqPoNm")},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("department"), QStringLiteral("comms")}}},
        {QStringLiteral("endpoints"), endpoints(QStringLiteral("7e0b5a3c9d12"), false)},
    };
}

// A stage with mistakes for the checks to find: its storage configuration is in another region,
// and a thumbnail interval is set while thumbnails are off.
QJsonObject misconfiguredStage()
{
    return QJsonObject{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1")},
        {QStringLiteral("name"), QStringLiteral("field-reporter")},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("show"), QStringLiteral("Evening News")}}},
        {QStringLiteral("autoParticipantRecordingConfiguration"),
         QJsonObject{
             {QStringLiteral("storageConfigurationArn"),
              QStringLiteral(
                  "arn:aws:ivs:us-west-2:123456789012:storage-configuration/QRst56uvWXyz")},
             {QStringLiteral("mediaTypes"), QJsonArray{QStringLiteral("AUDIO_VIDEO")}},
             {QStringLiteral("thumbnailConfiguration"),
              QJsonObject{{QStringLiteral("targetIntervalSeconds"), 30},
                          {QStringLiteral("storage"), QJsonArray{QStringLiteral("SEQUENTIAL")}},
                          {QStringLiteral("recordingMode"), QStringLiteral("DISABLED")}}},
         }},
        {QStringLiteral("endpoints"), endpoints(QStringLiteral("5d3f8a1b2c4e"), true)},
    };
}

} // namespace

QList<QJsonObject> sampleStages()
{
    return {fullyConfiguredStage(), stageOnDefaults(), olderStage(), misconfiguredStage()};
}

QList<QJsonObject> sampleStorageConfigurations()
{
    auto configuration = [](const char *arn, const char *name, const char *bucket) {
        return QJsonObject{
            {QStringLiteral("arn"), QString::fromLatin1(arn)},
            {QStringLiteral("name"), QString::fromLatin1(name)},
            {QStringLiteral("s3"),
             QJsonObject{{QStringLiteral("bucketName"), QString::fromLatin1(bucket)}}},
        };
    };
    return {
        configuration("arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ",
                      "studio-recordings", "studio-recordings-us-west-2"),
        configuration("arn:aws:ivs:us-west-2:123456789012:storage-configuration/QRst56uvWXyz",
                      "archive", "stage-archive-us-west-2"),
        configuration("arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD",
                      "podcasts-eu", "podcast-recordings-eu-central-1"),
        // One in each region with a demo stage, so that the fix for field-reporter's storage
        // elsewhere can be carried out on the demo too.
        configuration("arn:aws:ivs:eu-west-1:123456789012:storage-configuration/FieldEU1recX",
                      "field-recordings", "field-recordings-eu-west-1"),
        configuration("arn:aws:ivs:ap-northeast-1:123456789012:storage-configuration/TokyoRec01ab",
                      "town-hall-recordings", "town-hall-recordings-ap-northeast-1"),
    };
}

QList<QJsonObject> sampleIngestConfigurations()
{
    const QString studio = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
    auto configuration = [&studio](const char *id, const char *name, const char *protocol,
                                   bool insecure, const char *state, const char *user) {
        return QJsonObject{
            {QStringLiteral("arn"),
             QStringLiteral("arn:aws:ivs:us-west-2:123456789012:ingest-configuration/%1")
                 .arg(QString::fromLatin1(id))},
            {QStringLiteral("name"), QString::fromLatin1(name)},
            {QStringLiteral("ingestProtocol"), QString::fromLatin1(protocol)},
            {QStringLiteral("insecureIngest"), insecure},
            {QStringLiteral("state"), QString::fromLatin1(state)},
            {QStringLiteral("userId"), QString::fromLatin1(user)},
            {QStringLiteral("participantId"), QStringLiteral("p-%1").arg(QString::fromLatin1(id))},
            {QStringLiteral("stageArn"), studio},
            // A demo key: it opens nothing, but is handled as the secret a real key is.
            {QStringLiteral("streamKey"),
             QStringLiteral("sk_us-west-2_demo%1").arg(QString::fromLatin1(id))},
        };
    };
    return {configuration("Ing3stObsMain", "obs-main", "RTMPS", false, "ACTIVE", "studio-obs"),
            configuration("Ing3stLegacy0", "legacy-encoder", "RTMP", false, "INACTIVE",
                          "hardware-encoder")};
}

} // namespace demo
