#include "main_window.h"

#include "about_dialog.h"
#include "arn_input.h"
#include "busy_indicator.h"
#include "checks_panel.h"
#include "connection_bar.h"
#include "document/stage_document.h"
#include "editing_flow.h"
#include "go_to_actions.h"
#include "live_panel.h"
#include "lookup_flow.h"
#include "message_banner.h"
#include "model/stage_tree_model.h"
#include "profiles_dialog.h"
#include "publish_dialog.h"
#include "sessions_panel.h"
#include "shown_stage.h"
#include "stage_files_flow.h"
#include "stage_list_panel.h"
#include "stage_tree_view.h"
#include "tree_filter_bar.h"
#include "window_feedback.h"
#include "window_layout.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_editor.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

namespace ui {

MainWindow::MainWindow(workspace::Workspace &workspace, const WindowContext &context,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_browser(workspace.browser())
    , m_editor(workspace.editor())
    , m_profiles(workspace.profiles())
    , m_catalog(workspace.catalog())
    , m_inspector(workspace.inspector())
    , m_model(workspace.stageModel())
    , m_document(workspace.document())
    , m_stageListModel(workspace.stageList())
    , m_publisher(workspace.publisher())
    , m_arnInput(new ArnInput)
    , m_banner(new MessageBanner)
    , m_tree(new StageTreeView)
    , m_connectionLabel(new QLabel)
    , m_busy(new BusyIndicator)
    , m_connectionBar(new ConnectionBar(m_profiles))
    , m_profilesAction(new QAction(tr("Profiles…"), this))
    , m_settings(std::make_unique<QSettings>())
    , m_layout(std::make_unique<WindowLayout>(*this, *m_settings))
    , m_feedback(std::make_unique<WindowFeedback>(*this, *m_banner, *statusBar(), *m_busy))
{
    auto *toolBar = addToolBar(tr("Connection"));
    toolBar->setObjectName(QStringLiteral("connectionToolBar"));
    toolBar->setMovable(false);
    toolBar->addWidget(m_connectionBar);
    toolBar->addSeparator();
    m_profilesAction->setObjectName(QStringLiteral("profilesAction"));
    m_profilesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_profilesAction->setToolTip(
        tr("Add, edit, test or import profiles (%1)")
            .arg(m_profilesAction->shortcut().toString(QKeySequence::NativeText)));
    toolBar->addAction(m_profilesAction);
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::openProfilesDialog);

    m_tree->setObjectName(QStringLiteral("stageTree"));
    m_tree->setModel(&m_model);
    m_filterBar = new TreeFilterBar(m_tree);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_arnInput);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_tree, 1);
    setCentralWidget(central);

    m_editing = new EditingFlow(workspace, *m_tree, *m_feedback, m_actionIcons, *this);
    m_lookup = new LookupFlow(workspace, *m_arnInput, *m_editing, *m_feedback, m_actionIcons,
                              *m_settings, *this);
    m_files = new StageFilesFlow(m_document, *m_editing, *m_tree, *m_feedback, *this);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_editing->pendingLabel());
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_connectionLabel);
    showConnection();
    if (!context.notice.isEmpty())
        m_feedback->notice(context.notice);
    m_feedback->status(m_profiles.isDemo()
                           ? tr("Pick a demo stage from the ARN list, or paste an ARN.")
                           : tr("Paste a stage ARN and press Enter."));

    connect(&m_browser, &workspace::StageBrowser::stageShown, this, &MainWindow::onStageShown);
    // A rename that took shows in the title at once.
    connect(&m_editor, &workspace::StageEditor::applyFinished, this, &MainWindow::updateTitle);
    connect(m_editing, &EditingFlow::stateChanged, this, [this] {
        // While applying, a new connection would pull the stage from under the apply.
        m_connectionBar->setEnabled(!m_editing->isApplying());
    });
    connect(m_tree, &StageTreeView::copied, this,
            [this](const QString &what) { m_feedback->passing(what); });
    connect(&m_profiles, &workspace::ProfilesController::connectionChanged, this,
            &MainWindow::onConnectionChanged);
    auto showProblem = [this](const QString &message) {
        m_feedback->error(message);
        m_connectionProblem = m_banner->text();
    };
    connect(&m_profiles, &workspace::ProfilesController::connectionProblem, this, showProblem);
    connect(m_connectionBar, &ConnectionBar::problem, this, showProblem);
    m_connectionBar->setSwitchGuard([this] {
        if (!confirmDiscardEdits(tr("Switch the connection")))
            return false;
        // The switch, and with it onConnectionChanged(), follows at once; should it not happen
        // after all, the permission must not linger for a later, unasked switch.
        m_switchConfirmed = true;
        QTimer::singleShot(0, this, [this] { m_switchConfirmed = false; });
        return true;
    });

    m_publishAction = new QAction(tr("&Publish to This Stage…"), this);
    m_publishAction->setObjectName(QStringLiteral("publishAction"));
    m_publishAction->setEnabled(false);
    m_publishAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_publishAction->setToolTip(
        tr("A token or stream key for an encoder, and Send to OBS (%1)")
            .arg(m_publishAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_publishAction, &QAction::triggered, this, &MainWindow::openPublishDialog);
    // Paste an ARN, then this shortcut at once: the dialog opens when the stage arrives.
    connect(&m_browser, &workspace::StageBrowser::lookupStarted, this,
            [this] { m_publishAction->setEnabled(true); });
    auto lookupOver = [this] {
        m_publishWhenShown = false;
        m_publishAction->setEnabled(m_document.stage().has_value());
    };
    connect(&m_browser, &workspace::StageBrowser::lookupFailed, this, lookupOver);
    connect(&m_browser, &workspace::StageBrowser::lookupCancelled, this, lookupOver);
    connect(m_tree, &StageTreeView::publishRequested, this, &MainWindow::openPublishDialog);

    m_editing->addToolBar();
    createBrowsing(workspace);
    createStageToolBar();
    createMenus();
    updateTitle();
    // The tree, the stage list and the panels below need room; most screens have it.
    const QSize room = screen() ? screen()->availableSize() * 9 / 10 : QSize();
    resize(std::clamp(room.width(), 1100, 1480), std::clamp(room.height(), 720, 960));
    m_layoutRestored = m_layout->restore(); // as the user left it, if they did
    m_arnInput->focusInput();
}

MainWindow::~MainWindow()
{
    // Hiding during destruction moves focus and may emit signals; none may reach a half-destroyed
    // window.
    disconnect(&m_browser, nullptr, this, nullptr);
    disconnect(&m_editor, nullptr, this, nullptr);
    disconnect(&m_profiles, nullptr, this, nullptr);
    disconnect(&m_model, nullptr, this, nullptr);
    disconnect(&m_document, nullptr, this, nullptr);
    disconnect(m_tree, nullptr, this, nullptr);
    // An editor still open in the tree commits and closes as focus leaves it; the features go
    // before the widgets they watch.
    delete m_files;
    delete m_lookup;
    delete m_editing;
    disconnect(m_stageList, nullptr, this, nullptr);
    disconnect(m_checks, nullptr, this, nullptr);
    m_live->stopWatching();
}

ProfilesDialog *MainWindow::openProfilesDialog()
{
    if (!m_profilesDialog) {
        m_profilesDialog = new ProfilesDialog(m_profiles, this);
        m_profilesDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_profilesDialog->open();
    m_profilesDialog->raise();
    m_profilesDialog->activateWindow();
    return m_profilesDialog;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(getAction());
    file->addAction(reloadAction());
    file->addSeparator();
    file->addAction(exportAction());
    file->addAction(importAction());
    file->addSeparator();
    file->addAction(m_publishAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction());
    edit->addAction(redoAction());
    edit->addSeparator();
    edit->addAction(m_tree->copyAction());
    edit->addAction(m_tree->copyJsonAction());
    edit->addAction(pasteArnAction());
    edit->addSeparator();
    edit->addAction(reviewAction());
    edit->addAction(applyAction());
    edit->addAction(revertAction());
    edit->addSeparator();
    edit->addAction(addTagAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(focusArnAction());
    // Every part of the window one key press away, its dock shown if it was closed.
    addGoToActions(*this, *view,
                   {{m_tree, tr("Go to Stage &Tree"), QStringLiteral("focusTreeAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_1)},
                    {m_stageList->table(), tr("Go to &Stages"), QStringLiteral("focusStagesAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_2)},
                    {m_checks->table(), tr("Go to &Checks"), QStringLiteral("focusChecksAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_3)},
                    {m_sessions->sessionsView(), tr("Go to S&essions"),
                     QStringLiteral("focusSessionsAction"), QKeySequence(Qt::CTRL | Qt::Key_4)},
                    {m_live->timelineView(), tr("Go to &Live"), QStringLiteral("focusLiveAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_5)}});
    view->addAction(m_filterAction);
    view->addSeparator();
    const auto docks = findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks)
        view->addAction(dock->toggleViewAction());
    // A toolbar hidden (and remembered so) must be easy to bring back.
    view->addSeparator();
    const auto toolBars = findChildren<QToolBar *>(Qt::FindDirectChildrenOnly);
    for (QToolBar *toolBar : toolBars)
        view->addAction(toolBar->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About IVS Stage Browser"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { showAboutDialog(this); });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::showConnection()
{
    m_connectionLabel->setText(m_profiles.connectionDescription());
    m_arnInput->setSuggestions(m_profiles.suggestedArns());
    updateTitle();
}

void MainWindow::onConnectionChanged()
{
    showConnection();
    // A notice such as "no credentials, so the demo is used" may no longer be true.
    if (m_banner->kind() == MessageBanner::Kind::Notice)
        m_feedback->hideBanner();
    // So is a complaint about the connection used before (a keychain it could not read).
    m_feedback->hideBannerIfShowing(std::exchange(m_connectionProblem, {}));
    m_feedback->passing(tr("Now using %1.").arg(m_profiles.connectionDescription()));
    // A switch made elsewhere (the profiles dialog) was not asked about yet.
    if (!std::exchange(m_switchConfirmed, false) &&
        !confirmDiscardEdits(tr("Read the stage again with the new connection"))) {
        m_feedback->status(tr("Your edits are kept; the stage was not read again with the new "
                              "connection. Refresh (F5) when you are ready."));
        return;
    }
    m_browser.refresh();
}

void MainWindow::updateTitle()
{
    const QString stageName = ShownStage::name(m_document);
    QString title = tr("IVS Stage Browser");
    if (m_profiles.isDemo())
        title += tr(" (demo)");
    // "[*]" shows as "*" while edits are pending (setWindowModified).
    if (!stageName.isEmpty())
        title = stageName + QStringLiteral("[*] — ") + title;
    else
        title += QStringLiteral("[*]");
    setWindowTitle(title);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (std::exchange(m_fitScheduled, true))
        return;
    // Once the docks and toolbars have their places for the new size.
    QTimer::singleShot(0, this, [this] {
        m_fitScheduled = false;
        m_layout->fit();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardEdits(tr("Close the window"))) {
        event->ignore();
        return;
    }
    m_layout->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::onStageShown()
{
    updateTitle();
    // A monitor of the stage shown before stops; this one is watched when the user asks.
    m_live->setStage(m_document.arn(), m_document.stage() ? m_document.stage()->name() : QString());
    m_publishAction->setEnabled(m_document.stage().has_value());
    // A key or token for the previous stage (or account) must not stay on screen.
    if (m_publishDialog)
        m_publisher.setStage(workspace::publishTargetOf(m_document));
    if (std::exchange(m_publishWhenShown, false))
        openPublishDialog();
}

PublishDialog *MainWindow::openPublishDialog()
{
    if (m_browser.isBusy()) {
        // Asked for while the stage is on its way: opened for it once it is shown.
        m_publishWhenShown = true;
        return nullptr;
    }
    if (!m_document.stage())
        return nullptr;
    const workspace::PublishTarget target = workspace::publishTargetOf(m_document);
    // Re-targeting drops the token and key, so only when the stage really changed.
    if (m_publisher.target().arn != target.arn || !m_publishDialog)
        m_publisher.setStage(target);
    if (!m_publishDialog) {
        m_publishDialog = new PublishDialog(m_publisher, this);
        m_publishDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_publishDialog->show();
    m_publishDialog->raise();
    m_publishDialog->activateWindow();
    return m_publishDialog;
}

QAction *MainWindow::reloadAction() const
{
    return m_lookup->reloadAction();
}

QAction *MainWindow::getAction() const
{
    return m_lookup->getAction();
}

QAction *MainWindow::pasteArnAction() const
{
    return m_lookup->pasteArnAction();
}

QAction *MainWindow::focusArnAction() const
{
    return m_lookup->focusArnAction();
}

void MainWindow::setDiscardConfirmer(DiscardConfirmer confirmer)
{
    m_editing->setDiscardConfirmer(std::move(confirmer));
}

void MainWindow::setPathChooser(PathChooser chooser)
{
    m_files->setPathChooser(std::move(chooser));
}

bool MainWindow::confirmDiscardEdits(const QString &action)
{
    return m_editing->confirmDiscardEdits(action);
}

ReviewDialog *MainWindow::openReview()
{
    return m_editing->openReview();
}

TagDialog *MainWindow::openAddTag()
{
    return m_editing->openAddTag();
}

TagDialog *MainWindow::openRenameTag(const QString &key)
{
    return m_editing->openRenameTag(key);
}

bool MainWindow::deleteTag(const QString &key)
{
    return m_editing->deleteTag(key);
}

bool MainWindow::revertEdits()
{
    return m_editing->revertEdits();
}

void MainWindow::reload()
{
    m_lookup->reload();
}

bool MainWindow::exportStage()
{
    return m_files->exportStage();
}

bool MainWindow::applyFromFile()
{
    return m_files->applyFromFile();
}

bool MainWindow::lookUpArnIn(const QString &text)
{
    return m_lookup->lookUpArnIn(text);
}

bool MainWindow::pasteStageArn()
{
    return m_lookup->pasteStageArn();
}

} // namespace ui
