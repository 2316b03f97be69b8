#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace demo {

// The demo's town-hall stage runs a show that evolves while you watch, so the live monitor can
// be tried with no account. Seconds after the demo server started:
//   0    viewer-1 is connected (since ten minutes before), subscribing only
//   5    host-maya joins and publishes over WHIP
//   15   guest-omar joins; at 18 the publish fails: PUBLISH_ERROR B_FRAME_PRESENT
//   30   obs-stage-cam joins over RTMPS and publishes
//   60   guest-omar leaves
//   75   guest-omar joins again with a fixed encoder and publishes
//   240  the session ends: everyone leaves
//   255  a new session starts: host-maya joins (256) and publishes (258)
// Everything is computed from the time asked about, so a test that moves the clock sees exactly
// the same show every time. DisconnectParticipant ends a participant early.
class LiveShow {
public:
    static const QString kStageArn;
    static const QString kFirstSessionId;

    explicit LiveShow(const QDateTime &origin = QDateTime::currentDateTimeUtc());

    const QDateTime &origin() const { return m_origin; }

    // ListStageSessions entries at `now`, newest first.
    QList<QJsonObject> sessions(const QDateTime &now) const;
    QString activeSessionId(const QDateTime &now) const;
    bool hasSession(const QString &sessionId, const QDateTime &now) const;
    // GetParticipant objects of `sessionId` at `now`.
    QList<QJsonObject> participants(const QString &sessionId, const QDateTime &now) const;
    // ListParticipantEvents entries, oldest first.
    QList<QJsonObject> events(const QString &sessionId, const QString &participantId,
                              const QDateTime &now) const;

    // DisconnectParticipant at `now`: false when the participant is not connected in the session
    // in progress.
    bool disconnect(const QString &participantId, const QDateTime &now);

private:
    struct Step {
        int session; // 0: the first session, 1: the next
        QString participantId;
        QString userId;
        QString protocol;
        qint64 atMs; // after the origin
        QString event;
        QString errorCode;
    };
    struct State {
        bool known = false;
        bool connected = false;
        bool published = false;
        QDateTime firstJoin;
        QString userId;
        QString protocol;
        QList<QJsonObject> events;
    };

    State stateAt(int session, const QString &participantId, const QDateTime &now) const;
    int sessionIndex(const QString &sessionId) const;
    QDateTime at(qint64 ms) const { return m_origin.addMSecs(ms); }

    QDateTime m_origin;
    QList<Step> m_steps;
    QHash<QString, QDateTime> m_disconnected; // by participant id: when DisconnectParticipant was
};

} // namespace demo
