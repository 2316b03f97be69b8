#pragma once

#include "keychain/keychain_store.h"

#include <qt6keychain/keychain.h>

namespace keychain {

// QtKeychain reports most failures as OtherError with a backend message; this sorts them into
// what the user can act on (see the measured table in the design notes).
KeychainError classifyKeychainError(QKeychain::Error error, const QString &backendMessage);
KeychainError keychainTimeout(int timeoutMs);

} // namespace keychain
