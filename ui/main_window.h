#pragma once

#include "editing_flow.h"
#include "icons.h"
#include "stage_files_flow.h"

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
class LivePanel;
class LookupFlow;
class MessageBanner;
class ProfilesDialog;
class PublishDialog;
class ReviewDialog;
class SessionsPanel;
class StageListPanel;
class StageTreeView;
class TagDialog;
class TreeFilterBar;
class WindowFeedback;
class WindowLayout;

struct WindowContext {
    QString notice; // shown once at start, e.g. why demo mode was chosen
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    using DiscardConfirmer = EditingFlow::DiscardConfirmer;
    using FilePurpose = StageFilesFlow::Purpose;
    using PathChooser = StageFilesFlow::PathChooser;

    // Shows and drives what `workspace` holds; the workspace outlives the window.
    MainWindow(workspace::Workspace &workspace, const WindowContext &context,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // The window's features; each reads its state from the workspace, none keeps a copy.
    EditingFlow &editing() const { return *m_editing; }
    LookupFlow &lookup() const { return *m_lookup; }
    StageFilesFlow &files() const { return *m_files; }

    ArnInput *arnInput() const { return m_arnInput; }
    StageTreeView *treeView() const { return m_tree; }
    MessageBanner *banner() const { return m_banner; }
    BusyIndicator *busyIndicator() const { return m_busy; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    StageListPanel *stageListPanel() const { return m_stageList; }
    ChecksPanel *checksPanel() const { return m_checks; }
    SessionsPanel *sessionsPanel() const { return m_sessions; }
    LivePanel *livePanel() const { return m_live; }
    QAction *profilesAction() const { return m_profilesAction; }
    QAction *undoAction() const { return m_editing->undoAction(); }
    QAction *redoAction() const { return m_editing->redoAction(); }
    QAction *reviewAction() const { return m_editing->reviewAction(); }
    QAction *applyAction() const { return m_editing->applyAction(); }
    QAction *revertAction() const { return m_editing->revertAction(); }
    QAction *addTagAction() const { return m_editing->addTagAction(); }
    QAction *reloadAction() const;
    QAction *exportAction() const { return m_files->exportAction(); }
    QAction *importAction() const { return m_files->importAction(); }
    QAction *getAction() const;
    QAction *pasteArnAction() const;
    QAction *focusArnAction() const;
    QAction *filterAction() const { return m_filterAction; }
    TreeFilterBar *treeFilterBar() const { return m_filterBar; }
    ProfilesDialog *openProfilesDialog();

    void setDiscardConfirmer(DiscardConfirmer confirmer);
    void setPathChooser(PathChooser chooser);
    bool confirmDiscardEdits(const QString &action);

    // What the menus and the tree's context menu do (see the features for each).
    ReviewDialog *openReview();
    TagDialog *openAddTag();
    TagDialog *openRenameTag(const QString &key);
    bool deleteTag(const QString &key);
    bool revertEdits();
    void reload();
    bool exportStage();
    bool applyFromFile();
    bool lookUpArnIn(const QString &text);
    bool pasteStageArn();

    QAction *publishAction() const { return m_publishAction; }
    PublishDialog *openPublishDialog();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createBrowsing(workspace::Workspace &workspace);
    void createStageToolBar();
    void showField(const QString &fieldPath);
    void onStageShown();
    void onConnectionChanged();
    void showConnection();
    void updateTitle();

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
    BusyIndicator *m_busy;
    ConnectionBar *m_connectionBar;
    QAction *m_profilesAction;
    QAction *m_filterAction = nullptr;
    TreeFilterBar *m_filterBar = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<WindowLayout> m_layout;
    ThemedActionIcons m_actionIcons;
    std::unique_ptr<WindowFeedback> m_feedback;
    EditingFlow *m_editing = nullptr;
    LookupFlow *m_lookup = nullptr;
    StageFilesFlow *m_files = nullptr;
    bool m_layoutRestored = false; // docks were placed as the user left them
    bool m_fitScheduled = false;   // the layout is fitted to the new size once it has settled
    StageListPanel *m_stageList = nullptr;
    ChecksPanel *m_checks = nullptr;
    SessionsPanel *m_sessions = nullptr;
    LivePanel *m_live = nullptr;
    QPointer<ProfilesDialog> m_profilesDialog;
    QAction *m_publishAction = nullptr;
    QPointer<PublishDialog> m_publishDialog;
    QString m_connectionProblem;     // the banner's text about the connection's last problem
    bool m_publishWhenShown = false; // asked for during a lookup
    bool m_switchConfirmed = false;  // the connection bar asked already; the refresh may follow
};

} // namespace ui
