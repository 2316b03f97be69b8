#include "ivs/encoder_settings.h"

#include <QCoreApplication>

namespace ivs {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ivs::EncoderSettings", text);
}
} // namespace

QJsonObject obsWhipService(const QString &server, const QString &bearerToken)
{
    return {
        {QStringLiteral("type"), QStringLiteral("whip_custom")},
        {QStringLiteral("settings"), QJsonObject{{QStringLiteral("server"), server},
                                                 {QStringLiteral("bearer_token"), bearerToken}}}};
}

QJsonObject obsRtmpService(const QString &server, const QString &streamKey)
{
    return {{QStringLiteral("type"), QStringLiteral("rtmp_custom")},
            {QStringLiteral("settings"), QJsonObject{{QStringLiteral("server"), server},
                                                     {QStringLiteral("key"), streamKey},
                                                     {QStringLiteral("use_auth"), false}}}};
}

QList<EncoderLimit> encoderLimits()
{
    const QString both = tr("WHIP and RTMP(S)");
    return {
        {tr("Video codec"), tr("H.264, Baseline or Constrained Baseline profile"), both},
        {tr("B-frames"), tr("none (B_FRAME_PRESENT otherwise)"), both},
        {tr("Resolution"), tr("at most 720p (1280×720 or 720×1280)"), both},
        {tr("Video bitrate"), tr("at most 8.5 Mbps"), both},
        {tr("Keyframe interval"), tr("1 to 2 seconds"), both},
        {tr("Audio codec"), tr("Opus"), tr("WHIP")},
        {tr("Audio codec"), tr("AAC-LC"), tr("RTMP(S)")},
    };
}

} // namespace ivs
