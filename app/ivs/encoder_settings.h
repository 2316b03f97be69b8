#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ivs {

// OBS's own service description ("service.json" in an OBS profile): the custom WHIP service
// with its server and bearer token, or the custom RTMP service with its server and stream key.
QJsonObject obsWhipService(const QString &server, const QString &bearerToken);
QJsonObject obsRtmpService(const QString &server, const QString &streamKey);

// What the service enforces on what an encoder sends, so it can be checked before going live.
struct EncoderLimit {
    QString setting;   // "Video codec"
    QString value;     // "H.264, Baseline or Constrained Baseline profile"
    QString appliesTo; // "WHIP and RTMP(S)", "WHIP", "RTMP(S)"
};
QList<EncoderLimit> encoderLimits();

} // namespace ivs
