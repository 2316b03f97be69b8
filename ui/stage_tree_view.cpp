#include "stage_tree_view.h"

#include "model/stage_tree_model.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QToolButton>

namespace ui {

using model::StageTreeModel;

StageTreeView::StageTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &StageTreeView::copyCurrent);
    addAction(copy);
}

void StageTreeView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QTreeView::setModel(model);
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, &StageTreeView::afterReset);
    afterReset();
}

void StageTreeView::afterReset()
{
    if (!model())
        return;
    expandAll();
    resizeColumnToContents(StageTreeModel::FieldColumn);
    // Long ARNs should be readable whole, without pushing the notes off screen.
    resizeColumnToContents(StageTreeModel::ValueColumn);
    header()->resizeSection(
        StageTreeModel::ValueColumn,
        std::clamp(header()->sectionSize(StageTreeModel::ValueColumn), 360, 640));
    addEndpointCopyButtons({});
}

void StageTreeView::addEndpointCopyButtons(const QModelIndex &parent)
{
    for (int row = 0; row < model()->rowCount(parent); ++row) {
        const QModelIndex field = model()->index(row, StageTreeModel::FieldColumn, parent);
        const QString value = field.data(StageTreeModel::CopyTextRole).toString();
        if (field.data(StageTreeModel::IsEndpointRole).toBool() && !value.isEmpty()) {
            // A holder keeps the button at its natural size, left-aligned in the cell.
            auto *holder = new QWidget;
            auto *layout = new QHBoxLayout(holder);
            layout->setContentsMargins(0, 0, 0, 0);
            auto *button = new QToolButton(holder);
            button->setText(tr("Copy"));
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setAutoRaise(true);
            button->setToolTip(tr("Copy the %1 endpoint").arg(field.data().toString()));
            button->setObjectName(QStringLiteral("copy-") + field.data().toString());
            layout->addWidget(button);
            layout->addStretch(1);
            const QPersistentModelIndex persistent(field);
            connect(button, &QToolButton::clicked, this, [this, persistent] {
                if (persistent.isValid())
                    copyRow(persistent);
            });
            setIndexWidget(field.siblingAtColumn(StageTreeModel::NoteColumn), holder);
        }
        addEndpointCopyButtons(field);
    }
}

bool StageTreeView::copyCurrent()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return false;
    copyRow(current);
    return true;
}

void StageTreeView::copyRow(const QModelIndex &index)
{
    const QModelIndex field = index.siblingAtColumn(StageTreeModel::FieldColumn);
    QApplication::clipboard()->setText(field.data(StageTreeModel::CopyTextRole).toString());
    const bool group = model()->hasChildren(field) ||
                       field.data(StageTreeModel::JsonValueRole).value<QJsonValue>().isObject();
    emit copied(group ? tr("Copied %1 as JSON").arg(field.data().toString())
                      : tr("Copied %1").arg(field.data().toString()));
}

void StageTreeView::copyFieldName(const QModelIndex &index)
{
    const QModelIndex field = index.siblingAtColumn(StageTreeModel::FieldColumn);
    QApplication::clipboard()->setText(field.data(StageTreeModel::FieldPathRole).toString());
    emit copied(tr("Copied the path of %1").arg(field.data().toString()));
}

void StageTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    const QModelIndex field = index.siblingAtColumn(StageTreeModel::FieldColumn);
    const bool group = field.data(StageTreeModel::JsonValueRole).value<QJsonValue>().isObject();

    QMenu menu(this);
    QAction *copyValue = menu.addAction(group ? tr("Copy as &JSON") : tr("&Copy Value"));
    copyValue->setShortcut(QKeySequence::Copy);
    connect(copyValue, &QAction::triggered, this, [this, field] { copyRow(field); });
    QAction *copyPath = menu.addAction(tr("Copy Field &Path"));
    connect(copyPath, &QAction::triggered, this, [this, field] { copyFieldName(field); });
    menu.exec(event->globalPos());
}

} // namespace ui
