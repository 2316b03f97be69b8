#pragma once

#include <QMainWindow>
#include <QPointer>

class QAbstractItemModel;
class QAction;
class QLabel;

namespace session {
class ProfilesController;
class StageBrowser;
} // namespace session

namespace ui {

class ArnInput;
class BusyIndicator;
class ConnectionBar;
class MessageBanner;
class ProfilesDialog;
class StageTreeView;

struct WindowContext {
    QString notice; // shown once at start, e.g. why demo mode was chosen
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(session::StageBrowser &browser, session::ProfilesController &profiles,
               QAbstractItemModel &stageModel, const WindowContext &context,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ArnInput *arnInput() const { return m_arnInput; }
    StageTreeView *treeView() const { return m_tree; }
    MessageBanner *banner() const { return m_banner; }
    BusyIndicator *busyIndicator() const { return m_busy; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    QAction *profilesAction() const { return m_profilesAction; }
    ProfilesDialog *openProfilesDialog();

private:
    void onLookupStarted(const QString &arn);
    void onStageShown(const QString &arn, const QString &name);
    void onLookupFailed(const QString &arn, const QString &message);
    void onInputRejected(const QString &message);
    void onConnectionChanged();
    void showConnection();
    void updateTitle(const QString &stageName);

    session::StageBrowser &m_browser;
    session::ProfilesController &m_profiles;
    ArnInput *m_arnInput;
    MessageBanner *m_banner;
    StageTreeView *m_tree;
    QLabel *m_connectionLabel;
    BusyIndicator *m_busy;
    ConnectionBar *m_connectionBar;
    QAction *m_profilesAction;
    QPointer<ProfilesDialog> m_profilesDialog;
    bool m_demo = false;
    QString m_shownName;
};

} // namespace ui
