#include "go_to_actions.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

namespace ui {

namespace {

QDockWidget *enclosingDock(QWidget *widget)
{
    for (QWidget *parent = widget; parent; parent = parent->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(parent))
            return dock;
    }
    return nullptr;
}

void goTo(QWidget *target)
{
    if (QDockWidget *dock = enclosingDock(target)) {
        dock->show();
        dock->raise(); // to the front of the docks tabbed with it
    }
    target->setFocus(Qt::ShortcutFocusReason);
}

} // namespace

void addGoToActions(QWidget &window, QMenu &menu, const QList<GoToTarget> &targets)
{
    for (const GoToTarget &target : targets) {
        auto *action = new QAction(target.text, &window);
        action->setObjectName(target.name);
        action->setShortcut(target.key);
        QWidget *focus = target.focus;
        QObject::connect(action, &QAction::triggered, focus, [focus] { goTo(focus); });
        menu.addAction(action);
        window.addAction(action);
    }
}

} // namespace ui
