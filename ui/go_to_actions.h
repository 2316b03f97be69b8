#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QMenu;
class QWidget;

namespace ui {

// A part of the window the keyboard can jump to.
struct GoToTarget {
    QWidget *focus;   // what gets the keyboard focus
    QString text;     // the menu entry, with its mnemonic
    QString name;     // the action's object name
    QKeySequence key; // its shortcut
};

// Adds to `menu`, and to `window` so they work while the menu bar is hidden, one action per
// target that moves the focus there. A target in a dock that was closed or tabbed away is shown
// and raised first: a panel is one key press away whatever the layout.
void addGoToActions(QWidget &window, QMenu &menu, const QList<GoToTarget> &targets);

} // namespace ui
