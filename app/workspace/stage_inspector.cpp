#include "workspace/stage_inspector.h"

#include "document/stage_document.h"
#include "ivs/browse_operations.h"
#include "ivs/diagnostics.h"
#include "ivs/field_path.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_changes.h"
#include "model/events_model.h"
#include "model/findings_model.h"
#include "model/participants_model.h"
#include "model/sessions_model.h"

#include <QJsonObject>

namespace workspace {

namespace {

// Storage configurations cannot be changed, only deleted: a short memory spares a request per
// lookup without hiding a deletion for long.
constexpr qint64 kStorageCacheSeconds = 300;

QString storageArnOf(const ivs::Stage &stage)
{
    return stage.json()
        .value(QStringLiteral("autoParticipantRecordingConfiguration"))
        .toObject()
        .value(QStringLiteral("storageConfigurationArn"))
        .toString();
}

QString errorText(const std::optional<ivs::ServiceError> &error)
{
    return error ? error->userMessage() : QString();
}

} // namespace

StageInspector::StageInspector(ivs::IvsClient &client, document::StageDocument &document,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
    , m_findings(new model::FindingsModel(this))
    , m_sessions(new model::SessionsModel(this))
    , m_participants(new model::ParticipantsModel(this))
    , m_events(new model::EventsModel(this))
{
    m_refreshTimer.setInterval(kDefaultRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StageInspector::refreshNow);
    // The document is reset whenever it gets a stage, however it got it; edits do not reset it.
    connect(&m_document, &document::StageDocument::stageReset, this, &StageInspector::onStageReset);
    connect(&m_document, &document::StageDocument::findingsChanged, m_findings,
            [this] { m_findings->setFindings(m_document.findings()); });
    connect(&m_document, &document::StageDocument::storageChoicesChanged, this,
            &StageInspector::onStorageChoicesChanged);
    if (m_document.stage())
        start(*m_document.stage());
}

StageInspector::~StageInspector()
{
    delete m_stageContext.data();
}

QString StageInspector::stageArn() const
{
    return m_stage ? m_stage->arn() : QString();
}

QString StageInspector::stageName() const
{
    return m_stage ? m_stage->name() : QString();
}

QString StageInspector::activeSessionId() const
{
    return m_surroundings.activeSession ? m_surroundings.activeSession->sessionId : QString();
}

bool StageInspector::isRecordingOff() const
{
    return m_stage && ivs::EditableConfig::fromStage(*m_stage).recordingOff();
}

QString StageInspector::checksSummary() const
{
    if (!m_checked)
        return {};
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (const ivs::Finding &finding : m_document.findings()) {
        switch (finding.severity) {
        case ivs::Finding::Severity::Error:
            ++errors;
            break;
        case ivs::Finding::Severity::Warning:
            ++warnings;
            break;
        case ivs::Finding::Severity::Info:
            ++notes;
            break;
        }
    }
    // No translation file supplies English plurals, so both forms are spelt out.
    const QString notesText = notes == 1 ? tr("1 note") : tr("%1 notes").arg(notes);
    // Nothing wrong is not everything fine while nothing is recorded.
    if (errors == 0 && warnings == 0 && isRecordingOff())
        return tr("Recording is off; no other problems found (%1).").arg(notesText);
    if (errors == 0 && warnings == 0)
        return notes == 0 ? tr("No problems found.") : tr("No problems found (%1).").arg(notesText);
    QStringList parts;
    if (errors > 0)
        parts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    if (notes > 0)
        parts.append(notesText);
    return parts.join(QStringLiteral(", ")) + QLatin1Char('.');
}

void StageInspector::setAutoRefresh(bool on)
{
    if (m_autoRefresh == on)
        return;
    m_autoRefresh = on;
    updateRefreshTimer();
    emit autoRefreshChanged(on);
}

void StageInspector::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void StageInspector::onStageReset()
{
    if (m_document.stage()) {
        start(*m_document.stage());
    } else if (m_stage) {
        dropStage();
        emit cleared();
    }
}

void StageInspector::recheck()
{
    if (m_document.stage())
        start(*m_document.stage());
}

void StageInspector::dropStage()
{
    // Children go with it: the session's, the participant's and the refresh's contexts.
    delete m_stageContext.data();
    m_refreshTimer.stop();
    m_stage.reset();
    m_arn.reset();
    m_surroundings = {};
    m_activeParticipantsKnown = false;
    m_failedEventsAsked.clear();
    m_checked = false;
    m_pendingChecks = 0;
    m_selectedSession.clear();
    m_selectedParticipant.clear();
    if (!m_document.findings().isEmpty())
        m_document.setFindings({});
    m_sessions->clear();
    m_participants->clear();
    m_events->clear();
}

void StageInspector::start(const ivs::Stage &stage)
{
    dropStage();
    m_stage = stage;
    m_arn = ivs::StageArn::parse(stage.arn());
    m_stageContext = new QObject(this);
    // Held until this call has sent everything, and released from the event loop, so that the
    // checks never finish before the caller has seen them start.
    m_pendingChecks = 1;
    emit checksStarted(stage.arn());
    lookUpStorage();
    listSessions();
    QMetaObject::invokeMethod(
        m_stageContext, [this] { finishCheck(); }, Qt::QueuedConnection);
}

void StageInspector::lookUpStorage()
{
    const QString storageArn = storageArnOf(*m_stage);
    if (storageArn.isEmpty())
        return;
    const auto cached = m_storageCache.constFind(storageArn);
    if (cached != m_storageCache.cend() &&
        cached->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < kStorageCacheSeconds) {
        useStorage(cached->lookup);
        return;
    }
    ++m_pendingChecks;
    ivs::getStorageConfiguration(
        m_client, storageArn, m_stageContext, [this, storageArn](const ivs::StorageLookup &lookup) {
            // Only what was read is remembered: a refusal may be lifted any time.
            if (lookup.configuration)
                m_storageCache.insert(storageArn, {lookup, QDateTime::currentDateTimeUtc()});
            useStorage(lookup);
            finishCheck();
        });
}

void StageInspector::useStorage(const ivs::StorageLookup &lookup)
{
    m_surroundings.storage = lookup;
    if (lookup.configuration) {
        const ivs::StorageConfiguration &configuration = *lookup.configuration;
        const QString stageRegion = m_arn ? m_arn->region() : QString();
        const QString name = configuration.name.isEmpty() ? tr("(unnamed)") : configuration.name;
        const bool elsewhere = !stageRegion.isEmpty() && configuration.region() != stageRegion;
        // What matters most first: the Note column is often too narrow for all of it.
        const QString text =
            elsewhere
                ? tr("%1 is in %2, not in the stage's region %3: bucket %4")
                      .arg(name, configuration.region(), stageRegion, configuration.bucketName)
                : tr("%1: bucket %2 (%3)")
                      .arg(name, configuration.bucketName, configuration.region());
        const QString detail = tr("Storage configuration: %1\nS3 bucket: %2\nRegion: %3")
                                   .arg(name, configuration.bucketName, configuration.region());
        m_document.setAnnotation(ivs::fieldpath::kStorageConfigurationArn, text, detail, elsewhere);
        return;
    }
    if (!lookup.error)
        return;
    const ivs::ServiceError &error = *lookup.error;
    QString text;
    switch (error.category) {
    case ivs::ErrorCategory::NotFound:
        text = tr("storage configuration not found");
        break;
    case ivs::ErrorCategory::AccessDenied:
        text = tr("cannot read the storage configuration: access denied");
        break;
    default:
        text = tr("cannot read the storage configuration: %1").arg(error.summary);
        break;
    }
    m_document.setAnnotation(ivs::fieldpath::kStorageConfigurationArn, text, error.userMessage(),
                             true);
}

void StageInspector::listSessions()
{
    if (!m_arn)
        return;
    ++m_pendingChecks;
    ivs::listStageSessions(
        m_client, *m_arn, m_stageContext, [this](const ivs::SessionsResult &result) {
            m_sessions->setSessions(result.sessions);
            m_surroundings.sessionsError = result.error;
            const QList<ivs::StageSessionSummary> &sessions = m_sessions->sessions();
            if (!sessions.isEmpty() && sessions.constFirst().isActive()) {
                m_surroundings.activeSession = sessions.constFirst();
                listActiveParticipants(sessions.constFirst().sessionId);
            } else if (!sessions.isEmpty() && m_selectedSession.isEmpty()) {
                // Nothing live: the latest session is the likeliest to be asked about.
                selectSession(sessions.constFirst().sessionId);
            }
            emit sessionsLoaded(m_stage->arn(), errorText(result.error));
            updateRefreshTimer();
            finishCheck();
        });
}

void StageInspector::listActiveParticipants(const QString &sessionId)
{
    ++m_pendingChecks;
    ivs::listParticipants(m_client, *m_arn, sessionId, m_stageContext,
                          [this, sessionId](const ivs::ParticipantsResult &result) {
                              if (result.error)
                                  m_surroundings.sessionsError = result.error;
                              else
                                  useActiveParticipants(result.participants);
                              if (m_selectedSession.isEmpty())
                                  selectSession(sessionId);
                              finishCheck();
                          });
}

void StageInspector::useActiveParticipants(const QList<ivs::ParticipantSummary> &participants)
{
    m_surroundings.activeParticipants = participants;
    m_surroundings.sessionsError.reset();
    m_activeParticipantsKnown = true;
    if (m_selectedSession == activeSessionId() && m_sessionContext) {
        m_participants->setParticipants(participants);
        emit participantsLoaded(m_selectedSession, {});
    }
    const bool refreshAfterChecks = m_pendingChecks == 0;
    lookUpFailedParticipantEvents();
    // A refresh after the checks: they follow what the participants do now (once the events
    // of a newly failed recording are in, if any).
    if (refreshAfterChecks && m_pendingChecks == 0)
        diagnose();
}

// A failed recording's cause may be in the participant's events (its publishing failed): they
// are read as part of the checks, once per participant and stage.
void StageInspector::lookUpFailedParticipantEvents()
{
    const QString sessionId = activeSessionId();
    if (sessionId.isEmpty() || !m_arn || !m_stageContext)
        return;
    for (const ivs::ParticipantSummary &participant :
         std::as_const(m_surroundings.activeParticipants)) {
        const QString id = participant.participantId;
        if (participant.recordingState != QLatin1String("FAILED") || id.isEmpty() ||
            m_failedEventsAsked.contains(id))
            continue;
        m_failedEventsAsked.insert(id);
        ++m_pendingChecks;
        ivs::listParticipantEvents(m_client, *m_arn, sessionId, id, m_stageContext,
                                   [this, id](const ivs::EventsResult &result) {
                                       // Unread, the finding gives the usual causes instead.
                                       if (!result.error || !result.events.isEmpty())
                                           m_surroundings.failedParticipantEvents.insert(
                                               id, result.events);
                                       finishCheck();
                                   });
    }
}

void StageInspector::finishCheck()
{
    if (m_pendingChecks == 0 || --m_pendingChecks > 0)
        return;
    diagnose();
}

void StageInspector::diagnose()
{
    if (!m_stage)
        return;
    m_surroundings.storageConfigurationsInRegion = m_document.storageConfigurationsInRegion();
    m_document.setFindings(ivs::diagnoseStage(*m_stage, m_surroundings));
    m_checked = true;
    emit checksFinished(m_stage->arn(), checksSummary(), ivs::hasProblems(m_document.findings()));
}

// The storage picker's listing tells the checks whether the region has a configuration to
// choose; checks still running read it when they finish.
void StageInspector::onStorageChoicesChanged()
{
    if (!m_stage || !m_checked || m_pendingChecks > 0)
        return;
    ivs::StageSurroundings surroundings = m_surroundings;
    surroundings.storageConfigurationsInRegion = m_document.storageConfigurationsInRegion();
    if (ivs::diagnoseStage(*m_stage, surroundings) != m_document.findings())
        diagnose();
}

void StageInspector::selectSession(const QString &sessionId)
{
    if (sessionId == m_selectedSession && (m_sessionContext || sessionId.isEmpty()))
        return;
    delete m_sessionContext.data(); // and the participant's context with it
    m_selectedSession = sessionId;
    m_selectedParticipant.clear();
    m_participants->clear();
    m_events->clear();
    emit sessionSelected(sessionId);
    if (sessionId.isEmpty() || !m_arn || !m_stageContext)
        return;
    m_sessionContext = new QObject(m_stageContext);
    if (sessionId == activeSessionId() && m_activeParticipantsKnown) {
        m_participants->setParticipants(m_surroundings.activeParticipants);
        emit participantsLoaded(sessionId, {});
        return;
    }
    listParticipantsOf(sessionId);
}

void StageInspector::listParticipantsOf(const QString &sessionId)
{
    ivs::listParticipants(m_client, *m_arn, sessionId, m_sessionContext,
                          [this, sessionId](const ivs::ParticipantsResult &result) {
                              if (sessionId == activeSessionId() && !result.error) {
                                  useActiveParticipants(result.participants);
                                  return;
                              }
                              m_participants->setParticipants(result.participants);
                              emit participantsLoaded(sessionId, errorText(result.error));
                          });
}

void StageInspector::selectParticipant(const QString &participantId)
{
    if (participantId == m_selectedParticipant && (m_participantContext || participantId.isEmpty()))
        return;
    delete m_participantContext.data();
    m_selectedParticipant = participantId;
    m_events->clear();
    emit participantSelected(participantId);
    if (participantId.isEmpty() || !m_sessionContext)
        return;
    m_participantContext = new QObject(m_sessionContext);
    loadParticipant(participantId);
    loadEvents(participantId);
}

void StageInspector::loadParticipant(const QString &participantId)
{
    ivs::getParticipant(m_client, *m_arn, m_selectedSession, participantId, m_participantContext,
                        [this, participantId](const ivs::ParticipantResult &result) {
                            if (result.participant)
                                m_participants->updateParticipant(*result.participant);
                            emit participantLoaded(participantId, errorText(result.error));
                        });
}

void StageInspector::loadEvents(const QString &participantId)
{
    ivs::listParticipantEvents(m_client, *m_arn, m_selectedSession, participantId,
                               m_participantContext,
                               [this, participantId](const ivs::EventsResult &result) {
                                   if (!result.error || !result.events.isEmpty())
                                       m_events->setEvents(result.events);
                                   emit eventsLoaded(participantId, errorText(result.error));
                               });
}

void StageInspector::refreshNow()
{
    if (!m_arn || !m_stageContext)
        return;
    const QString active = activeSessionId();
    // One refresh at a time: a slow answer is not overtaken by the next tick's.
    if (!active.isEmpty() && !m_refreshContext) {
        auto *context = new QObject(m_stageContext);
        m_refreshContext = context;
        ivs::listParticipants(m_client, *m_arn, active, context,
                              [this, context, active](const ivs::ParticipantsResult &result) {
                                  context->deleteLater();
                                  m_refreshContext = nullptr;
                                  if (!result.error)
                                      useActiveParticipants(result.participants);
                                  else if (m_selectedSession == active)
                                      emit participantsLoaded(active, errorText(result.error));
                              });
    }
    // A session that has ended has nothing new to tell.
    if (!active.isEmpty() && m_selectedSession == active && !m_selectedParticipant.isEmpty() &&
        m_participantContext)
        loadEvents(m_selectedParticipant);
}

void StageInspector::updateRefreshTimer()
{
    const bool wanted = m_autoRefresh && m_stageContext && !activeSessionId().isEmpty();
    if (wanted && !m_refreshTimer.isActive())
        m_refreshTimer.start();
    else if (!wanted)
        m_refreshTimer.stop();
}

} // namespace workspace
