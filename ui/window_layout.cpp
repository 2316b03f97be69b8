#include "window_layout.h"

#include "column_widths.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
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
