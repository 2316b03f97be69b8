#pragma once

#include <functional>
#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QMainWindow;

namespace document {
class StageDocument;
}
namespace model {
class StageTreeModel;
}
namespace workspace {
class StageBrowser;
class StageEditor;
class Workspace;
} // namespace workspace

namespace ui {

class ReviewDialog;
class StageTreeView;
class TagDialog;
class ThemedActionIcons;
class WindowFeedback;

// The window's editing feature: the Edit menu's actions and toolbar, the count of pending
// changes, tag dialogs, review and apply, and never losing edits without asking. It reads every
// state it shows from the stage document and the editor; it keeps none of its own.
class EditingFlow final : public QObject {
    Q_OBJECT
public:
    // Asked before pending edits would be lost, with the whole question; true means discard
    // them. The default is a message box; tests answer without one.
    using DiscardConfirmer = std::function<bool(const QString &question)>;

    EditingFlow(workspace::Workspace &workspace, StageTreeView &tree, WindowFeedback &feedback,
                ThemedActionIcons &icons, QMainWindow &window);
    ~EditingFlow() override;

    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *reviewAction() const { return m_reviewAction; }
    QAction *applyAction() const { return m_applyAction; }
    QAction *revertAction() const { return m_revertAction; }
    QAction *addTagAction() const { return m_addTagAction; }
    QLabel *pendingLabel() const { return m_pendingLabel; }
    // The Edit toolbar, added to the window.
    void addToolBar();

    void setDiscardConfirmer(DiscardConfirmer confirmer);
    // True when nothing would be lost, or the user chose to discard the pending edits for
    // `action` ("Look up another stage").
    bool confirmDiscardEdits(const QString &action);
    // A stage is shown and neither a lookup nor an apply is running.
    bool canEdit() const;
    bool isApplying() const;

    // Dialogs open without blocking and are returned (null when editing is not possible now).
    ReviewDialog *openReview();
    TagDialog *openAddTag();
    TagDialog *openRenameTag(const QString &key);
    bool deleteTag(const QString &key);
    bool revertEdits(); // asks first

signals:
    // What can be done now may have changed: a stage shown, an apply started or ended, a lookup
    // started or ended, an edit made or undone. Other parts of the window re-read their state.
    void stateChanged();

private:
    void createActions(ThemedActionIcons &icons);
    void connectEditing();
    void updateState();
    void onApplyStarted();
    void onApplyFinished(bool ok, const QString &report);
    void onEditRejected(const QString &reason);
    void onValueRefused(const QString &field, const QString &typed, bool keptInEditor);

    document::StageDocument &m_document;
    model::StageTreeModel &m_model;
    workspace::StageEditor &m_editor;
    workspace::StageBrowser &m_browser;
    StageTreeView &m_tree;
    WindowFeedback &m_feedback;
    QMainWindow &m_window;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_addTagAction = nullptr;
    QLabel *m_pendingLabel = nullptr;
    DiscardConfirmer m_confirmer;
    QString m_lastEditRejection;
    QString m_editProblem;     // the banner's text about a refused edit
    QString m_applyReport;     // the banner's text about the last successful apply
    bool m_editorOpen = false; // an editor in the tree holds what may become an edit
};

} // namespace ui
