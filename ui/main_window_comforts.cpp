// MainWindow: comforts for everyday use — looking up a stage ARN pasted or dropped anywhere,
// keyboard shortcuts for the ARN field, the tree filter and refreshing, the recent ARNs kept
// across starts, and the window laid out as the user left it.

#include "arn_input.h"
#include "icons.h"
#include "ivs/stage_arn_in_text.h"
#include "main_window.h"
#include "message_banner.h"
#include "stage_tree_view.h"
#include "tree_filter_bar.h"
#include "window_layout.h"
#include "workspace/recent_arns.h"
#include "workspace/stage_editor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace ui {

namespace {

constexpr int kTransientMessageMs = 5000;

QString shortcutText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

// What a drop or the clipboard offers: the text, else the links (a browser's address bar or a
// file manager may give only those).
QString offeredText(const QMimeData *mime)
{
    if (!mime)
        return {};
    if (mime->hasText() && !mime->text().trimmed().isEmpty())
        return mime->text();
    QStringList links;
    const auto urls = mime->urls();
    for (const QUrl &url : urls)
        links.append(url.toString(QUrl::FullyEncoded));
    return links.join(QLatin1Char('\n'));
}

} // namespace

void MainWindow::createComforts()
{
    m_arnInput->setRecentArns(m_recentArns->arns());
    connect(m_arnInput, &ArnInput::clearRecentRequested, this, &MainWindow::clearRecentArns);

    m_getAction = new QAction(tr("&Get Stage"), this);
    m_getAction->setObjectName(QStringLiteral("getAction"));
    m_actionIcons.set(m_getAction, QStringLiteral("edit-find"),
                      QStringLiteral(":/ui/icons/look-up.svg"), palette());
    m_getAction->setToolTip(tr("Look up the stage whose ARN is in the field (Enter there)"));
    connect(m_getAction, &QAction::triggered, this, [this] { lookUpTyped(m_arnInput->text()); });

    m_actionIcons.set(m_reloadAction, QStringLiteral("view-refresh"),
                      QStringLiteral(":/ui/icons/refresh.svg"), palette());
    m_reloadAction->setIconText(tr("Refresh"));

    m_pasteArnAction = new QAction(tr("&Paste Stage ARN"), this);
    m_pasteArnAction->setObjectName(QStringLiteral("pasteArnAction"));
    // A text field with the focus takes Ctrl+V for itself first; anywhere else it lands here.
    m_pasteArnAction->setShortcut(QKeySequence::Paste);
    m_pasteArnAction->setToolTip(
        tr("Look up the stage ARN on the clipboard, or the one in a copied console link (%1)")
            .arg(shortcutText(m_pasteArnAction)));
    connect(m_pasteArnAction, &QAction::triggered, this, &MainWindow::pasteStageArn);
    addAction(m_pasteArnAction);

    m_focusArnAction = new QAction(tr("Go to Stage &ARN"), this);
    m_focusArnAction->setObjectName(QStringLiteral("focusArnAction"));
    m_focusArnAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_focusArnAction->setToolTip(tr("Put the cursor in the ARN field, its text selected (%1)")
                                     .arg(shortcutText(m_focusArnAction)));
    connect(m_focusArnAction, &QAction::triggered, m_arnInput, &ArnInput::focusAndSelectInput);
    addAction(m_focusArnAction);

    m_filterAction = new QAction(tr("&Filter Tree…"), this);
    m_filterAction->setObjectName(QStringLiteral("filterAction"));
    m_filterAction->setShortcut(QKeySequence::Find);
    m_actionIcons.set(m_filterAction, QStringLiteral("view-filter"),
                      QStringLiteral(":/ui/icons/filter.svg"), palette());
    m_filterAction->setIconText(tr("Filter"));
    m_filterAction->setToolTip(
        tr("Show only the rows of the tree that contain some text (%1; Escape shows all again)")
            .arg(shortcutText(m_filterAction)));
    connect(m_filterAction, &QAction::triggered, m_filterBar, &TreeFilterBar::open);
    addAction(m_filterAction);

    auto *toolBar = new QToolBar(tr("Stage"), this);
    toolBar->setObjectName(QStringLiteral("stageToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Text-sized, like the labels of the text-only buttons beside them.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    toolBar->setIconSize(QSize(iconSize, iconSize));
    toolBar->addAction(m_reloadAction);
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

void MainWindow::restoreLayout()
{
    m_layoutRestored = m_layout->restore();
}

void MainWindow::clearRecentArns()
{
    m_recentArns->clear();
    m_arnInput->setRecentArns({});
    statusBar()->showMessage(tr("The list of recent stage ARNs is cleared."), kTransientMessageMs);
}

void MainWindow::lookUpTyped(const QString &text)
{
    if (!ivs::StageArn::parse(text)) {
        if (const auto arn = ivs::findStageArnInText(text)) {
            if (lookUp(arn->text()))
                m_arnInput->setText(arn->text());
            return;
        }
    }
    // A valid ARN, or nothing that holds one: the lookup itself says what is wrong with it.
    lookUp(text);
}

bool MainWindow::lookUpArnIn(const QString &text)
{
    if (m_editor.isApplying()) {
        // As the disabled ARN field: another stage must not replace the one being applied.
        statusBar()->showMessage(tr("Changes are being applied; look up another stage after."),
                                 kTransientMessageMs);
        return false;
    }
    QString problem;
    const auto arn = ivs::findStageArnInText(text, &problem);
    if (!arn) {
        // Neither the field nor the tree changes: what the user had stays.
        m_banner->showMessage(MessageBanner::Kind::Error,
                              problem + QLatin1Char('\n') +
                                  tr("Nothing was looked up; the ARN field and the tree are as "
                                     "they were."));
        statusBar()->showMessage(tr("No stage ARN in the pasted or dropped text."),
                                 kTransientMessageMs);
        return false;
    }
    if (!lookUp(arn->text()))
        return false;
    m_arnInput->setText(arn->text());
    return true;
}

bool MainWindow::pasteStageArn()
{
    return lookUpArnIn(offeredText(QApplication::clipboard()->mimeData()));
}

void MainWindow::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::ThemeChange:
        m_actionIcons.redraw(palette());
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
    const QString text = offeredText(event->mimeData());
    if (text.isEmpty())
        return;
    event->acceptProposedAction();
    // The drag's source waits for the drop to finish: the lookup (and any question about
    // pending edits) starts after.
    QMetaObject::invokeMethod(
        this, [this, text] { lookUpArnIn(text); }, Qt::QueuedConnection);
}

} // namespace ui
