#pragma once

#include "ivs/service_error.h"

#include <functional>
#include <optional>
#include <QObject>
#include <QString>

namespace ivs {

class IvsClient;
class StageArn;

// DisconnectParticipant's limit on the reason, in characters.
inline constexpr int kMaxDisconnectReasonLength = 128;
// The longest participant id accepted before asking the service (ids IVS assigns are far
// shorter; the limit only keeps nonsense from being sent).
inline constexpr int kMaxParticipantIdLength = 128;

// Why `participantId` cannot name a participant (empty, too long, spaces or control characters);
// empty when it can.
QString participantIdProblem(const QString &participantId);
// Why `reason` cannot be sent (over 128 characters, control characters); empty when it can.
QString disconnectReasonProblem(const QString &reason);

struct DisconnectResult {
    std::optional<ServiceError> error; // empty: the participant was disconnected
};

// DisconnectParticipant: disconnects the participant from the stage's session and revokes its
// token; an empty `reason` is left out of the request. Check the input with the functions above
// first: this sends what it is given.
void disconnectParticipant(IvsClient &client, const StageArn &stage, const QString &participantId,
                           const QString &reason, QObject *context,
                           std::function<void(const DisconnectResult &)> done);

} // namespace ivs
