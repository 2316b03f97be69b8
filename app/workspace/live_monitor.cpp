#include "workspace/live_monitor.h"

#include "ivs/participant_actions.h"
#include "ivs/participant_events.h"
#include "workspace/monitor_time.h"
#include "workspace/request_budget.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QPointer>
#include <utility>

namespace workspace {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::LiveMonitor)
};

const QString kFailed = QStringLiteral("FAILED");
const QString kDisconnected = QStringLiteral("DISCONNECTED");

bool differs(const ivs::ParticipantSummary &a, const ivs::ParticipantSummary &b)
{
    return a.state != b.state || a.published != b.published ||
           a.recordingState != b.recordingState || a.replicationType != b.replicationType ||
           a.userId != b.userId;
}

bool byFirstJoin(const ivs::ParticipantSummary &a, const ivs::ParticipantSummary &b)
{
    if (a.firstJoinTime != b.firstJoinTime)
        return a.firstJoinTime < b.firstJoinTime;
    return a.participantId < b.participantId;
}

} // namespace

// One poll: the context every request of it belongs to, and what it has learnt so far.
struct LiveMonitor::Cycle : QObject {
    using QObject::QObject;
    qint64 startedAtMs = 0;
    int pending = 0;
    std::optional<ivs::ServiceError> error;
    bool throttled = false;
    bool readParticipants = false;
    QList<MonitorEvent> events;
    // Set when the session watched was seen ended: this poll is its last look.
    QString endedSessionId;
    QDateTime endTime;
    std::optional<ivs::StageSessionSummary> nextSession;
};

LiveMonitor::LiveMonitor(ivs::IvsClient &client, const ivs::StageArn &stage, MonitorTime *time,
                         RequestBudget *budget, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_stage(stage)
    , m_ownTime(time ? nullptr : std::make_unique<SystemMonitorTime>())
    , m_time(time ? time : m_ownTime.get())
    , m_ownBudget(budget ? nullptr : std::make_unique<RequestBudget>(*m_time))
    , m_budget(budget ? budget : m_ownBudget.get())
{
}

LiveMonitor::~LiveMonitor()
{
    stop();
}

void LiveMonitor::setInterval(int milliseconds)
{
    m_intervalMs = std::clamp(milliseconds, kMinIntervalMs, kMaxIntervalMs);
    // A steady monitor moves its next poll to the new cadence; one backing off keeps its wait.
    if (m_running && !m_paused && !m_cycle && m_lastPollStartMs >= 0 && m_consecutiveFailures == 0)
        schedulePoll(std::max<qint64>(0, m_lastPollStartMs + m_intervalMs - m_time->elapsedMs()));
}

void LiveMonitor::setSweepInterval(int milliseconds)
{
    m_sweepIntervalMs = std::max(milliseconds, kMinIntervalMs);
}

void LiveMonitor::setTimelineCapacity(int events)
{
    m_timeline = MonitorTimeline(events);
}

void LiveMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_paused = false;
    m_firstLook = true;
    m_startedAtMs = m_time->elapsedMs();
    m_lastSuccessMs = -1;
    schedulePoll(0);
    scheduleStaleCheck();
}

void LiveMonitor::stop()
{
    m_running = false;
    ++m_generation;
    // Its requests are aborted when it goes, and their answers ignored until then.
    if (m_cycle)
        m_cycle->deleteLater();
    m_cycle = nullptr;
}

void LiveMonitor::pause()
{
    if (!m_running || m_paused)
        return;
    m_paused = true;
    ++m_generation; // a poll under way finishes; no other starts
}

void LiveMonitor::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    if (!m_cycle)
        schedulePoll(0); // catch up at once
}

QList<ivs::ParticipantSummary> LiveMonitor::participants() const
{
    QList<ivs::ParticipantSummary> list;
    for (const Tracked &tracked : m_participants)
        list.append(tracked.summary);
    std::stable_sort(list.begin(), list.end(), byFirstJoin);
    return list;
}

void LiveMonitor::schedulePoll(qint64 delayMs)
{
    const quint64 generation = ++m_generation;
    m_time->runLater(delayMs, this, [this, generation] {
        if (generation == m_generation)
            poll();
    });
}

void LiveMonitor::poll()
{
    if (!m_running || m_paused || m_cycle)
        return;
    m_cycle = new Cycle(this);
    m_cycle->startedAtMs = m_time->elapsedMs();
    m_lastPollStartMs = m_cycle->startedAtMs;
    send([this](Cycle *cycle) {
        ivs::listStageSessions(m_client, m_stage, cycle,
                               [this, cycle](const ivs::SessionsResult &result) {
                                   if (cycle != m_cycle)
                                       return;
                                   onSessions(result);
                                   requestDone();
                               });
    });
}

void LiveMonitor::send(std::function<void(Cycle *cycle)> call)
{
    Cycle *cycle = m_cycle;
    ++cycle->pending;
    m_budget->acquire(m_stage.region(), cycle, [this, cycle, call = std::move(call)] {
        if (cycle == m_cycle) // not a poll stopped meanwhile
            call(cycle);
    });
}

void LiveMonitor::onSessions(const ivs::SessionsResult &result)
{
    if (result.error)
        return noteFailure(*result.error);
    const bool firstLook = std::exchange(m_firstLook, false);
    const ivs::StageSessionSummary *active = nullptr;
    const ivs::StageSessionSummary *watched = nullptr;
    for (const ivs::StageSessionSummary &session : result.sessions) {
        if (!active && session.isActive() && !session.sessionId.isEmpty())
            active = &session;
        if (!m_sessionId.isEmpty() && session.sessionId == m_sessionId)
            watched = &session;
    }
    if (!m_sessionId.isEmpty()) {
        if (!watched || !watched->isActive()) {
            // Ended, or gone from the list: one last look at who left and how.
            m_cycle->endedSessionId = m_sessionId;
            m_cycle->endTime = watched ? watched->endTime : m_time->wallClock();
            if (active)
                m_cycle->nextSession = *active;
        }
        return listParticipantsOf(m_sessionId);
    }
    if (active) {
        const QPointer<LiveMonitor> alive(this);
        adoptSession(*active, firstLook);
        if (!alive || !m_cycle) // stopped by whoever heard of the session
            return;
        return listParticipantsOf(m_sessionId);
    }
    if (firstLook)
        emit waitingForSession();
}

void LiveMonitor::adoptSession(const ivs::StageSessionSummary &session, bool joinedInProgress)
{
    m_sessionId = session.sessionId;
    m_participants.clear();
    m_backlog = joinedInProgress;
    emit sessionStarted(session.sessionId, session.startTime);
}

void LiveMonitor::listParticipantsOf(const QString &sessionId)
{
    send([this, sessionId](Cycle *cycle) {
        ivs::listParticipants(m_client, m_stage, sessionId, cycle,
                              [this, cycle](const ivs::ParticipantsResult &result) {
                                  if (cycle != m_cycle)
                                      return;
                                  onParticipants(result);
                                  requestDone();
                              });
    });
}

void LiveMonitor::onParticipants(const ivs::ParticipantsResult &result)
{
    if (result.error)
        return noteFailure(*result.error);
    m_cycle->readParticipants = true;
    // A participant listed twice (pages that shifted while they were read): the last one counts.
    QMap<QString, ivs::ParticipantSummary> listed;
    for (const ivs::ParticipantSummary &participant : result.participants) {
        if (!participant.participantId.isEmpty())
            listed.insert(participant.participantId, participant);
    }
    QList<ParticipantChange> changes;
    for (const ivs::ParticipantSummary &participant : std::as_const(listed)) {
        auto tracked = m_participants.find(participant.participantId);
        std::optional<ivs::ParticipantSummary> before;
        if (tracked == m_participants.end()) {
            Tracked fresh;
            fresh.summary = participant;
            fresh.firstSeenMs = m_time->elapsedMs();
            tracked = m_participants.insert(participant.participantId, fresh);
        } else if (differs(tracked->summary, participant)) {
            before = tracked->summary;
            tracked->summary = participant;
            tracked->needsEvents = true;
            tracked->eventsFinal = false;
        } else {
            continue;
        }
        changes.append({before, participant});
        if (participant.recordingState == kFailed &&
            (!before || before->recordingState != kFailed)) {
            MonitorEvent seen;
            seen.sessionId = m_sessionId;
            seen.participantId = participant.participantId;
            seen.userId = participant.userId;
            seen.event.name = kRecordingFailedEvent;
            seen.event.eventTime = m_time->wallClock();
            seen.explanation = Text::tr("The participant's recording failed: Amazon IVS could "
                                        "not record it to the stage's storage configuration.");
            seen.failure = true;
            seen.observed = true;
            seen.backlog = m_backlog;
            m_cycle->events.append(seen);
        }
    }
    if (!changes.isEmpty()) {
        const QPointer<LiveMonitor> alive(this);
        emit participantsChanged(changes);
        if (!alive || !m_cycle)
            return;
    }

    // Whose events to read: everyone new or changed or settling, then the longest unread of the
    // others.
    const qint64 now = m_time->elapsedMs();
    QStringList due;
    QList<const Tracked *> sweep;
    int unfinished = 0;
    for (const Tracked &tracked : std::as_const(m_participants)) {
        const bool settling = tracked.summary.state == QLatin1String("CONNECTED") &&
                              !tracked.summary.published && now - tracked.firstSeenMs < kSettlingMs;
        if (tracked.needsEvents || settling)
            due.append(tracked.summary.participantId);
        else if (!tracked.eventsFinal && now - tracked.eventsReadAtMs >= m_sweepIntervalMs)
            sweep.append(&tracked);
        unfinished += tracked.eventsFinal ? 0 : 1;
    }
    std::stable_sort(sweep.begin(), sweep.end(), [](const Tracked *a, const Tracked *b) {
        return a->eventsReadAtMs < b->eventsReadAtMs;
    });
    // Enough per poll that each is read about once a sweep interval, and at least one.
    const auto quota = std::max<qsizetype>(
        1, qsizetype(std::ceil(double(unfinished) * m_intervalMs / m_sweepIntervalMs)));
    for (qsizetype i = 0; i < sweep.size() && i < quota; ++i)
        due.append(sweep.at(i)->summary.participantId);
    for (const QString &participantId : std::as_const(due))
        fetchEvents(participantId);
}

void LiveMonitor::fetchEvents(const QString &participantId)
{
    const QString sessionId = m_sessionId;
    send([this, sessionId, participantId](Cycle *cycle) {
        const qint64 startedAt = m_time->elapsedMs();
        ivs::listParticipantEvents(
            m_client, m_stage, sessionId, participantId, cycle,
            [this, cycle, participantId, startedAt](const ivs::EventsResult &r) {
                if (cycle != m_cycle)
                    return;
                onEvents(participantId, startedAt, r);
                requestDone();
            });
    });
}

void LiveMonitor::onEvents(const QString &participantId, qint64 startedAtMs,
                           const ivs::EventsResult &result)
{
    if (result.error)
        return noteFailure(*result.error); // still due: read again next poll
    const auto tracked = m_participants.find(participantId);
    if (tracked == m_participants.end())
        return;
    for (const ivs::ParticipantEvent &event : result.events) {
        MonitorEvent row;
        row.sessionId = m_sessionId;
        row.participantId = participantId;
        row.userId = tracked->summary.userId;
        row.event = event;
        row.explanation = ivs::explainErrorCode(event.errorCode);
        row.failure = isFailureEvent(event);
        row.backlog = m_backlog;
        m_cycle->events.append(row);
    }
    tracked->needsEvents = false;
    tracked->eventsReadAtMs = startedAtMs;
    tracked->eventsFinal = tracked->summary.state == kDisconnected;
}

void LiveMonitor::disconnectParticipant(const QString &participantId, const QString &reason)
{
    const QString sessionId = m_sessionId;
    const QString userId = m_participants.value(participantId).summary.userId;
    ivs::disconnectParticipant(
        m_client, m_stage, participantId, reason, this,
        [this, participantId, userId, sessionId, reason](const ivs::DisconnectResult &result) {
            MonitorEvent row;
            row.sessionId = sessionId;
            row.participantId = participantId;
            row.userId = userId;
            row.event.eventTime = m_time->wallClock();
            row.observed = true;
            if (result.error) {
                row.event.name = kDisconnectFailedEvent;
                row.explanation = Text::tr("Disconnecting from this app failed: %1")
                                      .arg(result.error->userMessage());
            } else {
                row.event.name = kDisconnectRequestedEvent;
                row.explanation =
                    reason.isEmpty()
                        ? Text::tr("Disconnected from this app; its token is revoked.")
                        : Text::tr("Disconnected from this app (reason: \"%1\"); its token is "
                                   "revoked.")
                              .arg(reason);
                if (const auto tracked = m_participants.find(participantId);
                    tracked != m_participants.end()) {
                    tracked->needsEvents = true;
                    tracked->eventsFinal = false;
                }
            }
            const QPointer<LiveMonitor> alive(this);
            if (const QList<MonitorEvent> fresh = m_timeline.add({row}); !fresh.isEmpty())
                emit eventsAdded(fresh);
            if (alive)
                emit disconnectFinished(participantId,
                                        result.error ? result.error->userMessage() : QString());
        });
}

void LiveMonitor::noteFailure(const ivs::ServiceError &error)
{
    // The last look at an ended session that has gone meanwhile is no failure.
    if (!m_cycle->endedSessionId.isEmpty() && error.category == ivs::ErrorCategory::NotFound)
        return;
    if (!m_cycle->error)
        m_cycle->error = error;
    if (error.category == ivs::ErrorCategory::Throttling)
        m_cycle->throttled = true;
}

void LiveMonitor::requestDone()
{
    if (m_cycle && --m_cycle->pending == 0)
        finishCycle();
}

void LiveMonitor::finishCycle()
{
    Cycle *cycle = m_cycle;
    m_cycle = nullptr;
    cycle->deleteLater(); // this runs inside the answer to one of its requests
    const QPointer<LiveMonitor> alive(this);

    const QList<MonitorEvent> fresh = m_timeline.add(cycle->events);
    if (!fresh.isEmpty())
        emit eventsAdded(fresh);
    for (auto it = fresh.crbegin(); alive && it != fresh.crend(); ++it) {
        if (it->failure && !it->backlog)
            emit failure(*it);
    }
    if (!alive)
        return;

    qint64 delay = m_intervalMs;
    if (cycle->error) {
        ++m_consecutiveFailures;
        m_lastError = cycle->error;
        if (cycle->throttled || m_consecutiveFailures >= 2) {
            const int doublings =
                std::min(cycle->throttled ? m_consecutiveFailures : m_consecutiveFailures - 1, 16);
            delay = std::min<qint64>(qint64(m_intervalMs) << doublings, kMaxBackoffMs);
        }
        if (cycle->throttled)
            m_budget->holdOff(m_stage.region(), delay);
    } else {
        m_consecutiveFailures = 0;
        m_lastError.reset();
        m_lastSuccessMs = cycle->startedAtMs;
        if (cycle->readParticipants)
            m_backlog = false;
        if (m_stale) {
            m_stale = false;
            emit staleChanged(false);
        }
        scheduleStaleCheck();
    }
    m_currentDelayMs = delay;
    if (alive && cycle->error)
        emit error(cycle->error->oneLine());

    if (alive && !cycle->endedSessionId.isEmpty()) {
        m_sessionId.clear();
        emit sessionEnded(cycle->endedSessionId, cycle->endTime);
        if (alive && cycle->nextSession) {
            adoptSession(*cycle->nextSession, false);
            delay = 0; // the new session is read at once
        } else if (alive) {
            emit waitingForSession();
        }
    }
    if (!alive)
        return;
    emit pollFinished();
    if (!alive || !m_running || m_paused)
        return;
    const qint64 now = m_time->elapsedMs();
    // A steady cadence from the start of each poll; a backoff counts from now.
    schedulePoll(cycle->error ? delay : std::max<qint64>(0, cycle->startedAtMs + delay - now));
}

void LiveMonitor::scheduleStaleCheck()
{
    const qint64 reference = m_lastSuccessMs >= 0 ? m_lastSuccessMs : m_startedAtMs;
    const qint64 due = reference + 2 * qint64(m_intervalMs) + 1;
    m_time->runLater(std::max<qint64>(0, due - m_time->elapsedMs()), this,
                     [this] { checkStale(); });
}

void LiveMonitor::checkStale()
{
    if (!m_running)
        return;
    const qint64 reference = m_lastSuccessMs >= 0 ? m_lastSuccessMs : m_startedAtMs;
    const bool stale = m_time->elapsedMs() - reference > 2 * qint64(m_intervalMs);
    if (stale == m_stale)
        return;
    m_stale = stale;
    emit staleChanged(stale);
}

} // namespace workspace
