#include "main_window.h"

#include "about_dialog.h"
#include "arn_input.h"
#include "busy_indicator.h"
#include "checks_panel.h"
#include "connection_bar.h"
#include "document/stage_document.h"
#include "go_to_actions.h"
#include "message_banner.h"
#include "model/stage_tree_model.h"
#include "profiles_dialog.h"
#include "publish_dialog.h"
#include "sessions_panel.h"
#include "stage_field_delegate.h"
#include "stage_list_panel.h"
#include "stage_tree_view.h"
#include "tree_filter_bar.h"
#include "window_layout.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/recent_arns.h"
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
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <utility>

namespace ui {

namespace {
constexpr int kTransientMessageMs = 5000;
}

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
    , m_pendingLabel(new QLabel)
    , m_busy(new BusyIndicator)
    , m_connectionBar(new ConnectionBar(m_profiles))
    , m_profilesAction(new QAction(tr("Profiles…"), this))
    , m_settings(std::make_unique<QSettings>())
    , m_recentArns(std::make_unique<workspace::RecentArns>(*m_settings))
    , m_layout(std::make_unique<WindowLayout>(*this, *m_settings))
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

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_connectionLabel);
    connect(m_busy, &BusyIndicator::cancelRequested, &m_browser, &workspace::StageBrowser::cancel);
    showConnection();
    if (!context.notice.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Notice, context.notice);
    statusBar()->showMessage(m_profiles.isDemo()
                                 ? tr("Pick a demo stage from the ARN list, or paste an ARN.")
                                 : tr("Paste a stage ARN and press Enter."));

    auto *cancel = new QAction(tr("Cancel"), this);
    cancel->setShortcut(Qt::Key_Escape);
    connect(cancel, &QAction::triggered, &m_browser, &workspace::StageBrowser::cancel);
    addAction(cancel);

    connect(m_arnInput, &ArnInput::submitted, this, &MainWindow::lookUpTyped);
    connect(&m_browser, &workspace::StageBrowser::lookupStarted, this,
            &MainWindow::onLookupStarted);
    connect(&m_browser, &workspace::StageBrowser::stageShown, this, &MainWindow::onStageShown);
    connect(&m_browser, &workspace::StageBrowser::lookupFailed, this, &MainWindow::onLookupFailed);
    connect(&m_browser, &workspace::StageBrowser::inputRejected, this,
            &MainWindow::onInputRejected);
    connect(&m_browser, &workspace::StageBrowser::lookupCancelled, this,
            [this] { statusBar()->showMessage(tr("Cancelled."), kTransientMessageMs); });
    connect(&m_browser, &workspace::StageBrowser::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(&m_browser, &workspace::StageBrowser::busyChanged, this, [this](bool busy) {
        m_busy->setBusy(busy);
        if (busy)
            setCursor(Qt::BusyCursor);
        else
            unsetCursor();
        updateEditingState();
    });
    connect(m_tree, &StageTreeView::copied, this,
            [this](const QString &what) { statusBar()->showMessage(what, kTransientMessageMs); });
    connect(&m_profiles, &workspace::ProfilesController::connectionChanged, this,
            &MainWindow::onConnectionChanged);
    auto showProblem = [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Kind::Error, message);
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
    connect(m_publishAction, &QAction::triggered, this, &MainWindow::openPublishDialog);

    createEditing();
    createBrowsing();
    createComforts();
    createMenus();
    updateTitle();
    updateEditingState();
    // The tree, the stage list and the panels below need room; most screens have it.
    const QSize room = screen() ? screen()->availableSize() * 9 / 10 : QSize();
    resize(std::clamp(room.width(), 1100, 1480), std::clamp(room.height(), 720, 960));
    restoreLayout(); // as the user left it, if they did
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
    disconnect(m_document.undoStack(), nullptr, this, nullptr);
    // An editor still open in the tree commits and closes as focus leaves it.
    disconnect(m_tree->fieldDelegate(), nullptr, this, nullptr);
    disconnect(m_tree, nullptr, this, nullptr);
    disconnect(m_stageList, nullptr, this, nullptr);
    disconnect(m_checks, nullptr, this, nullptr);
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
    file->addAction(m_getAction);
    file->addAction(m_reloadAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_publishAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_tree->copyAction());
    edit->addAction(m_tree->copyJsonAction());
    edit->addAction(m_pasteArnAction);
    edit->addSeparator();
    edit->addAction(m_reviewAction);
    edit->addAction(m_applyAction);
    edit->addAction(m_revertAction);
    edit->addSeparator();
    edit->addAction(m_addTagAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusArnAction);
    // Every part of the window one key press away, its dock shown if it was closed.
    addGoToActions(*this, *view,
                   {{m_tree, tr("Go to Stage &Tree"), QStringLiteral("focusTreeAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_1)},
                    {m_stageList->table(), tr("Go to &Stages"), QStringLiteral("focusStagesAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_2)},
                    {m_checks->table(), tr("Go to &Checks"), QStringLiteral("focusChecksAction"),
                     QKeySequence(Qt::CTRL | Qt::Key_3)},
                    {m_sessions->sessionsView(), tr("Go to S&essions"),
                     QStringLiteral("focusSessionsAction"), QKeySequence(Qt::CTRL | Qt::Key_4)}});
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
        m_banner->hide();
    statusBar()->showMessage(tr("Now using %1.").arg(m_profiles.connectionDescription()),
                             kTransientMessageMs);
    // A switch made elsewhere (the profiles dialog) was not asked about yet.
    if (!std::exchange(m_switchConfirmed, false) &&
        !confirmDiscardEdits(tr("Read the stage again with the new connection"))) {
        statusBar()->showMessage(tr("Your edits are kept; the stage was not read again with the "
                                    "new connection. Refresh (F5) when you are ready."));
        return;
    }
    m_browser.refresh();
}

QString MainWindow::shownName() const
{
    if (!m_document.stage())
        return {};
    const QString name = m_document.stage()->name();
    return name.isEmpty() ? m_document.arn() : name;
}

void MainWindow::updateTitle()
{
    const QString stageName = shownName();
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

bool MainWindow::lookUp(const QString &text)
{
    const bool same = !m_browser.shownArn().isEmpty() && text.trimmed() == m_browser.shownArn();
    if (!confirmDiscardEdits(same ? tr("Look the stage up again") : tr("Look up another stage"))) {
        statusBar()->showMessage(tr("Nothing was looked up; your edits are kept."),
                                 kTransientMessageMs);
        return false;
    }
    m_browser.lookUp(text);
    return true;
}

void MainWindow::reload()
{
    if (m_browser.shownArn().isEmpty() || !confirmDiscardEdits(tr("Reload the stage")))
        return;
    m_browser.refresh();
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

void MainWindow::onLookupStarted(const QString &arn)
{
    statusBar()->showMessage(tr("Looking up %1…").arg(arn));
}

void MainWindow::onStageShown(const QString &arn)
{
    m_banner->hide();
    m_arnInput->setRecentArns(m_recentArns->remember(arn));
    updateTitle();
    statusBar()->showMessage(
        tr("Showing %1, retrieved at %2.").arg(shownName(), QTime::currentTime().toString()));
    // The storage picker lists the configurations of the stage's region.
    m_editor.loadStorageChoices();
    updateEditingState();
    m_publishAction->setEnabled(m_document.stage().has_value());
    // A key or token for the previous stage (or account) must not stay on screen.
    if (m_publishDialog)
        m_publisher.setStage(workspace::publishTargetOf(m_document));
}

PublishDialog *MainWindow::openPublishDialog()
{
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

void MainWindow::onLookupFailed(const QString &arn, const QString &message)
{
    QString text = tr("Could not get %1.\n%2").arg(arn, message);
    if (!shownName().isEmpty())
        text += QLatin1Char('\n') +
                tr("The tree still shows %1 as retrieved at %2, marked stale.")
                    .arg(shownName(), m_browser.shownRetrievedAt().time().toString());
    if (m_document.hasPendingEdits())
        text += QLatin1Char('\n') + tr("Your edits to it are still pending.");
    m_banner->showMessage(MessageBanner::Kind::Error, text);
    statusBar()->showMessage(tr("Lookup failed."));
}

void MainWindow::onInputRejected(const QString &message)
{
    m_banner->showMessage(MessageBanner::Kind::Error, message);
    statusBar()->showMessage(tr("Nothing was sent: the ARN is not valid."));
    m_arnInput->focusInput();
}

} // namespace ui
