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
                listParticipants(client, stageArn, active.sessionId, context,
                                 [gathering](const ParticipantsResult &participants) {
                                     if (participants.error)
                                         gathering->surroundings.sessionsError = participants.error;
                                     gathering->surroundings.activeParticipants =
                                         participants.participants;
                                     gathering->finishOne();
                                 });
            });
    }
    // Queued, so the result never arrives before this call returns even when nothing is looked up.
    QMetaObject::invokeMethod(
        context, [gathering] { gathering->finishOne(); }, Qt::QueuedConnection);
}

} // namespace ivs
