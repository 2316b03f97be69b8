#include "row_icon_proxy.h"

#include "model/inspection_roles.h"

#include <QStyle>
#include <QWidget>

namespace ui {

RowIconProxy::RowIconProxy(QAbstractItemModel *source, QWidget *widget)
    : QIdentityProxyModel(widget)
    , m_widget(widget)
{
    setSourceModel(source);
}

QVariant RowIconProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole || index.column() != 0 || !m_widget)
        return QIdentityProxyModel::data(index, role);
    QStyle *style = m_widget->style();
    switch (static_cast<model::RowIcon>(index.data(model::RowIconRole).toInt())) {
    case model::RowIcon::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, m_widget);
    case model::RowIcon::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, m_widget);
    case model::RowIcon::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, m_widget);
    case model::RowIcon::Live:
        return style->standardIcon(QStyle::SP_MediaPlay, nullptr, m_widget);
    case model::RowIcon::None:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace ui
