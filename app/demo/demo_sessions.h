#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace demo {

// Sessions, participants and their events for the demo stages, as the service would list them,
// timed relative to `now`. They show a healthy host, an encoder refused for B-frames, an RTMPS
// encoder over the bitrate limit, and a replica that is not recorded. Yesterday's session has a
// finished recording, a failed one and one whose prefix stayed empty. The town-hall stage's
// sessions are not here: they evolve with time (LiveShow).
struct DemoSessions {
    // What a participant's individual recording left in S3 (see DemoBuckets).
    struct Recording {
        enum class Kind { InProgress, Ended, Failed, Empty };
        Kind kind = Kind::Ended;
        QDateTime start;
        QDateTime end; // invalid while in progress
        bool thumbnails = true;
        QString failure; // recording_status_message of a failed one
    };

    static DemoSessions sample(const QDateTime &now);

    QMap<QString, QList<QJsonObject>> sessionsByStage;       // ListStageSessions entries
    QMap<QString, QList<QJsonObject>> participantsBySession; // GetParticipant objects
    QMap<QString, QList<QJsonObject>> eventsByParticipant;   // key: session/participant
    QMap<QString, Recording> recordingsByParticipant;        // key: session/participant
};

} // namespace demo
