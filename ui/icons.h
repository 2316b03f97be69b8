#pragma once

#include <QIcon>

class QPalette;

namespace ui {

// Icons for toolbars and menus. The desktop's icon theme comes first: its icons follow its own
// light or dark variant. Where it has none, the app's SVG (`fallback`, a resource path; drawn in
// black) is rendered in `palette`'s button-text colour at each size a toolbar or menu may ask for,
// so the icon is sharp at 200 % and readable on a dark palette.
QIcon themedIcon(const QString &themeName, const QString &fallback, const QPalette &palette);

} // namespace ui
