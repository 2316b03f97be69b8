// StageTreeModel: how the document's pending edits show in the tree, and edits typed in the tree
// forwarded to the document.

#include "document/stage_document.h"
#include "ivs/field_path.h"
#include "ivs/stage_rules.h"
#include "model/stage_tree_model.h"

#include <QJsonArray>

namespace model {

bool StageTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != ValueColumn || !index.isValid())
        return false;
    // The document checks the value against the field's rules and reports a refusal.
    return m_document.setValue(nodeAt(index)->path, value);
}

StageTreeNode *StageTreeModel::mutableNode(const QModelIndex &index) const
{
    return const_cast<StageTreeNode *>(nodeAt(index));
}

StageTreeNode *StageTreeModel::tagsNode() const
{
    const QModelIndex tags = indexForPath(ivs::fieldpath::kTags);
    return tags.isValid() ? mutableNode(tags) : nullptr;
}

void StageTreeModel::emitRowChanged(const StageTreeNode &node)
{
    const QModelIndex first =
        createIndex(node.row, FieldColumn, const_cast<StageTreeNode *>(&node));
    emit dataChanged(first, first.siblingAtColumn(NoteColumn));
}

void StageTreeModel::syncEdits()
{
    if (!m_root)
        return;
    const ivs::EditableConfig &original = m_document.originalConfig();
    const ivs::EditableConfig &edited = m_document.editedConfig();
    const QStringList paths = ivs::editablePaths();
    for (const QString &path : paths) {
        const QModelIndex index = indexForPath(path);
        if (!index.isValid())
            continue;
        StageTreeNode &node = *mutableNode(index);
        const QJsonValue value = edited.valueAt(path);
        const bool changed = value != original.valueAt(path);
        const EditState state = changed ? EditState::Changed : EditState::Unchanged;
        if (state != node.editState || (changed && value != node.pendingValue)) {
            node.editState = state;
            node.pendingValue = changed ? value : QJsonValue();
            // The row and the groups above it (their notes say "edited").
            for (StageTreeNode *row = &node; row && row != m_root.get(); row = row->parent)
                emitRowChanged(*row);
        }
    }
    refreshTagRows();
}

void StageTreeModel::refreshTagRows()
{
    StageTreeNode *tags = tagsNode();
    if (!tags)
        return;
    const ivs::EditableConfig &original = m_document.originalConfig();
    const ivs::EditableConfig &edited = m_document.editedConfig();
    // Rows: every tag the service has (deleted ones struck through) and every new one, by key.
    QStringList keys = original.tags.keys() + edited.tags.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList current;
    for (const auto &child : tags->children)
        current.append(child->key);

    const QModelIndex tagsIndex = createIndex(tags->row, FieldColumn, tags);
    if (current != keys) {
        if (!tags->children.empty()) {
            beginRemoveRows(tagsIndex, 0, static_cast<int>(tags->children.size()) - 1);
            tags->children.clear();
            endRemoveRows();
        }
        if (!keys.isEmpty()) {
            beginInsertRows(tagsIndex, 0, static_cast<int>(keys.size()) - 1);
            for (const QString &key : std::as_const(keys)) {
                auto entry = std::make_unique<StageTreeNode>();
                entry->key = key;
                entry->path = ivs::fieldpath::tag(key);
                tags->addChild(std::move(entry));
            }
            endInsertRows();
        }
    }
    for (const auto &child : tags->children) {
        const bool inService = original.tags.contains(child->key);
        const bool wanted = edited.tags.contains(child->key);
        child->value = inService ? QJsonValue(original.tags.value(child->key)) : QJsonValue();
        child->origin = ValueOrigin::Service;
        if (inService && !wanted)
            child->editState = EditState::Removed;
        else if (!inService)
            child->editState = EditState::Added;
        else if (original.tags.value(child->key) != edited.tags.value(child->key))
            child->editState = EditState::Changed;
        else
            child->editState = EditState::Unchanged;
        child->pendingValue = wanted ? QJsonValue(edited.tags.value(child->key)) : QJsonValue();
        emitRowChanged(*child);
    }
    emitRowChanged(*tags);
}

QVariant StageTreeModel::editValue(const StageTreeNode &node) const
{
    const QJsonValue value = node.currentValue();
    if (value.isArray()) {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            items.append(item.toString());
        return items;
    }
    return value.toVariant();
}

} // namespace model
