#include "wrapping_table_view.h"

#include <QHeaderView>

namespace ui {

void setUpReadOnlyTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Read-only rows have no cells to step through: Tab leaves the table for the next control
    // rather than trapping the keyboard in it.
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

WrappingTableView::WrappingTableView(QWidget *parent)
    : QTableView(parent)
{
    setUpReadOnlyTable(this);
    setWordWrap(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_fit.setSingleShot(true);
    m_fit.setInterval(0);
    connect(&m_fit, &QTimer::timeout, this, &QTableView::resizeRowsToContents);
    connect(horizontalHeader(), &QHeaderView::sectionResized, &m_fit, qOverload<>(&QTimer::start));
}

void WrappingTableView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), nullptr, &m_fit, nullptr);
    QTableView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, &m_fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::layoutChanged, &m_fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsInserted, &m_fit, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, &m_fit, qOverload<>(&QTimer::start));
    m_fit.start();
}

void WrappingTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    m_fit.start();
}

} // namespace ui
