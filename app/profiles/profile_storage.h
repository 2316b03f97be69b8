#pragma once

#include "keychain/keychain_store.h"
#include "profiles/profile_repository.h"
#include "profiles/profile_store.h"

#include <QSettings>

namespace profiles {

// The app's profiles where the window and the command line both find them: non-secret data in
// the app's QSettings, secrets under the app's keychain service.
struct ProfileStorage {
    static constexpr const char *kKeychainService = "ivs-stage-browser";

    QSettings settings;
    ProfileStore store{settings};
    keychain::KeychainStore keychain{QString::fromLatin1(kKeychainService)};
    ProfileRepository repository{store, keychain};
};

} // namespace profiles
