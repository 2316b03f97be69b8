#include "model/subtree_json.h"

#include "model/stage_tree_model.h"

#include <QJsonValue>

namespace model {

namespace {

QJsonValue valueOf(const QModelIndex &field)
{
    const QAbstractItemModel *model = field.model();
    if (!model->hasChildren(field))
        return field.data(StageTreeModel::JsonValueRole).value<QJsonValue>();
    QJsonObject object;
    for (int row = 0; row < model->rowCount(field); ++row) {
        const QModelIndex child = model->index(row, StageTreeModel::FieldColumn, field);
        if (child.data(StageTreeModel::EditStateRole).toInt() ==
            static_cast<int>(EditState::Removed))
            continue;
        const QJsonValue value = valueOf(child);
        if (!value.isUndefined())
            object.insert(child.data().toString(), value);
    }
    return object;
}

} // namespace

QJsonObject subtreeAsJson(const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    const QModelIndex field = index.siblingAtColumn(StageTreeModel::FieldColumn);
    const QJsonValue value = valueOf(field);
    // A field the service did not return and that has no default is still named, as null.
    return QJsonObject{{field.data().toString(), value.isUndefined() ? QJsonValue() : value}};
}

} // namespace model
