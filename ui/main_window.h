#pragma once

#include "icons.h"

#include <functional>
#include <memory>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QSettings;

namespace document {
class StageDocument;
}
namespace model {
class StageListModel;
class StageTreeModel;
} // namespace model
namespace workspace {
class ProfilesController;
class PublishController;
class RecentArns;
class StageBrowser;
class StageCatalog;
class StageEditor;
class StageInspector;
class Workspace;
} // namespace workspace

namespace ui {

class ArnInput;
class BusyIndicator;
class ChecksPanel;
class ConnectionBar;
class MessageBanner;
class ProfilesDialog;
class PublishDialog;
class ReviewDialog;
class SessionsPanel;
class StageListPanel;
class StageTreeView;
class TagDialog;
class TreeFilterBar;
class WindowLayout;

struct WindowContext {
    QString notice; // shown once at start, e.g. why demo mode was chosen
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // Asked before pending edits would be lost, with the whole question; true means discard
    // them. The default is a message box; tests answer without one.
    using DiscardConfirmer = std::function<bool(const QString &question)>;
    enum class FilePurpose { Export, Import };
    // Picks the file to export to or import from; empty when the user cancels. The default is a
    // file dialog starting at `suggestion`.
    using PathChooser = std::function<QString(FilePurpose purpose, const QString &suggestion)>;

    // Shows and drives what `workspace` holds; the workspace outlives the window.
    MainWindow(workspace::Workspace &workspace, const WindowContext &context,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ArnInput *arnInput() const { return m_arnInput; }
    StageTreeView *treeView() const { return m_tree; }
    MessageBanner *banner() const { return m_banner; }
    BusyIndicator *busyIndicator() const { return m_busy; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    StageListPanel *stageListPanel() const { return m_stageList; }
    ChecksPanel *checksPanel() const { return m_checks; }
    SessionsPanel *sessionsPanel() const { return m_sessions; }
    QAction *profilesAction() const { return m_profilesAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *reviewAction() const { return m_reviewAction; }
    QAction *applyAction() const { return m_applyAction; }
    QAction *revertAction() const { return m_revertAction; }
    QAction *addTagAction() const { return m_addTagAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *getAction() const { return m_getAction; }
    QAction *pasteArnAction() const { return m_pasteArnAction; }
    QAction *focusArnAction() const { return m_focusArnAction; }
    QAction *filterAction() const { return m_filterAction; }
    TreeFilterBar *treeFilterBar() const { return m_filterBar; }
    ProfilesDialog *openProfilesDialog();

    void setDiscardConfirmer(DiscardConfirmer confirmer);
    void setPathChooser(PathChooser chooser);
    // True when nothing would be lost, or the user chose to discard the pending edits for
    // `action` ("Look up another stage").
    bool confirmDiscardEdits(const QString &action);

    // What the menus and the tree's context menu do; dialogs open without blocking and are
    // returned (null when editing is not possible now).
    ReviewDialog *openReview();
    TagDialog *openAddTag();
    TagDialog *openRenameTag(const QString &key);
    bool deleteTag(const QString &key);
    bool revertEdits(); // asks first
    void reload();      // asks first
    bool exportStage();
    bool applyFromFile();
    // Looks up the stage ARN found in pasted or dropped text (a bare ARN, a console link); says
    // so, and leaves the ARN field alone, when there is none. False when nothing was looked up.
    bool lookUpArnIn(const QString &text);
    bool pasteStageArn(); // from the clipboard

    QAction *publishAction() const { return m_publishAction; }
    PublishDialog *openPublishDialog();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createEditing();
    void createBrowsing();
    void createComforts();
    void restoreLayout();
    void clearRecentArns();
    bool lookUp(const QString &text); // false when the user kept their edits instead
    // What was typed or pasted into the ARN field: a console link there is looked up by its ARN.
    void lookUpTyped(const QString &text);
    void showListedStage(const QString &arn);
    void showField(const QString &fieldPath);
    void onLookupStarted(const QString &arn);
    void onStageShown(const QString &arn);
    void onLookupFailed(const QString &arn, const QString &message);
    void onInputRejected(const QString &message);
    void onConnectionChanged();
    void onApplyStarted();
    void onApplyFinished(bool ok, const QString &report);
    void onEditRejected(const QString &reason);
    void onValueRefused(const QString &field, const QString &typed, bool keptInEditor);
    void showConnection();
    void updateTitle();
    // The shown stage's name as the service has it, else its ARN; empty when none is shown.
    QString shownName() const;
    void updateEditingState();
    QString shownStageLabel() const;
    QString suggestedExportPath() const;

    workspace::StageBrowser &m_browser;
    workspace::StageEditor &m_editor;
    workspace::ProfilesController &m_profiles;
    workspace::StageCatalog &m_catalog;
    workspace::StageInspector &m_inspector;
    model::StageTreeModel &m_model;
    document::StageDocument &m_document;
    model::StageListModel &m_stageListModel;
    workspace::PublishController &m_publisher;
    ArnInput *m_arnInput;
    MessageBanner *m_banner;
    StageTreeView *m_tree;
    QLabel *m_connectionLabel;
    QLabel *m_pendingLabel;
    BusyIndicator *m_busy;
    ConnectionBar *m_connectionBar;
    QAction *m_profilesAction;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_applyAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_addTagAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_getAction = nullptr;
    QAction *m_pasteArnAction = nullptr;
    QAction *m_focusArnAction = nullptr;
    QAction *m_filterAction = nullptr;
    TreeFilterBar *m_filterBar = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<workspace::RecentArns> m_recentArns;
    std::unique_ptr<WindowLayout> m_layout;
    ThemedActionIcons m_actionIcons;
    bool m_layoutRestored = false; // docks were placed as the user left them
    StageListPanel *m_stageList = nullptr;
    ChecksPanel *m_checks = nullptr;
    SessionsPanel *m_sessions = nullptr;
    QPointer<ProfilesDialog> m_profilesDialog;
    QAction *m_publishAction = nullptr;
    QPointer<PublishDialog> m_publishDialog;
    DiscardConfirmer m_confirmer;
    PathChooser m_pathChooser;
    QString m_lastEditRejection;
    QString m_editProblem; // the banner's text about a refused edit
    QString m_lastDirectory;
    bool m_switchConfirmed = false; // the connection bar asked already; the refresh may follow
};

} // namespace ui
