#pragma once

#include "ivs/stage_resources.h"

#include <functional>
#include <QObject>

namespace ivs {

class IvsClient;
class Stage;

// Everything the checks need to know about a stage beyond GetStage: its storage configuration
// (when recording is on), its active session and that session's participants. The lookups run
// side by side; a failing one leaves its part empty (the storage lookup keeps its error, which is
// itself a finding).
void gatherSurroundings(IvsClient &client, const Stage &stage, QObject *context,
                        std::function<void(const StageSurroundings &)> done);

} // namespace ivs
