#pragma once

#include <QIcon>
#include <QList>
#include <QPointer>

class QAction;
class QPalette;

namespace ui {

// Icons for toolbars and menus. The desktop's icon theme comes first: its icons follow its own
// light or dark variant. Where it has none, the app's SVG (`fallback`, a resource path; drawn in
// black) is rendered in `palette`'s button-text colour at each size a toolbar or menu may ask for,
// so the icon is sharp at 200 % and readable on a dark palette.
QIcon themedIcon(const QString &themeName, const QString &fallback, const QPalette &palette);

// The themed icons of some actions, drawn again when the palette or the icon theme changes:
// an icon drawn for a light palette would be black on black after a switch to a dark one.
class ThemedActionIcons {
public:
    void set(QAction *action, const QString &themeName, const QString &fallback,
             const QPalette &palette);
    void redraw(const QPalette &palette);

private:
    struct Entry {
        QPointer<QAction> action;
        QString themeName;
        QString fallback;
    };
    QList<Entry> m_entries;
};

} // namespace ui
