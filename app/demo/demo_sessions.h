#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace demo {

// Sessions, participants and their events for the demo stages, as the service would list them,
// timed relative to `now`. They show a healthy host, an encoder refused for B-frames, an RTMPS
// encoder over the bitrate limit, and a replica that is not recorded. The town-hall stage's
// sessions are not here: they evolve with time (LiveShow).
struct DemoSessions {
    static DemoSessions sample(const QDateTime &now);

    QMap<QString, QList<QJsonObject>> sessionsByStage;       // ListStageSessions entries
    QMap<QString, QList<QJsonObject>> participantsBySession; // GetParticipant objects
    QMap<QString, QList<QJsonObject>> eventsByParticipant;   // key: session/participant
};

} // namespace demo
