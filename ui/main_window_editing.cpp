// MainWindow: pending edits — the Edit menu, review and apply, tags, and never losing edits
// without asking.

#include "arn_input.h"
#include "busy_indicator.h"
#include "connection_bar.h"
#include "document/stage_document.h"
#include "ivs/field_path.h"
#include "main_window.h"
#include "message_banner.h"
#include "model/stage_tree_model.h"
#include "review_dialog.h"
#include "stage_field_delegate.h"
#include "stage_tree_view.h"
#include "tag_dialog.h"
#include "text_tone.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_editor.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace ui {

namespace {

constexpr int kTransientMessageMs = 5000;

} // namespace

void MainWindow::createEditing()
{
    QUndoStack *undo = m_document.undoStack();
    m_undoAction = undo->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    // The menu says what would be undone; the toolbar button keeps one short, steady label.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction = undo->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setIconText(tr("Redo"));
    m_actionIcons.set(m_undoAction, QStringLiteral("edit-undo"),
                      QStringLiteral(":/ui/icons/undo.svg"), palette());
    m_actionIcons.set(m_redoAction, QStringLiteral("edit-redo"),
                      QStringLiteral(":/ui/icons/redo.svg"), palette());

    m_reviewAction = new QAction(tr("Re&view Changes…"), this);
    m_reviewAction->setObjectName(QStringLiteral("reviewAction"));
    m_reviewAction->setToolTip(tr("Show each change and the exact requests Apply will send"));
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::openReview);

    m_applyAction = new QAction(tr("&Apply…"), this);
    m_applyAction->setObjectName(QStringLiteral("applyAction"));
    m_applyAction->setShortcut(QKeySequence::Save);
    m_applyAction->setToolTip(
        tr("Review the changes, then send them to the service (%1)")
            .arg(m_applyAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_applyAction, &QAction::triggered, this, &MainWindow::openReview);

    m_revertAction = new QAction(tr("Rever&t…"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    m_revertAction->setToolTip(tr("Drop every change that has not been applied"));
    connect(m_revertAction, &QAction::triggered, this, &MainWindow::revertEdits);

    m_addTagAction = new QAction(tr("Add Ta&g…"), this);
    m_addTagAction->setObjectName(QStringLiteral("addTagAction"));
    connect(m_addTagAction, &QAction::triggered, this, &MainWindow::openAddTag);

    m_reloadAction = new QAction(tr("&Refresh"), this);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    // F5 everywhere, and the platform's own refresh key where it has another (Ctrl+R).
    QList<QKeySequence> refreshKeys{QKeySequence(Qt::Key_F5)};
    const auto platformKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    for (const QKeySequence &key : platformKeys) {
        if (!refreshKeys.contains(key))
            refreshKeys.append(key);
    }
    m_reloadAction->setShortcuts(refreshKeys);
    m_reloadAction->setToolTip(
        tr("Read the shown stage again (%1)")
            .arg(refreshKeys.constFirst().toString(QKeySequence::NativeText)));
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_exportAction = new QAction(tr("&Export Stage…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportStage);
    m_importAction = new QAction(tr("Apply from &File…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::applyFromFile);

    auto *toolBar = addToolBar(tr("Edit"));
    toolBar->setObjectName(QStringLiteral("editToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    toolBar->setIconSize(QSize(iconSize, iconSize));
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);
    // Arrows everyone knows, with the words in their tooltips: the row is shared with the
    // connection and the stage's buttons, and words as long as German ones would not fit beside.
    for (QAction *action : {m_undoAction, m_redoAction}) {
        if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    toolBar->addSeparator();
    toolBar->addAction(m_reviewAction);
    toolBar->addAction(m_applyAction);
    toolBar->addAction(m_revertAction);

    setTextTone(m_pendingLabel, model::TextTone::Edited);
    QFont bold = m_pendingLabel->font();
    bold.setBold(true);
    m_pendingLabel->setFont(bold);

    connect(&m_document, &document::StageDocument::pendingEditsChanged, this,
            &MainWindow::updateEditingState);
    connect(undo, &QUndoStack::indexChanged, this, [this] {
        // An edit that took makes the complaint about the one refused before it old news.
        if (!m_editProblem.isEmpty() && m_banner->text() == m_editProblem)
            m_banner->hide();
        m_editProblem.clear();
        updateEditingState();
    });
    connect(&m_document, &document::StageDocument::stageReset, this,
            &MainWindow::updateEditingState);
    connect(&m_document, &document::StageDocument::editRejected, this, &MainWindow::onEditRejected);
    connect(m_tree, &StageTreeView::valueRefused, this, &MainWindow::onValueRefused);
    connect(m_tree->fieldDelegate(), &StageFieldDelegate::editorOpened, this,
            [this](const QString &limits) { statusBar()->showMessage(limits); });
    connect(m_tree->fieldDelegate(), &StageFieldDelegate::inputRefused, this,
            [this](const QString &reason) {
                statusBar()->showMessage(reason, 2 * kTransientMessageMs);
            });
    connect(m_tree->fieldDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (!m_editor.isApplying())
            statusBar()->clearMessage();
    });
    connect(m_tree, &StageTreeView::addTagRequested, this, &MainWindow::openAddTag);
    connect(m_tree, &StageTreeView::renameTagRequested, this, &MainWindow::openRenameTag);
    connect(m_tree, &StageTreeView::deleteTagRequested, this, &MainWindow::deleteTag);

    connect(&m_editor, &workspace::StageEditor::applyStarted, this, &MainWindow::onApplyStarted);
    connect(&m_editor, &workspace::StageEditor::progress, this, [this](const QString &text) {
        statusBar()->showMessage(text);
        m_busy->setText(text);
    });
    connect(&m_editor, &workspace::StageEditor::applyFinished, this, &MainWindow::onApplyFinished);
    connect(&m_editor, &workspace::StageEditor::storageChoicesFailed, this,
            [this](const QString &message) {
                // The stage itself is shown; only the picker is short of choices. Said where it
                // does not interrupt: a user without permission to list them sees it on every
                // lookup.
                statusBar()->showMessage(message);
            });

    m_confirmer = [this](const QString &question) {
        QMessageBox box(QMessageBox::Warning, tr("Unapplied Changes"), question,
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("Cancel keeps everything as it is. Edit › Review Changes… "
                                  "shows what would be lost."));
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Discard;
    };
}

void MainWindow::setDiscardConfirmer(DiscardConfirmer confirmer)
{
    if (confirmer)
        m_confirmer = std::move(confirmer);
}

QString MainWindow::shownStageLabel() const
{
    const QString name = shownName();
    return name.isEmpty() ? tr("the stage") : name;
}

bool MainWindow::confirmDiscardEdits(const QString &action)
{
    m_tree->commitOpenEditor();
    if (!m_document.hasPendingEdits())
        return true;
    const int count = static_cast<int>(m_document.pendingChanges().changes.size());
    // No translation file supplies English plurals, so both forms are spelt out.
    const QString question =
        count == 1 ? tr("%1 and discard 1 unapplied change to %2?").arg(action, shownStageLabel())
                   : tr("%1 and discard %2 unapplied changes to %3?")
                         .arg(action)
                         .arg(count)
                         .arg(shownStageLabel());
    return m_confirmer(question);
}

void MainWindow::updateEditingState()
{
    const bool stage = m_document.stage().has_value();
    const bool pending = m_document.hasPendingEdits();
    const bool editable = stage && !m_editor.isApplying() && !m_browser.isBusy();
    m_tree->setEditingEnabled(editable);
    m_undoAction->setEnabled(!m_editor.isApplying() && m_document.undoStack()->canUndo());
    m_redoAction->setEnabled(!m_editor.isApplying() && m_document.undoStack()->canRedo());
    m_reviewAction->setEnabled(pending && !m_editor.isApplying());
    m_applyAction->setEnabled(pending && editable);
    m_revertAction->setEnabled(pending && !m_editor.isApplying());
    m_addTagAction->setEnabled(editable);
    m_reloadAction->setEnabled(stage && !m_editor.isApplying());
    m_exportAction->setEnabled(stage && !m_editor.isApplying());
    m_importAction->setEnabled(editable);
    // While applying, a lookup or a new connection would pull the stage from under the apply.
    m_arnInput->setEnabled(!m_editor.isApplying());
    if (m_getAction) { // made after the editing actions
        m_getAction->setEnabled(!m_editor.isApplying());
        m_pasteArnAction->setEnabled(!m_editor.isApplying());
    }
    m_connectionBar->setEnabled(!m_editor.isApplying());

    setWindowModified(pending);
    const int count = pending ? static_cast<int>(m_document.pendingChanges().changes.size()) : 0;
    m_pendingLabel->setText(count == 1 ? tr("1 change not applied")
                                       : tr("%1 changes not applied").arg(count));
    m_pendingLabel->setVisible(count > 0);
}

ReviewDialog *MainWindow::openReview()
{
    // Ctrl+S straight from an editor applies what it holds too.
    m_tree->commitOpenEditor();
    if (!m_document.hasPendingEdits() || m_editor.isApplying())
        return nullptr;
    auto *dialog = new ReviewDialog(m_document.review(), this);
    dialog->setObjectName(QStringLiteral("reviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->applyButton()->setEnabled(m_applyAction->isEnabled());
    connect(dialog, &QDialog::accepted, &m_editor, &workspace::StageEditor::apply);
    dialog->open();
    return dialog;
}

void MainWindow::onApplyStarted()
{
    m_banner->hide();
    m_busy->setCancellable(false);
    m_busy->setBusy(true);
    setCursor(Qt::BusyCursor);
    statusBar()->showMessage(tr("Applying changes to %1…").arg(shownStageLabel()));
    updateEditingState();
}

void MainWindow::onApplyFinished(bool ok, const QString &report)
{
    m_busy->setBusy(false);
    m_busy->setCancellable(true);
    unsetCursor();
    updateTitle(); // a rename that took shows at once
    m_banner->showMessage(ok ? MessageBanner::Kind::Notice : MessageBanner::Kind::Error, report);
    statusBar()->showMessage(ok ? tr("Applied.")
                                : tr("Apply failed; your edits are still pending."),
                             kTransientMessageMs);
    updateEditingState();
}

void MainWindow::onEditRejected(const QString &reason)
{
    m_lastEditRejection = reason;
    m_banner->showMessage(MessageBanner::Kind::Error, reason);
    m_editProblem = m_banner->text();
}

void MainWindow::onValueRefused(const QString &field, const QString &typed, bool keptInEditor)
{
    const QString reason = m_lastEditRejection.isEmpty()
                               ? tr("%1: this value is not accepted.").arg(field)
                               : m_lastEditRejection;
    m_lastEditRejection.clear();
    const QString what =
        keptInEditor ? tr("\"%1\" is still in the editor; Escape leaves the field as it was.")
                     : tr("\"%1\" was not kept.");
    m_banner->showMessage(MessageBanner::Kind::Error, reason + QLatin1Char('\n') + what.arg(typed));
    m_editProblem = m_banner->text();
}

TagDialog *MainWindow::openAddTag()
{
    if (!m_tree->isEditingEnabled())
        return nullptr;
    auto submit = [this](const QString &key, const QString &value, QString *error) {
        if (!m_document.addTag(key, value, error))
            return false;
        m_tree->setCurrentIndex(m_model.indexForPath(ivs::fieldpath::tag(key)));
        statusBar()->showMessage(tr("Tag \"%1\" added; it is sent when you apply.").arg(key),
                                 kTransientMessageMs);
        return true;
    };
    auto *dialog = new TagDialog(TagDialog::Mode::Add, {}, {}, submit, this);
    dialog->setObjectName(QStringLiteral("tagDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

TagDialog *MainWindow::openRenameTag(const QString &key)
{
    const QModelIndex row = m_model.indexForPath(ivs::fieldpath::tag(key));
    if (!m_tree->isEditingEnabled() || !row.isValid())
        return nullptr;
    const QString value =
        row.siblingAtColumn(model::StageTreeModel::ValueColumn).data(Qt::EditRole).toString();
    auto submit = [this, key](const QString &newKey, const QString &, QString *error) {
        if (!m_document.renameTag(key, newKey, error))
            return false;
        m_tree->setCurrentIndex(m_model.indexForPath(ivs::fieldpath::tag(newKey)));
        return true;
    };
    auto *dialog = new TagDialog(TagDialog::Mode::Rename, key, value, submit, this);
    dialog->setObjectName(QStringLiteral("tagDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool MainWindow::deleteTag(const QString &key)
{
    if (!m_tree->isEditingEnabled())
        return false;
    QString error;
    if (!m_document.removeTag(key, &error)) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
        return false;
    }
    statusBar()->showMessage(
        tr("Tag \"%1\" will be deleted when you apply; Undo brings it back.").arg(key),
        kTransientMessageMs);
    return true;
}

bool MainWindow::revertEdits()
{
    if (!m_document.hasPendingEdits() || m_editor.isApplying() ||
        !confirmDiscardEdits(tr("Revert")))
        return false;
    m_document.revertEdits();
    statusBar()->showMessage(tr("Reverted: the tree shows the stage as the service has it."),
                             kTransientMessageMs);
    return true;
}

} // namespace ui
