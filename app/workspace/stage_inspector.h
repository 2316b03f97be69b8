#pragma once

#include "ivs/stage.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_resources.h"

#include <optional>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace ivs {
class IvsClient;
}
namespace model {
class EventsModel;
class FindingsModel;
class ParticipantsModel;
class SessionsModel;
} // namespace model
namespace document {
class StageDocument;
}

namespace workspace {

// Looks around the stage the document holds (its storage configuration, its sessions and their
// participants) and says what is wrong with it. The checks run whenever the document gets a stage:
// a lookup, a refresh, the re-read after applying edits. A session's participants and a
// participant's details and events are fetched when asked for. Every request belongs to the
// stage, session or participant it was made for, through a context object that is deleted when
// that changes: a late answer never lands on a newer stage.
class StageInspector final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultRefreshIntervalMs = 10000;

    StageInspector(ivs::IvsClient &client, document::StageDocument &document,
                   QObject *parent = nullptr);
    ~StageInspector() override;

    model::FindingsModel *findings() const { return m_findings; }
    model::SessionsModel *sessions() const { return m_sessions; }
    model::ParticipantsModel *participants() const { return m_participants; }
    model::EventsModel *events() const { return m_events; }

    QString stageArn() const; // of the stage inspected; empty when none
    QString stageName() const;
    bool isChecking() const { return m_pendingChecks > 0; }
    // "No problems found." or what needs attention ("1 error, 2 warnings, 1 note"); empty
    // before the first checks of a stage have finished.
    QString checksSummary() const;
    QString activeSessionId() const; // empty when no session is in progress
    // The stage inspected records no participant (it has no storage configuration).
    bool isRecordingOff() const;
    QString selectedSessionId() const { return m_selectedSession; }
    QString selectedParticipantId() const { return m_selectedParticipant; }

    // Reading the active session's participants, and the selected participant's events, again
    // every few seconds while a session is in progress. Off by default.
    bool autoRefresh() const { return m_autoRefresh; }
    void setAutoRefresh(bool on);
    int refreshInterval() const { return m_refreshTimer.interval(); }
    void setRefreshInterval(int milliseconds);
    bool isRefreshScheduled() const { return m_refreshTimer.isActive(); }

public slots:
    // Runs the checks and lists the sessions again for the document's stage.
    void recheck();
    // Lists the session's participants; an empty id selects none.
    void selectSession(const QString &sessionId);
    // Reads the participant's details and events, in the selected session.
    void selectParticipant(const QString &participantId);
    // Reads again what may have changed: the active session's participants (the checks follow)
    // and the selected participant's events.
    void refreshNow();

signals:
    void checksStarted(const QString &stageArn);
    void checksFinished(const QString &stageArn, const QString &summary, bool problems);
    // An empty `error` means success; otherwise it is ready to show.
    void sessionsLoaded(const QString &stageArn, const QString &error);
    void sessionSelected(const QString &sessionId);
    void participantsLoaded(const QString &sessionId, const QString &error);
    void participantSelected(const QString &participantId);
    void participantLoaded(const QString &participantId, const QString &error);
    void eventsLoaded(const QString &participantId, const QString &error);
    void cleared();
    void autoRefreshChanged(bool on);

private:
    void onStageReset();
    void start(const ivs::Stage &stage);
    void dropStage();
    void lookUpStorage();
    void useStorage(const ivs::StorageLookup &lookup);
    void listSessions();
    void listActiveParticipants(const QString &sessionId);
    void listParticipantsOf(const QString &sessionId);
    void useActiveParticipants(const QList<ivs::ParticipantSummary> &participants);
    void loadParticipant(const QString &participantId);
    void loadEvents(const QString &participantId);
    void lookUpFailedParticipantEvents();
    void finishCheck();
    void diagnose();
    void onStorageChoicesChanged();
    void updateRefreshTimer();

    struct CachedStorage {
        ivs::StorageLookup lookup;
        QDateTime fetchedAt;
    };

    ivs::IvsClient &m_client;
    document::StageDocument &m_document;
    model::FindingsModel *m_findings;
    model::SessionsModel *m_sessions;
    model::ParticipantsModel *m_participants;
    model::EventsModel *m_events;

    // Contexts of the requests in flight, each the parent of the next: deleting the stage's
    // drops everything asked about it.
    QPointer<QObject> m_stageContext;
    QPointer<QObject> m_sessionContext;     // the selected session's participants
    QPointer<QObject> m_participantContext; // the selected participant's details and events
    QPointer<QObject> m_refreshContext;     // the active session's participants, read again

    std::optional<ivs::Stage> m_stage;
    std::optional<ivs::StageArn> m_arn;
    ivs::StageSurroundings m_surroundings;
    bool m_activeParticipantsKnown = false;
    QSet<QString> m_failedEventsAsked; // participants whose recording failed, events asked for
    bool m_checked = false;
    int m_pendingChecks = 0;
    QString m_selectedSession;
    QString m_selectedParticipant;
    QHash<QString, CachedStorage> m_storageCache; // by storage configuration ARN
    bool m_autoRefresh = false;
    QTimer m_refreshTimer;
};

} // namespace workspace
