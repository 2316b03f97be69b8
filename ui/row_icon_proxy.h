#pragma once

#include <QIdentityProxyModel>
#include <QPointer>

namespace ui {

// Draws the icon an inspection model asks for (model::RowIconRole) in its first column, with the
// style's standard pictures, so the models need know nothing of widgets.
class RowIconProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    // `widget` supplies the style; the proxy is its child.
    explicit RowIconProxy(QAbstractItemModel *source, QWidget *widget);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPointer<QWidget> m_widget;
};

} // namespace ui
