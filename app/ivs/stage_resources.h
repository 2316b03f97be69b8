#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace ivs {

// GetStorageConfiguration's answer, reduced to what the app shows and checks.
struct StorageConfiguration {
    QString arn;
    QString name;
    QString bucketName;
    QString region() const; // the 4th field of the ARN
};

// Said where a storage configuration is to be chosen but the stage's region has none: that there
// is none in `region`, and how to create one.
QString noStorageConfigurationIn(const QString &region);

// What became of a GetStorageConfiguration call: the configuration, or why it could not be read.
struct StorageLookup {
    std::optional<StorageConfiguration> configuration;
    std::optional<ServiceError> error;
};

// One entry of ListStageSessions.
struct StageSessionSummary {
    QString sessionId;
    QDateTime startTime;
    QDateTime endTime; // invalid while the session is active
    bool isActive() const { return !endTime.isValid(); }
};

// One entry of ListParticipants (plus GetParticipant's details once fetched).
struct ParticipantSummary {
    QString participantId;
    QString userId;
    QString state; // CONNECTED | DISCONNECTED
    bool published = false;
    QString recordingState;  // STARTING | ACTIVE | STOPPING | STOPPED | FAILED | DISABLED
    QString replicationType; // SOURCE | REPLICA | NONE ("" when the service did not say)
    QDateTime firstJoinTime;
    // From GetParticipant:
    QString protocol; // UNKNOWN | WHIP | RTMP | RTMPS
    QString recordingS3BucketName;
    QString recordingS3Prefix;
    bool isReplica() const { return replicationType == QLatin1String("REPLICA"); }
};

// One entry of ListParticipantEvents.
struct ParticipantEvent {
    QString name; // JOINED, LEFT, PUBLISH_STARTED, PUBLISH_ERROR, JOIN_ERROR, …
    QDateTime eventTime;
    QString errorCode; // B_FRAME_PRESENT, BITRATE_EXCEEDED, … ("" when none)
    QString remoteParticipantId;
};

// What the checks look at: the stage plus what could be learnt about its surroundings.
struct StageSurroundings {
    std::optional<StorageLookup> storage; // absent: not looked up (recording off)
    std::optional<StageSessionSummary> activeSession;
    QList<ParticipantSummary> activeParticipants; // of the active session, if fetched
    // Why sessions or participants could not be read; the session checks were then skipped.
    std::optional<ServiceError> sessionsError;
    // How many storage configurations the stage's region has; absent when they were not listed.
    std::optional<int> storageConfigurationsInRegion;
    // The events of each participant whose recording failed (by participant ID), when read: they
    // tell a publishing failure (nothing to record) from a storage one.
    QMap<QString, QList<ParticipantEvent>> failedParticipantEvents;
};

} // namespace ivs
