#include "model/stage_tree_builder.h"

#include "ivs/field_path.h"
#include "ivs/stage.h"

#include <QJsonObject>

namespace model {

namespace {

QString childPath(const QString &parentPath, const QString &key)
{
    return parentPath.isEmpty() ? key : parentPath + QLatin1Char('.') + key;
}

bool hasAnyDefault(const ivs::FieldSpec &spec)
{
    if (spec.hasDefault())
        return true;
    for (const ivs::FieldSpec &child : spec.children) {
        if (hasAnyDefault(child))
            return true;
    }
    return false;
}

std::unique_ptr<StageTreeNode> buildNode(const ivs::FieldSpec &spec, const QJsonValue &received,
                                         const QString &path);

void addTagEntries(StageTreeNode &tags, const QJsonObject &entries)
{
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        auto entry = std::make_unique<StageTreeNode>();
        entry->key = it.key();
        entry->path = ivs::fieldpath::tag(it.key());
        entry->value = it.value();
        entry->origin = ValueOrigin::Service;
        tags.addChild(std::move(entry));
    }
}

void addMembers(StageTreeNode &group, const ivs::FieldSpec &spec, const QJsonObject &received)
{
    QJsonObject effective;
    for (const ivs::FieldSpec &member : spec.children) {
        StageTreeNode *child = group.addChild(
            buildNode(member, received.value(member.name), childPath(group.path, member.name)));
        if (!child->value.isUndefined())
            effective.insert(member.name, child->value);
    }
    group.value = effective;
}

std::unique_ptr<StageTreeNode> buildNode(const ivs::FieldSpec &spec, const QJsonValue &received,
                                         const QString &path)
{
    auto node = std::make_unique<StageTreeNode>();
    node->key = spec.name;
    node->path = path;
    node->spec = &spec;
    const bool present = !received.isUndefined() && !received.isNull();

    if (spec.type == ivs::FieldType::Object) {
        node->origin = present               ? ValueOrigin::Service
                       : hasAnyDefault(spec) ? ValueOrigin::Default
                                             : ValueOrigin::NotReturned;
        addMembers(*node, spec, received.toObject());
        return node;
    }
    if (present) {
        node->origin = ValueOrigin::Service;
        node->value = received;
        if (spec.type == ivs::FieldType::StringMap)
            addTagEntries(*node, received.toObject());
        return node;
    }
    node->origin = spec.hasDefault() ? ValueOrigin::Default : ValueOrigin::NotReturned;
    node->value = spec.defaultValue;
    return node;
}

} // namespace

std::unique_ptr<StageTreeNode> buildStageTree(const ivs::Stage &stage)
{
    auto root = std::make_unique<StageTreeNode>();
    root->spec = &ivs::stageSchema();
    root->origin = ValueOrigin::Service;
    addMembers(*root, ivs::stageSchema(), stage.json());
    return root;
}

} // namespace model
