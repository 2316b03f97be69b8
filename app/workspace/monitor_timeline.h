#pragma once

#include "ivs/stage_resources.h"

#include <deque>
#include <QList>
#include <QSet>
#include <QString>

namespace workspace {

// One row of the live monitor's timeline: a participant's event with whom it is about.
struct MonitorEvent {
    QString sessionId;
    QString participantId;
    QString userId;
    ivs::ParticipantEvent event;
    QString explanation; // the error code in plain words; empty without a code
    // PUBLISH_ERROR, a LEFT that carries an error code (the service dropped the participant), or
    // a recording seen FAILED.
    bool failure = false;
    // Made by the monitor from what ListParticipants said (RECORDING_FAILED, stamped with the
    // time it was seen), not listed by ListParticipantEvents.
    bool observed = false;
    // Already there when the monitor first looked at a session it joined in progress.
    bool backlog = false;
};

// The name the monitor gives a recording it sees FAILED; the service has no event for it.
inline const QString kRecordingFailedEvent = QStringLiteral("RECORDING_FAILED");
// The names the monitor gives the outcome of a disconnect asked for from this app.
inline const QString kDisconnectRequestedEvent = QStringLiteral("DISCONNECT_REQUESTED");
inline const QString kDisconnectFailedEvent = QStringLiteral("DISCONNECT_FAILED");

// Whether `event` is one a producer must hear about (see MonitorEvent::failure).
bool isFailureEvent(const ivs::ParticipantEvent &event);

// The merged timeline of every participant's events, in event-time order, each event once.
//
// An event is identified by its participant, session, name, time, error code and remote
// participant: the same event listed again (every ListParticipantEvents answer repeats the whole
// list), a participant listed twice, or an event that turns up late with an earlier time never
// makes a second row; a late event takes its place by time.
//
// Memory is bounded: at most `capacity` events are kept (the oldest go first; 10,000 by default,
// a few MB), and the identities of at most 20 × `capacity` events are remembered to recognise
// repeats (8 bytes each, the oldest forgotten first).
class MonitorTimeline {
public:
    static constexpr int kDefaultCapacity = 10000;
    static constexpr int kRememberedPerEvent = 20;

    explicit MonitorTimeline(int capacity = kDefaultCapacity);

    // Adds the events not seen before and returns them, newest first.
    QList<MonitorEvent> add(const QList<MonitorEvent> &events);
    // Oldest first.
    const QList<MonitorEvent> &events() const { return m_events; }
    int capacity() const { return m_capacity; }
    qsizetype rememberedIdentities() const { return m_seen.size(); }
    void clear();

    // 64 bits of SHA-256 over the identifying fields.
    static quint64 identity(const MonitorEvent &event);

private:
    QList<MonitorEvent> m_events;
    QSet<quint64> m_seen;
    std::deque<quint64> m_seenOrder;
    int m_capacity;
};

} // namespace workspace
