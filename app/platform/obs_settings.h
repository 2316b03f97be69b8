#pragma once

#include <QStringList>

namespace platform {

// The folders where OBS Studio may keep its settings on this system, the likeliest first. Each
// profile's stream settings are in <folder>/basic/profiles/<Profile>/service.json.
//   Linux    $XDG_CONFIG_HOME/obs-studio (~/.config/obs-studio), then the Flatpak build's
//            ~/.var/app/com.obsproject.Studio/config/obs-studio
//   macOS    ~/Library/Application Support/obs-studio
//   Windows  %APPDATA%\obs-studio
// The folders need not exist: OBS may not be set up here.
QStringList obsSettingsFolders();

} // namespace platform
