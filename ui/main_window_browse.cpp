// MainWindow: the stage list beside the tree, and what the checks and the sessions of the shown
// stage tell, below it.

#include "arn_input.h"
#include "checks_panel.h"
#include "main_window.h"
#include "model/stage_tree_model.h"
#include "sessions_panel.h"
#include "stage_list_panel.h"
#include "stage_tree_view.h"
#include "workspace/stage_browser.h"

#include <algorithm>
#include <QDockWidget>
#include <QStatusBar>
#include <QTimer>

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

void MainWindow::createBrowsing()
{
    m_stageList = new StageListPanel(m_catalog, m_stageListModel, m_profiles);
    m_checks = new ChecksPanel(m_inspector);
    m_sessions = new SessionsPanel(m_inspector);

    QDockWidget *stages = makeDock(tr("Stages"), QStringLiteral("stagesDock"), m_stageList, this);
    QDockWidget *checks = makeDock(tr("Checks"), QStringLiteral("checksDock"), m_checks, this);
    QDockWidget *sessions =
        makeDock(tr("Sessions"), QStringLiteral("sessionsDock"), m_sessions, this);
    addDockWidget(Qt::LeftDockWidgetArea, stages);
    addDockWidget(Qt::BottomDockWidgetArea, checks);
    addDockWidget(Qt::BottomDockWidgetArea, sessions);
    tabifyDockWidget(checks, sessions);
    checks->raise();
    // The tree keeps the corners: the bottom docks sit under it, not under the stage list.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    // Once the window has its size: docks are sized against it.
    QTimer::singleShot(0, this, [this, stages, checks] {
        if (m_layoutRestored) // the user's own sizes, from the last time
            return;
        resizeDocks({stages}, {std::clamp(width() / 4, 260, 420)}, Qt::Horizontal);
        resizeDocks({checks}, {std::clamp(height() * 2 / 5, 220, 380)}, Qt::Vertical);
    });

    connect(m_stageList, &StageListPanel::stageActivated, this, &MainWindow::showListedStage);
    connect(m_checks, &ChecksPanel::fieldRequested, this, &MainWindow::showField);
    connect(&m_browser, &workspace::StageBrowser::stageShown, m_stageList,
            [this](const QString &arn) { m_stageList->markShownStage(arn); });
}

void MainWindow::showListedStage(const QString &arn)
{
    // The same question as typing an ARN: another stage replaces the one being edited.
    if (lookUp(arn))
        m_arnInput->setText(arn);
}

void MainWindow::showField(const QString &fieldPath)
{
    const QModelIndex index = m_model.indexForPath(fieldPath);
    if (!index.isValid()) {
        statusBar()->showMessage(tr("The tree has no row %1.").arg(fieldPath), 5000);
        return;
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_tree->setFocus(Qt::OtherFocusReason);
}

} // namespace ui
