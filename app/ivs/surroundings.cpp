#include "ivs/surroundings.h"

#include "ivs/browse_operations.h"
#include "ivs/stage.h"
#include "ivs/stage_arn.h"

#include <memory>
#include <QJsonObject>

namespace ivs {

namespace {

// Counts down the lookups still running; the last one to finish delivers the result.
struct Gathering {
    StageSurroundings surroundings;
    int pending = 0;
    std::function<void(const StageSurroundings &)> done;

    void finishOne()
    {
        if (--pending == 0)
            done(surroundings);
    }
};

// The events of each participant whose recording failed: they may show why (its publishing
// failed, so nothing was recorded).
void readFailedParticipantEvents(IvsClient &client, const StageArn &stage, const QString &sessionId,
                                 QObject *context, const std::shared_ptr<Gathering> &gathering)
{
    for (const ParticipantSummary &participant : gathering->surroundings.activeParticipants) {
        if (participant.recordingState != QLatin1String("FAILED") ||
            participant.participantId.isEmpty())
            continue;
        ++gathering->pending;
        const QString id = participant.participantId;
        listParticipantEvents(
            client, stage, sessionId, id, context, [gathering, id](const EventsResult &events) {
                if (!events.error || !events.events.isEmpty())
                    gathering->surroundings.failedParticipantEvents.insert(id, events.events);
                gathering->finishOne();
            });
    }
}

} // namespace

void gatherSurroundings(IvsClient &client, const Stage &stage, QObject *context,
                        std::function<void(const StageSurroundings &)> done)
{
    auto gathering = std::make_shared<Gathering>();
    gathering->done = std::move(done);
    const auto arn = StageArn::parse(stage.arn());
    const QString storageArn = stage.json()
                                   .value(QStringLiteral("autoParticipantRecordingConfiguration"))
                                   .toObject()
                                   .value(QStringLiteral("storageConfigurationArn"))
                                   .toString();
    gathering->pending = 1 + (storageArn.isEmpty() ? 0 : 1) + (arn ? 1 : 0);

    if (!storageArn.isEmpty())
        getStorageConfiguration(client, storageArn, context,
                                [gathering](const StorageLookup &lookup) {
                                    gathering->surroundings.storage = lookup;
                                    gathering->finishOne();
                                });
    if (arn) {
        const StageArn stageArn = *arn;
        listStageSessions(
            client, stageArn, context,
            [&client, gathering, stageArn, context](const SessionsResult &sessions) {
                if (sessions.error)
                    gathering->surroundings.sessionsError = sessions.error;
                if (sessions.sessions.isEmpty() || !sessions.sessions.constFirst().isActive())
                    return gathering->finishOne();
                const StageSessionSummary active = sessions.sessions.constFirst();
                gathering->surroundings.activeSession = active;
                listParticipants(
                    client, stageArn, active.sessionId, context,
                    [&client, gathering, stageArn, context,
                     sessionId = active.sessionId](const ParticipantsResult &participants) {
                        if (participants.error)
                            gathering->surroundings.sessionsError = participants.error;
                        gathering->surroundings.activeParticipants = participants.participants;
                        readFailedParticipantEvents(client, stageArn, sessionId, context,
                                                    gathering);
                        gathering->finishOne();
                    });
            });
    }
    // Queued, so the result never arrives before this call returns even when nothing is looked up.
    QMetaObject::invokeMethod(
        context, [gathering] { gathering->finishOne(); }, Qt::QueuedConnection);
}

} // namespace ivs
