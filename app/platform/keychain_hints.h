#pragma once

#include <QString>

namespace platform {

// What keychain error messages tell the user to do, in the words of this system.

// A sentence on how to get a keychain service to answer at all. Linux: start a Secret Service
// (gnome-keyring, KeePassXC) in a desktop session with a D-Bus session bus. macOS and Windows,
// whose keychains come with the system, say which one the app uses.
QString keychainServiceHint();

// The program in which the user unlocks or creates a keyring: "Passwords and Keys" on Linux,
// "Keychain Access" on macOS, "Credential Manager" on Windows.
QString keyringManagerName();

} // namespace platform
