// The window's editing feature: pending edits, the Edit menu's actions, review and apply, tags,
// and never losing edits without asking.

#include "editing_flow.h"

#include "busy_indicator.h"
#include "document/stage_document.h"
#include "icons.h"
#include "ivs/field_path.h"
#include "message_banner.h"
#include "model/stage_tree_model.h"
#include "review_dialog.h"
#include "shown_stage.h"
#include "stage_field_delegate.h"
#include "stage_tree_view.h"
#include "tag_dialog.h"
#include "text_tone.h"
#include "window_feedback.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_editor.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace ui {

EditingFlow::EditingFlow(workspace::Workspace &workspace, StageTreeView &tree,
                         WindowFeedback &feedback, ThemedActionIcons &icons, QMainWindow &window)
    : QObject(&window)
    , m_document(workspace.document())
    , m_model(workspace.stageModel())
    , m_editor(workspace.editor())
    , m_browser(workspace.browser())
    , m_tree(tree)
    , m_feedback(feedback)
    , m_window(window)
    , m_pendingLabel(new QLabel)
{
    createActions(icons);
    connectEditing();
    m_confirmer = [this](const QString &question) {
        QMessageBox box(QMessageBox::Warning, tr("Unapplied Changes"), question,
                        QMessageBox::Discard | QMessageBox::Cancel, &m_window);
        box.setInformativeText(tr("Cancel keeps everything as it is. Edit › Review Changes… "
                                  "shows what would be lost."));
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Discard;
    };
    updateState();
}

EditingFlow::~EditingFlow()
{
    // The window's children go after this; none of their signals may reach it then.
    disconnect(&m_document, nullptr, this, nullptr);
    disconnect(m_document.undoStack(), nullptr, this, nullptr);
    disconnect(&m_editor, nullptr, this, nullptr);
    disconnect(&m_browser, nullptr, this, nullptr);
    disconnect(m_tree.fieldDelegate(), nullptr, this, nullptr);
    disconnect(&m_tree, nullptr, this, nullptr);
}

void EditingFlow::createActions(ThemedActionIcons &icons)
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
    icons.set(m_undoAction, QStringLiteral("edit-undo"), QStringLiteral(":/ui/icons/undo.svg"),
              m_window.palette());
    icons.set(m_redoAction, QStringLiteral("edit-redo"), QStringLiteral(":/ui/icons/redo.svg"),
              m_window.palette());

    m_reviewAction = new QAction(tr("Re&view Changes…"), this);
    m_reviewAction->setObjectName(QStringLiteral("reviewAction"));
    m_reviewAction->setToolTip(tr("Show each change and the exact requests Apply will send"));
    connect(m_reviewAction, &QAction::triggered, this, &EditingFlow::openReview);

    m_applyAction = new QAction(tr("&Apply…"), this);
    m_applyAction->setObjectName(QStringLiteral("applyAction"));
    m_applyAction->setShortcut(QKeySequence::Save);
    m_applyAction->setToolTip(
        tr("Review the changes, then send them to the service (%1)")
            .arg(m_applyAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_applyAction, &QAction::triggered, this, &EditingFlow::openReview);

    m_revertAction = new QAction(tr("Rever&t…"), this);
    m_revertAction->setObjectName(QStringLiteral("revertAction"));
    m_revertAction->setToolTip(tr("Drop every change that has not been applied"));
    connect(m_revertAction, &QAction::triggered, this, &EditingFlow::revertEdits);

    m_addTagAction = new QAction(tr("Add Ta&g…"), this);
    m_addTagAction->setObjectName(QStringLiteral("addTagAction"));
    connect(m_addTagAction, &QAction::triggered, this, &EditingFlow::openAddTag);

    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    setTextTone(m_pendingLabel, model::TextTone::Edited);
    QFont bold = m_pendingLabel->font();
    bold.setBold(true);
    m_pendingLabel->setFont(bold);
}

void EditingFlow::addToolBar()
{
    auto *toolBar = m_window.addToolBar(tr("Edit"));
    toolBar->setObjectName(QStringLiteral("editToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const int iconSize =
        m_window.style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, &m_window);
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
}

void EditingFlow::connectEditing()
{
    connect(&m_document, &document::StageDocument::pendingEditsChanged, this,
            &EditingFlow::updateState);
    connect(m_document.undoStack(), &QUndoStack::indexChanged, this, [this] {
        // An edit that took makes the complaint about the one refused before it old news.
        m_feedback.hideBannerIfShowing(m_editProblem);
        m_editProblem.clear();
        // "Applied: …" is old news once new edits are pending.
        if (m_document.hasPendingEdits()) {
            m_feedback.hideBannerIfShowing(m_applyReport);
            m_applyReport.clear();
        }
        updateState();
    });
    connect(&m_document, &document::StageDocument::stageReset, this, &EditingFlow::updateState);
    connect(&m_browser, &workspace::StageBrowser::busyChanged, this, &EditingFlow::updateState);
    connect(&m_document, &document::StageDocument::editRejected, this,
            &EditingFlow::onEditRejected);
    connect(&m_tree, &StageTreeView::valueRefused, this, &EditingFlow::onValueRefused);
    connect(m_tree.fieldDelegate(), &StageFieldDelegate::editorOpened, this,
            [this](const QString &limits) {
                m_feedback.status(limits);
                // Ctrl+S in the editor applies what it holds, even as the first edit.
                m_editorOpen = true;
                updateState();
            });
    connect(m_tree.fieldDelegate(), &StageFieldDelegate::inputRefused, this,
            [this](const QString &reason) { m_feedback.passingLong(reason); });
    connect(m_tree.fieldDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (!m_editor.isApplying())
            m_feedback.clearStatus();
        m_editorOpen = false;
        updateState();
    });
    connect(&m_tree, &StageTreeView::addTagRequested, this, &EditingFlow::openAddTag);
    connect(&m_tree, &StageTreeView::renameTagRequested, this, &EditingFlow::openRenameTag);
    connect(&m_tree, &StageTreeView::deleteTagRequested, this, &EditingFlow::deleteTag);

    connect(&m_editor, &workspace::StageEditor::applyStarted, this, &EditingFlow::onApplyStarted);
    connect(&m_editor, &workspace::StageEditor::progress, this, [this](const QString &text) {
        m_feedback.status(text);
        m_feedback.busy().setText(text);
    });
    connect(&m_editor, &workspace::StageEditor::applyFinished, this, &EditingFlow::onApplyFinished);
    connect(&m_editor, &workspace::StageEditor::storageChoicesFailed, this,
            [this](const QString &message) {
                // The stage itself is shown; only the picker is short of choices. Said where it
                // does not interrupt: a user without permission to list them sees it on every
                // lookup.
                m_feedback.status(message);
            });
}

void EditingFlow::setDiscardConfirmer(DiscardConfirmer confirmer)
{
    if (confirmer)
        m_confirmer = std::move(confirmer);
}

bool EditingFlow::confirmDiscardEdits(const QString &action)
{
    m_tree.commitOpenEditor();
    if (!m_document.hasPendingEdits())
        return true;
    const int count = static_cast<int>(m_document.pendingChanges().changes.size());
    const QString stage = ShownStage::label(m_document);
    // No translation file supplies English plurals, so both forms are spelt out.
    const QString question =
        count == 1
            ? tr("%1 and discard 1 unapplied change to %2?").arg(action, stage)
            : tr("%1 and discard %2 unapplied changes to %3?").arg(action).arg(count).arg(stage);
    return m_confirmer(question);
}

bool EditingFlow::isApplying() const
{
    return m_editor.isApplying();
}

bool EditingFlow::canEdit() const
{
    return m_document.stage().has_value() && !m_editor.isApplying() && !m_browser.isBusy();
}

void EditingFlow::updateState()
{
    const bool pending = m_document.hasPendingEdits();
    const bool applying = m_editor.isApplying();
    const bool editable = canEdit();
    m_tree.setEditingEnabled(editable);
    m_undoAction->setEnabled(!applying && m_document.undoStack()->canUndo());
    m_redoAction->setEnabled(!applying && m_document.undoStack()->canRedo());
    m_reviewAction->setEnabled(pending && !applying);
    m_applyAction->setEnabled((pending || m_editorOpen) && editable);
    m_revertAction->setEnabled(pending && !applying);
    m_addTagAction->setEnabled(editable);

    m_window.setWindowModified(pending);
    const int count = pending ? static_cast<int>(m_document.pendingChanges().changes.size()) : 0;
    m_pendingLabel->setText(count == 1 ? tr("1 change not applied")
                                       : tr("%1 changes not applied").arg(count));
    m_pendingLabel->setVisible(count > 0);
    emit stateChanged();
}

ReviewDialog *EditingFlow::openReview()
{
    // Ctrl+S straight from an editor applies what it holds too.
    m_tree.commitOpenEditor();
    if (!m_document.hasPendingEdits() || m_editor.isApplying())
        return nullptr;
    auto *dialog = new ReviewDialog(m_document.review(), &m_window);
    dialog->setObjectName(QStringLiteral("reviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->applyButton()->setEnabled(m_applyAction->isEnabled());
    connect(dialog, &QDialog::accepted, &m_editor, &workspace::StageEditor::apply);
    dialog->open();
    return dialog;
}

void EditingFlow::onApplyStarted()
{
    m_feedback.hideBanner();
    m_feedback.setBusy(true, false);
    m_feedback.status(tr("Applying changes to %1…").arg(ShownStage::label(m_document)));
    updateState();
}

void EditingFlow::onApplyFinished(bool ok, const QString &report)
{
    m_feedback.setBusy(false);
    if (ok) {
        m_feedback.notice(report);
        m_applyReport = m_feedback.banner().text();
    } else
        m_feedback.error(report);
    m_feedback.passing(ok ? tr("Applied.") : tr("Apply failed; your edits are still pending."));
    updateState();
}

void EditingFlow::onEditRejected(const QString &reason)
{
    m_lastEditRejection = reason;
    m_feedback.error(reason);
    m_editProblem = m_feedback.banner().text();
}

void EditingFlow::onValueRefused(const QString &field, const QString &typed, bool keptInEditor)
{
    const QString reason = m_lastEditRejection.isEmpty()
                               ? tr("%1: this value is not accepted.").arg(field)
                               : m_lastEditRejection;
    m_lastEditRejection.clear();
    const QString what =
        keptInEditor ? tr("\"%1\" is still in the editor; Escape leaves the field as it was.")
                     : tr("\"%1\" was not kept.");
    // A long refused text is named by its start; the editor (or the reason) says the rest.
    constexpr qsizetype kShownChars = 80;
    const QString shown =
        typed.size() > kShownChars ? typed.left(kShownChars - 1) + QChar(0x2026) : typed;
    m_feedback.error(reason + QLatin1Char('\n') + what.arg(shown));
    m_editProblem = m_feedback.banner().text();
}

TagDialog *EditingFlow::openAddTag()
{
    if (!m_tree.isEditingEnabled())
        return nullptr;
    auto submit = [this](const QString &key, const QString &value, QString *error) {
        if (!m_document.addTag(key, value, error))
            return false;
        m_tree.setCurrentIndex(m_model.indexForPath(ivs::fieldpath::tag(key)));
        m_feedback.passing(tr("Tag \"%1\" added; it is sent when you apply.").arg(key));
        return true;
    };
    auto *dialog = new TagDialog(TagDialog::Mode::Add, {}, {}, submit, &m_window);
    dialog->setObjectName(QStringLiteral("tagDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

TagDialog *EditingFlow::openRenameTag(const QString &key)
{
    const QModelIndex row = m_model.indexForPath(ivs::fieldpath::tag(key));
    if (!m_tree.isEditingEnabled() || !row.isValid())
        return nullptr;
    const QString value =
        row.siblingAtColumn(model::StageTreeModel::ValueColumn).data(Qt::EditRole).toString();
    auto submit = [this, key](const QString &newKey, const QString &, QString *error) {
        if (!m_document.renameTag(key, newKey, error))
            return false;
        m_tree.setCurrentIndex(m_model.indexForPath(ivs::fieldpath::tag(newKey)));
        return true;
    };
    auto *dialog = new TagDialog(TagDialog::Mode::Rename, key, value, submit, &m_window);
    dialog->setObjectName(QStringLiteral("tagDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool EditingFlow::deleteTag(const QString &key)
{
    if (!m_tree.isEditingEnabled())
        return false;
    QString error;
    if (!m_document.removeTag(key, &error)) {
        m_feedback.error(error);
        return false;
    }
    m_feedback.passing(
        tr("Tag \"%1\" will be deleted when you apply; Undo brings it back.").arg(key));
    return true;
}

bool EditingFlow::revertEdits()
{
    if (!m_document.hasPendingEdits() || m_editor.isApplying() ||
        !confirmDiscardEdits(tr("Revert")))
        return false;
    m_document.revertEdits();
    m_feedback.passing(tr("Reverted: the tree shows the stage as the service has it."));
    return true;
}

} // namespace ui
