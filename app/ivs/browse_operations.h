#pragma once

#include "ivs/service_error.h"
#include "ivs/stage_resources.h"
#include "ivs/stage_summary.h"

#include <functional>
#include <memory>
#include <optional>
#include <QObject>

namespace ivs {

class IvsClient;
class PagingBudget;
class StageArn;

struct StageListResult {
    QList<StageSummary> stages;
    std::optional<ServiceError> error; // stages fetched before it are kept
};

struct SessionsResult {
    QList<StageSessionSummary> sessions; // the active one first, then newest first
    std::optional<ServiceError> error;
};

struct ParticipantsResult {
    QList<ParticipantSummary> participants;
    std::optional<ServiceError> error;
};

struct ParticipantResult {
    std::optional<ParticipantSummary> participant;
    std::optional<ServiceError> error;
};

struct StorageConfigurationSummary {
    QString arn;
    QString name;
    QString bucketName;
};

struct ListStorageConfigurationsResult {
    QList<StorageConfigurationSummary> configurations;
    std::optional<ServiceError> error; // configurations fetched before it are kept
};

struct EventsResult {
    QList<ParticipantEvent> events; // oldest first
    std::optional<ServiceError> error;
};

// The read-only operations for browsing stages and looking into their sessions. Lists come back
// whole (every page, through fetchAllPages), in the order a producer wants to read them.
// `budget`, when given, bounds this listing together with the others sharing it (see
// fetchAllPages).
void listAllStages(IvsClient &client, const QString &region, QObject *context,
                   std::function<void(const StageListResult &)> done,
                   std::shared_ptr<PagingBudget> budget = {});
// The storage configurations in `region`, for the recording settings' picker.
void listStorageConfigurations(IvsClient &client, const QString &region, QObject *context,
                               std::function<void(const ListStorageConfigurationsResult &)> done);
void getStorageConfiguration(IvsClient &client, const QString &storageArn, QObject *context,
                             std::function<void(const StorageLookup &)> done);
void listStageSessions(IvsClient &client, const StageArn &stage, QObject *context,
                       std::function<void(const SessionsResult &)> done);
void listParticipants(IvsClient &client, const StageArn &stage, const QString &sessionId,
                      QObject *context, std::function<void(const ParticipantsResult &)> done);
void getParticipant(IvsClient &client, const StageArn &stage, const QString &sessionId,
                    const QString &participantId, QObject *context,
                    std::function<void(const ParticipantResult &)> done);
void listParticipantEvents(IvsClient &client, const StageArn &stage, const QString &sessionId,
                           const QString &participantId, QObject *context,
                           std::function<void(const EventsResult &)> done);

} // namespace ivs
