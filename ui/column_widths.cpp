#include "column_widths.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTimer>

namespace ui {

ColumnWidths::ColumnWidths(QHeaderView *header)
    : QObject(header)
    , m_header(header)
{
    connect(header, &QHeaderView::sectionResized, this, &ColumnWidths::onSectionResized);
    if (QAbstractItemModel *model = header->model()) {
        // The view fits its columns in its own handlers of these; the user's widths go back
        // once those have run (some views fit from a handler of the proxy's source, later).
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                &ColumnWidths::modelChanging);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &ColumnWidths::modelChanging);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &ColumnWidths::modelChanging);
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &ColumnWidths::modelChanging);
    }
}

QVariantMap ColumnWidths::widths() const
{
    QVariantMap result;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        result.insert(QString::number(it.key()), it.value());
    return result;
}

void ColumnWidths::setWidths(const QVariantMap &widths)
{
    m_widths.clear();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        bool isNumber = false;
        const int column = it.key().toInt(&isNumber);
        const int width = it.value().toInt();
        // A settings file edited by hand must not make a column vanish or swallow the screen.
        if (isNumber && column >= 0 && width >= m_header->minimumSectionSize() && width <= 4000)
            m_widths.insert(column, width);
    }
    reapply();
}

bool ColumnWidths::isUserSizable(int logicalIndex) const
{
    if (logicalIndex >= m_header->count() ||
        m_header->sectionResizeMode(logicalIndex) != QHeaderView::Interactive)
        return false;
    // The last column of a stretching header takes whatever room is left.
    return !(m_header->stretchLastSection() &&
             m_header->visualIndex(logicalIndex) == m_header->count() - 1);
}

void ColumnWidths::onSectionResized(int logicalIndex, int, int newSize)
{
    if (m_applying || m_modelChanging || !isUserSizable(logicalIndex))
        return;
    m_widths.insert(logicalIndex, newSize);
}

void ColumnWidths::modelChanging()
{
    if (m_modelChanging)
        return;
    m_modelChanging = true;
    QTimer::singleShot(0, this, [this] {
        m_modelChanging = false;
        reapply();
    });
}

void ColumnWidths::reapply()
{
    m_applying = true;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it) {
        if (isUserSizable(it.key()) && m_header->sectionSize(it.key()) != it.value())
            m_header->resizeSection(it.key(), it.value());
    }
    m_applying = false;
}

} // namespace ui
