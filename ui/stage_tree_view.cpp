#include "stage_tree_view.h"

#include "model/stage_tree_model.h"
#include "model/subtree_json.h"
#include "stage_field_delegate.h"

#include <algorithm>
#include <functional>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

namespace ui {

using model::StageTreeModel;

namespace {

const QString kTagsPath = QStringLiteral("tags");

bool isTagRow(const QModelIndex &index)
{
    return index.isValid() && index.siblingAtColumn(StageTreeModel::FieldColumn)
                                      .parent()
                                      .data(StageTreeModel::FieldPathRole) == kTagsPath;
}

bool isTagsGroup(const QModelIndex &index)
{
    return index.isValid() &&
           index.siblingAtColumn(StageTreeModel::FieldColumn).data(StageTreeModel::FieldPathRole) ==
               kTagsPath;
}

bool isEditableValue(const QModelIndex &index)
{
    return index.siblingAtColumn(StageTreeModel::ValueColumn)
        .data(StageTreeModel::IsEditableRole)
        .toBool();
}

} // namespace

StageTreeView::StageTreeView(QWidget *parent)
    : QTreeView(parent)
    , m_delegate(new StageFieldDelegate(this))
    , m_copyAction(new QAction(tr("&Copy Value"), this))
    , m_copyJsonAction(new QAction(tr("Copy Row as &JSON"), this))
{
    setAccessibleName(tr("Stage fields"));
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setItemDelegateForColumn(StageTreeModel::ValueColumn, m_delegate);
    connect(m_delegate, &StageFieldDelegate::valueRefused, this, &StageTreeView::reopenRefused);

    m_copyAction->setObjectName(QStringLiteral("copyValueAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the selected value, or a group as JSON"));
    connect(m_copyAction, &QAction::triggered, this, &StageTreeView::copyCurrent);
    addAction(m_copyAction);
    m_copyJsonAction->setObjectName(QStringLiteral("copyJsonAction"));
    m_copyJsonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyJsonAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyJsonAction->setToolTip(
        tr("Copy the selected row and everything under it as JSON, named by its field"));
    connect(m_copyJsonAction, &QAction::triggered, this, &StageTreeView::copyCurrentAsJson);
    addAction(m_copyJsonAction);

    // Only while the tree itself has focus: in an open editor, Delete deletes a character.
    auto *deleteTag = new QAction(tr("&Delete Tag"), this);
    deleteTag->setShortcut(QKeySequence::Delete);
    deleteTag->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteTag, &QAction::triggered, this, &StageTreeView::deleteCurrentTag);
    addAction(deleteTag);
}

void StageTreeView::setEditingEnabled(bool enabled)
{
    m_editingEnabled = enabled;
}

bool StageTreeView::edit(const QModelIndex &index, EditTrigger trigger, QEvent *event)
{
    if (!m_editingEnabled || !index.isValid())
        return false;
    const QModelIndex value = index.siblingAtColumn(StageTreeModel::ValueColumn);
    if (!QTreeView::edit(value, trigger, event))
        return false;
    m_edited = value;
    return true;
}

void StageTreeView::commitOpenEditor()
{
    QWidget *editor = m_edited.isValid() ? indexWidget(m_edited) : nullptr;
    if (!editor)
        return;
    commitData(editor);
    closeEditor(editor, QAbstractItemDelegate::NoHint);
}

void StageTreeView::reopenRefused(const QModelIndex &index, const QString &typed, bool keptInEditor)
{
    emit valueRefused(index.siblingAtColumn(StageTreeModel::FieldColumn).data().toString(), typed,
                      keptInEditor);
    if (!keptInEditor)
        return;
    // The refused editor is still closing; the new one opens once it is gone.
    const QPersistentModelIndex row(index);
    QTimer::singleShot(0, this, [this, row] {
        if (row.isValid()) {
            setCurrentIndex(row);
            QTreeView::edit(row);
        }
    });
}

QString StageTreeView::currentTagKey() const
{
    const QModelIndex current = currentIndex();
    if (!isTagRow(current) || !isEditableValue(current))
        return {};
    return current.siblingAtColumn(StageTreeModel::FieldColumn).data().toString();
}

void StageTreeView::deleteCurrentTag()
{
    const QString key = currentTagKey();
    if (m_editingEnabled && !key.isEmpty())
        emit deleteTagRequested(key);
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
    // An edited row's name is drawn in bold: it must still fit then.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics regular(font());
    const QFontMetrics strong(bold);
    int boldExtra = 0;
    const std::function<void(const QModelIndex &)> widen = [&](const QModelIndex &parent) {
        for (int row = 0, rows = model()->rowCount(parent); row < rows; ++row) {
            const QModelIndex index = model()->index(row, StageTreeModel::FieldColumn, parent);
            const QString text = index.data().toString();
            boldExtra = std::max(boldExtra,
                                 strong.horizontalAdvance(text) - regular.horizontalAdvance(text));
            widen(index);
        }
    };
    widen({});
    header()->resizeSection(StageTreeModel::FieldColumn,
                            header()->sectionSize(StageTreeModel::FieldColumn) + boldExtra);
    // Long ARNs should be readable whole, without pushing the notes off screen.
    resizeColumnToContents(StageTreeModel::ValueColumn);
    header()->resizeSection(
        StageTreeModel::ValueColumn,
        std::clamp(header()->sectionSize(StageTreeModel::ValueColumn), 360, 640));
    addEndpointCopyButtons({});
    // Tab reaches the copy buttons right after the tree, in row order, rather than after every
    // control created before them.
    QWidget *previous = this;
    const auto buttons = viewport()->findChildren<QToolButton *>();
    for (QToolButton *button : buttons) {
        setTabOrder(previous, button);
        previous = button;
    }
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
            // Every row's button says "Copy": the name tells them apart.
            button->setAccessibleName(button->toolTip());
            button->setObjectName(QStringLiteral("copy-") + field.data().toString());
            layout->addWidget(button);
            if (field.data().toString() == QLatin1String("whip")) {
                auto *publish = new QToolButton(holder);
                publish->setText(tr("Publish…"));
                publish->setToolButtonStyle(Qt::ToolButtonTextOnly);
                publish->setAutoRaise(true);
                publish->setToolTip(tr("A token for this endpoint, and Send to OBS"));
                publish->setAccessibleName(tr("Publish to this stage over WHIP"));
                publish->setObjectName(QStringLiteral("publish-whip"));
                layout->addWidget(publish);
                connect(publish, &QToolButton::clicked, this, &StageTreeView::publishRequested);
            }
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

bool StageTreeView::copyCurrentAsJson()
{
    const QModelIndex current = currentIndex();
    if (!current.isValid())
        return false;
    copySubtree(current);
    return true;
}

void StageTreeView::copySubtree(const QModelIndex &index)
{
    const QModelIndex field = index.siblingAtColumn(StageTreeModel::FieldColumn);
    QApplication::clipboard()->setText(QString::fromUtf8(
        QJsonDocument(model::subtreeAsJson(field)).toJson(QJsonDocument::Indented)));
    emit copied(tr("Copied %1 and all under it as JSON").arg(field.data().toString()));
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
    QAction *copyValue = menu.addAction(group ? tr("&Copy as JSON") : tr("&Copy Value"));
    copyValue->setShortcut(QKeySequence::Copy);
    connect(copyValue, &QAction::triggered, this, [this, field] { copyRow(field); });
    QAction *copySubtreeJson = menu.addAction(tr("Copy Row as &JSON"));
    copySubtreeJson->setShortcut(m_copyJsonAction->shortcut());
    connect(copySubtreeJson, &QAction::triggered, this, [this, field] { copySubtree(field); });
    QAction *copyPath = menu.addAction(tr("Copy Field &Path"));
    connect(copyPath, &QAction::triggered, this, [this, field] { copyFieldName(field); });

    if (isEditableValue(field)) {
        menu.addSeparator();
        QAction *editValue = menu.addAction(tr("&Edit Value"));
        editValue->setShortcut(Qt::Key_F2);
        editValue->setEnabled(m_editingEnabled);
        const QPersistentModelIndex row(field);
        connect(editValue, &QAction::triggered, this, [this, row] {
            if (row.isValid())
                edit(row);
        });
    }
    if (isTagsGroup(field) || isTagRow(field)) {
        menu.addSeparator();
        QAction *add = menu.addAction(tr("&Add Tag…"));
        add->setEnabled(m_editingEnabled);
        connect(add, &QAction::triggered, this, &StageTreeView::addTagRequested);
    }
    if (isTagRow(field)) {
        // A tag already marked for deletion can only come back through Undo.
        const bool changeable = m_editingEnabled && isEditableValue(field);
        const QString key = field.data().toString();
        QAction *rename = menu.addAction(tr("&Rename Tag…"));
        rename->setEnabled(changeable);
        connect(rename, &QAction::triggered, this, [this, key] { emit renameTagRequested(key); });
        QAction *remove = menu.addAction(tr("&Delete Tag"));
        remove->setShortcut(QKeySequence::Delete);
        remove->setEnabled(changeable);
        connect(remove, &QAction::triggered, this, [this, key] { emit deleteTagRequested(key); });
    }
    menu.exec(event->globalPos());
}

} // namespace ui
