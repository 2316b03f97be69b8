#pragma once

#include "session/profile_types.h"

#include <QList>

namespace aws {
class SharedConfig;
}
namespace profiles {
class ProfileStore;
}

namespace session {

// Every profile of the AWS CLI's files, each saying whether its keys can be copied into the
// keychain and, when not, why.
QList<ImportCandidate> importCandidates(const aws::SharedConfig &shared,
                                        const profiles::ProfileStore &keychainProfiles);

} // namespace session
