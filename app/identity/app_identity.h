#pragma once

#include <QString>

namespace identity {

// The reverse-DNS id shared by the desktop file, the AppStream metadata, the icon and the
// settings directory.
QString appId();
// The program's name: in --version, in the window class and as the settings file's name. The
// keychain service keeps this name too (profiles::ProfileStorage), so it must not change.
QString programName();
QString version();
// Resource path of the application icon (an SVG compiled into ivs_ui).
QString iconResource();

// Makes the application known by the above, for the window and the command line alike; the
// settings live in a directory named by appId(). Call right after the Q*Application exists.
void applyAppIdentity();
// Settings saved under the earlier organization name are copied to the new place, once (see
// copyLegacySettings). Call after applyAppIdentity(), before the settings are read.
void carryOverLegacySettings();
// The settings file holds access key IDs, profile names and recent ARNs: it is made readable by
// its owner only (0600, in a 0700 directory), before anything is written to it. Rewrites keep
// that mode. Returns false when the file or its directory could not be made so.
bool protectSettingsFile();

} // namespace identity
