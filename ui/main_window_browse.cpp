// MainWindow: the stage list beside the tree, what the checks and the sessions of the shown
// stage tell, below it, the tree's filter, and text or links dropped anywhere on the window.

#include "checks_panel.h"
#include "desktop_notifier.h"
#include "live_panel.h"
#include "lookup_flow.h"
#include "main_window.h"
#include "model/stage_tree_model.h"
#include "recordings_window.h"
#include "sessions_panel.h"
#include "stage_list_panel.h"
#include "stage_tree_view.h"
#include "tree_filter_bar.h"
#include "window_feedback.h"
#include "window_layout.h"
#include "workspace/live_monitor.h"
#include "workspace/stage_browser.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <QAction>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace ui {

namespace {

QDockWidget *makeDock(const QString &title, const QString &name, QWidget *content, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(name);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    return dock;
}

} // namespace

void MainWindow::createBrowsing(workspace::Workspace &workspace)
{
    m_stageList = new StageListPanel(m_catalog, m_stageListModel, m_profiles);
    m_checks = new ChecksPanel(m_inspector);
    m_sessions = new SessionsPanel(m_inspector);
    m_live = new LivePanel(
        [&workspace](const ivs::StageArn &stage) { return workspace.makeMonitor(stage); });
    m_live->setNotifications(
        new DesktopNotifier([] { return QDBusConnection::sessionBus(); }, this), m_settings.get());

    QDockWidget *stages = makeDock(tr("Stages"), QStringLiteral("stagesDock"), m_stageList, this);
    QDockWidget *checks = makeDock(tr("Checks"), QStringLiteral("checksDock"), m_checks, this);
    QDockWidget *sessions =
        makeDock(tr("Sessions"), QStringLiteral("sessionsDock"), m_sessions, this);
    addDockWidget(Qt::LeftDockWidgetArea, stages);
    addDockWidget(Qt::BottomDockWidgetArea, checks);
    QDockWidget *live = makeDock(tr("Live"), QStringLiteral("liveDock"), m_live, this);
    addDockWidget(Qt::BottomDockWidgetArea, sessions);
    addDockWidget(Qt::BottomDockWidgetArea, live);
    tabifyDockWidget(checks, sessions);
    tabifyDockWidget(sessions, live);
    checks->raise();
    // The tree keeps the corners: the bottom docks sit under it, not under the stage list.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    // Once the window has its size: docks are sized against it.
    QTimer::singleShot(0, this, [this, stages, checks] {
        if (!m_layoutRestored) { // else the user's own sizes, from the last time
            resizeDocks({stages}, {std::clamp(width() / 4, 220, 420)}, Qt::Horizontal);
            resizeDocks({checks}, {std::clamp(height() * 2 / 5, 160, 380)}, Qt::Vertical);
        }
        m_layout->fit(); // the tree keeps its room, restored or not
    });

    connect(m_stageList, &StageListPanel::stageActivated, m_lookup, &LookupFlow::showListedStage);
    connect(m_checks, &ChecksPanel::fieldRequested, this, &MainWindow::showField);
    // A finding about a participant selects it in the Sessions panel, which must then be seen.
    connect(m_checks, &ChecksPanel::participantRequested, this, [sessions] {
        sessions->show();
        sessions->raise();
    });
    // A click on a failure's notification: the window comes up with the participant in view.
    connect(m_live, &LivePanel::attentionRequested, this, [this, live] {
        if (isMinimized())
            showNormal();
        live->show();
        live->raise();
        raise();
        activateWindow();
    });
    connect(m_sessions, &SessionsPanel::recordingsRequested, this,
            [this, &workspace](const QString &arnText, const QString &sessionId) {
                const auto arn = ivs::StageArn::parse(arnText);
                if (!arn)
                    return;
                auto *window = new RecordingsWindow(workspace, *arn, sessionId, this);
                window->show();
            });
    connect(&m_browser, &workspace::StageBrowser::stageShown, m_stageList,
            [this](const QString &arn) { m_stageList->markShownStage(arn); });
}

void MainWindow::showField(const QString &fieldPath)
{
    const QModelIndex index = m_model.indexForPath(fieldPath);
    if (!index.isValid()) {
        m_feedback->passing(tr("The tree has no row %1.").arg(fieldPath));
        return;
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_tree->setFocus(Qt::OtherFocusReason);
    // A finding is there to be fixed: a field that can be edited opens its editor at once (the
    // storage picker's list is one click away), so the fix is the finding, the pick, Ctrl+S and
    // Enter.
    const QModelIndex value = index.siblingAtColumn(model::StageTreeModel::ValueColumn);
    if (m_tree->isEditingEnabled() && value.data(model::StageTreeModel::IsEditableRole).toBool())
        m_tree->edit(value);
}

void MainWindow::createStageToolBar()
{
    m_filterAction = new QAction(tr("&Filter Tree…"), this);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setShortcut(QKeySequence::Find);
    m_actionIcons.set(m_filterAction, QStringLiteral("view-filter"),
                      QStringLiteral(":/ui/icons/filter.svg"), palette());
    m_filterAction->setIconText(tr("Filter"));
    m_filterAction->setToolTip(
        tr("Show only the rows of the tree that contain some text (%1; Escape shows all again)")
            .arg(m_filterAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_filterAction, &QAction::triggered, m_filterBar, &TreeFilterBar::open);
    addAction(m_filterAction);

    auto *toolBar = new QToolBar(tr("Stage"), this);
    toolBar->setObjectName(QStringLiteral("stageToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Text-sized, like the labels of the text-only buttons beside them.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    toolBar->setIconSize(QSize(iconSize, iconSize));
    toolBar->addAction(reloadAction());
    toolBar->addAction(m_filterAction);
    // The toolbars share one row: the filter's funnel (and its tooltip) is enough there.
    if (auto *filterButton = qobject_cast<QToolButton *>(toolBar->widgetForAction(m_filterAction)))
        filterButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    // Reading the stage again comes before changing it.
    if (auto *editToolBar = findChild<QToolBar *>(QStringLiteral("editToolBar")))
        insertToolBar(editToolBar, toolBar);
    else
        addToolBar(toolBar);

    // Text or links dropped anywhere on the window; the ARN field leaves them to it as well.
    setAcceptDrops(true);
}

void MainWindow::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::ThemeChange:
        m_actionIcons.redraw(palette());
        break;
    case QEvent::WindowStateChange:
        // Nobody sees the live view of a minimised window: it polls again, at once, on return.
        if (m_live)
            m_live->setWindowMinimised(isMinimized());
        break;
    default:
        break;
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime && (mime->hasText() || mime->hasUrls()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime && (mime->hasText() || mime->hasUrls()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString text = LookupFlow::offeredText(event->mimeData());
    if (text.isEmpty())
        return;
    event->acceptProposedAction();
    // The drag's source waits for the drop to finish: the lookup (and any question about
    // pending edits) starts after.
    QMetaObject::invokeMethod(
        this, [this, text] { m_lookup->lookUpArnIn(text); }, Qt::QueuedConnection);
}

} // namespace ui
