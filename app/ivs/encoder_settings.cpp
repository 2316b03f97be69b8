#include "ivs/encoder_settings.h"

#include <QCoreApplication>

namespace ivs {

namespace {
// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::EncoderSettings)
};
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
    const QString both = Text::tr("WHIP and RTMP(S)");
    return {
        {Text::tr("Video codec"), Text::tr("H.264, Baseline or Constrained Baseline profile"),
         both},
        {Text::tr("B-frames"), Text::tr("none (B_FRAME_PRESENT otherwise)"), both},
        {Text::tr("Resolution"), Text::tr("at most 720p (1280×720 or 720×1280)"), both},
        {Text::tr("Video bitrate"), Text::tr("at most 8.5 Mbps"), both},
        {Text::tr("Keyframe interval"), Text::tr("1 to 2 seconds"), both},
        {Text::tr("Audio codec"), Text::tr("Opus"), Text::tr("WHIP")},
        {Text::tr("Audio codec"), Text::tr("AAC-LC"), Text::tr("RTMP(S)")},
    };
}

} // namespace ivs
