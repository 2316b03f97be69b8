#include "window_layout.h"

#include "column_widths.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace ui {

namespace {

// Raised when the docks or toolbars change so much that an old arrangement no longer fits.
constexpr int kStateVersion = 1;

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplittersGroup = QStringLiteral("window/splitters");
const QString kColumnsGroup = QStringLiteral("window/columns");

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    return nullptr;
}

} // namespace

WindowLayout::WindowLayout(QMainWindow &window, QSettings &settings)
    : m_window(window)
    , m_settings(settings)
{
}

bool WindowLayout::restore()
{
    const auto views = m_window.findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        QHeaderView *header = headerOf(view);
        if (view->objectName().isEmpty() || !header)
            continue;
        auto *columns = new ColumnWidths(header);
        columns->setObjectName(view->objectName());
        columns->setWidths(
            m_settings.value(kColumnsGroup + QLatin1Char('/') + view->objectName()).toMap());
        m_columns.append(columns);
    }
    const auto splitters = m_window.findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        const QByteArray state =
            m_settings.value(kSplittersGroup + QLatin1Char('/') + splitter->objectName())
                .toByteArray();
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state);
    }
    const QByteArray geometry = m_settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        m_window.restoreGeometry(geometry);
    const QByteArray state = m_settings.value(kStateKey).toByteArray();
    return !state.isEmpty() && m_window.restoreState(state, kStateVersion);
}

void WindowLayout::fit()
{
    // Toolbars of the top area, in order, rows broken where the next one would not fit whole.
    QList<QToolBar *> toolBars;
    const auto all = m_window.findChildren<QToolBar *>(Qt::FindDirectChildrenOnly);
    for (QToolBar *toolBar : all) {
        if (m_window.toolBarArea(toolBar) == Qt::TopToolBarArea && !toolBar->isHidden() &&
            !toolBar->isFloating())
            toolBars.append(toolBar);
    }
    std::sort(toolBars.begin(), toolBars.end(), [](const QToolBar *a, const QToolBar *b) {
        return a->y() != b->y() ? a->y() < b->y() : a->x() < b->x();
    });
    const int available = m_window.width();
    int used = 0;
    for (QToolBar *toolBar : std::as_const(toolBars)) {
        const int wanted = toolBar->sizeHint().width();
        const bool breakBefore = used > 0 && used + wanted > available;
        if (breakBefore != m_window.toolBarBreak(toolBar)) {
            if (breakBefore)
                m_window.insertToolBarBreak(toolBar);
            else
                m_window.removeToolBarBreak(toolBar);
        }
        used = breakBefore ? wanted : used + wanted;
    }

    // The central widget's share of the dock area, across and down.
    QWidget *central = m_window.centralWidget();
    if (!central)
        return;
    QList<QDockWidget *> across;
    QList<QDockWidget *> down;
    int acrossSpace = central->width();
    int downSpace = central->height();
    const auto docks = m_window.findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks) {
        if (dock->isFloating() || !dock->isVisible())
            continue; // a tab behind another one is not visible either
        const Qt::DockWidgetArea area = m_window.dockWidgetArea(dock);
        if (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea) {
            across.append(dock);
            acrossSpace += dock->width();
        } else if (area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea) {
            down.append(dock);
            downSpace += dock->height();
        }
    }
    const auto giveWay = [this](const QList<QDockWidget *> &area, int space, int centralSize,
                                Qt::Orientation orientation) {
        if (area.isEmpty() || centralSize * 2 >= space)
            return;
        QList<int> sizes;
        for (QDockWidget *dock : area) {
            const QSize least = dock->minimumSizeHint();
            const int share = space * 45 / 100 / int(area.size());
            sizes.append(
                std::max(orientation == Qt::Horizontal ? least.width() : least.height(), share));
        }
        m_window.resizeDocks(area, sizes, orientation);
    };
    giveWay(across, acrossSpace, central->width(), Qt::Horizontal);
    giveWay(down, downSpace, central->height(), Qt::Vertical);
}

void WindowLayout::save() const
{
    m_settings.setValue(kGeometryKey, m_window.saveGeometry());
    m_settings.setValue(kStateKey, m_window.saveState(kStateVersion));
    const auto splitters = m_window.findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            m_settings.setValue(kSplittersGroup + QLatin1Char('/') + splitter->objectName(),
                                splitter->saveState());
    }
    for (const ColumnWidths *columns : m_columns) {
        if (!columns)
            continue;
        const QString key = kColumnsGroup + QLatin1Char('/') + columns->objectName();
        if (columns->widths().isEmpty())
            m_settings.remove(key);
        else
            m_settings.setValue(key, columns->widths());
    }
    m_settings.sync();
}

} // namespace ui
