#pragma once

#include "ivs/browse_operations.h"
#include "ivs/service_error.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_resources.h"
#include "workspace/monitor_timeline.h"

#include <memory>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>

namespace ivs {
class IvsClient;
}

namespace workspace {

class MonitorTime;
class RequestBudget;

// A participant before and after a poll; `before` is empty for one seen for the first time.
struct ParticipantChange {
    std::optional<ivs::ParticipantSummary> before;
    ivs::ParticipantSummary after;
};

// Watches one stage during a show, for a window's live view or `watch` on the command line.
//
// Every interval (5 s by default) it reads ListStageSessions to find the session in progress,
// then ListParticipants for it, then ListParticipantEvents only for participants that are new or
// changed since the last poll (and, for their first 30 s, those connected but not publishing),
// plus a slow sweep of the others (each is read again about once a sweep interval, a minute by
// default, until it has left and its events were read after that). Every request waits its turn in
// a RequestBudget, so the monitor never sends more than the budget's rate in the stage's region. A
// poll that fails is tried again after the interval; a ThrottlingException, or a second failure in
// a row, doubles the wait each time (up to five minutes) and throttling also holds back the whole
// region's budget.
//
// When the session ends it says so (sessionEnded) and keeps reading only ListStageSessions, once
// an interval, to follow the next session on the stage (sessionStarted). pause() stops polling
// (the window does while minimised); resume() polls at once to catch up. The monitor is stale
// when its last successful poll is older than two intervals.
//
// The events of all participants are merged into one MonitorTimeline (see there for how
// duplicates are recognised and for the memory bound). The monitor owns no thread and never
// blocks: everything arrives through the client's callbacks and MonitorTime.
class LiveMonitor final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 5000;
    static constexpr int kMinIntervalMs = 1000;
    static constexpr int kMaxIntervalMs = 3600 * 1000;
    static constexpr int kDefaultSweepIntervalMs = 60 * 1000;
    static constexpr int kMaxBackoffMs = 5 * 60 * 1000;
    // A participant connected but not publishing is read every poll for this long after it was
    // first seen: a failed publish (PUBLISH_ERROR) changes nothing ListParticipants shows, and
    // it comes in the first seconds.
    static constexpr int kSettlingMs = 30 * 1000;

    // `time` and `budget` may be shared and must outlive the monitor; without them the monitor
    // uses the system clock and a budget of its own with the default rate.
    LiveMonitor(ivs::IvsClient &client, const ivs::StageArn &stage, MonitorTime *time = nullptr,
                RequestBudget *budget = nullptr, QObject *parent = nullptr);
    ~LiveMonitor() override;

    const ivs::StageArn &stage() const { return m_stage; }
    RequestBudget &budget() const { return *m_budget; }

    void setInterval(int milliseconds); // clamped to 1 s … 1 h
    int interval() const { return m_intervalMs; }
    void setSweepInterval(int milliseconds);
    int sweepInterval() const { return m_sweepIntervalMs; }
    void setTimelineCapacity(int events); // before start()

    void start();
    void stop();
    void pause();
    void resume();
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    bool isStale() const { return m_stale; }
    bool isPolling() const { return m_cycle != nullptr; }

    // The session watched; empty while none is in progress.
    QString sessionId() const { return m_sessionId; }
    // Its participants as last listed, by first join time.
    QList<ivs::ParticipantSummary> participants() const;
    const MonitorTimeline &timeline() const { return m_timeline; }
    // Why the last poll failed; empty after a successful one.
    const std::optional<ivs::ServiceError> &lastError() const { return m_lastError; }
    int consecutiveFailures() const { return m_consecutiveFailures; }
    // Delay before the next poll, as decided after the last one (backoff included).
    qint64 currentDelayMs() const { return m_currentDelayMs; }

    // DisconnectParticipant for `participantId` (check it and `reason` with
    // ivs::participantIdProblem and ivs::disconnectReasonProblem first). Sent at once: it is not
    // one of the list operations the budget paces. The outcome joins the timeline as an event the
    // monitor made (DISCONNECT_REQUESTED, or DISCONNECT_FAILED with the service's reason), and
    // the participant's events are read again at the next poll, which shows it leave.
    void disconnectParticipant(const QString &participantId, const QString &reason);

signals:
    void sessionStarted(const QString &sessionId, const QDateTime &startTime);
    void sessionEnded(const QString &sessionId, const QDateTime &endTime);
    // No session is in progress on the stage (at the first look, or after one ended).
    void waitingForSession();
    void participantsChanged(const QList<workspace::ParticipantChange> &changes);
    // New events, newest first; each event is announced once.
    void eventsAdded(const QList<workspace::MonitorEvent> &events);
    // A new failure (see MonitorEvent::failure), not from the backlog of a session joined late.
    void failure(const workspace::MonitorEvent &event);
    void staleChanged(bool stale);
    void error(const QString &message);
    // A poll is over, successful or not (for tests and measurements).
    void pollFinished();
    // The answer to disconnectParticipant(); `problem` is empty when it was disconnected.
    void disconnectFinished(const QString &participantId, const QString &problem);

private:
    struct Tracked {
        ivs::ParticipantSummary summary;
        bool needsEvents = true;
        bool eventsFinal = false; // left, and its events were read after that
        qint64 firstSeenMs = 0;
        qint64 eventsReadAtMs = -1;
    };
    struct Cycle;

    void schedulePoll(qint64 delayMs);
    void poll();
    void send(std::function<void(Cycle *cycle)> call);
    void onSessions(const ivs::SessionsResult &result);
    void listParticipantsOf(const QString &sessionId);
    void onParticipants(const ivs::ParticipantsResult &result);
    void fetchEvents(const QString &participantId);
    void onEvents(const QString &participantId, qint64 startedAtMs,
                  const ivs::EventsResult &result);
    void noteFailure(const ivs::ServiceError &error);
    void requestDone();
    void finishCycle();
    void adoptSession(const ivs::StageSessionSummary &session, bool joinedInProgress);
    void scheduleStaleCheck();
    void checkStale();

    ivs::IvsClient &m_client;
    ivs::StageArn m_stage;
    std::unique_ptr<MonitorTime> m_ownTime;
    MonitorTime *m_time;
    std::unique_ptr<RequestBudget> m_ownBudget;
    RequestBudget *m_budget;

    int m_intervalMs = kDefaultIntervalMs;
    int m_sweepIntervalMs = kDefaultSweepIntervalMs;
    bool m_running = false;
    bool m_paused = false;
    bool m_stale = false;
    quint64 m_generation = 0; // a scheduled poll of an older generation does nothing
    qint64 m_startedAtMs = 0;
    qint64 m_lastSuccessMs = -1;
    qint64 m_lastPollStartMs = -1;
    qint64 m_currentDelayMs = 0;
    int m_consecutiveFailures = 0;
    std::optional<ivs::ServiceError> m_lastError;

    bool m_firstLook = true;
    QString m_sessionId;
    bool m_backlog = false; // the session's first read is of a session joined in progress
    QMap<QString, Tracked> m_participants;
    MonitorTimeline m_timeline;
    Cycle *m_cycle = nullptr;
};

} // namespace workspace
