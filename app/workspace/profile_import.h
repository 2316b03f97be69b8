#pragma once

#include "workspace/profile_types.h"

#include <QList>

namespace aws {
class SharedConfig;
}
namespace profiles {
class ProfileStore;
}

namespace workspace {

// Every profile of the AWS CLI's files, each saying whether its keys can be copied into the
// keychain and, when not, why.
QList<ImportCandidate> importCandidates(const aws::SharedConfig &shared,
                                        const profiles::ProfileStore &keychainProfiles);

} // namespace workspace
