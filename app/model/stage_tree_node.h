#pragma once

#include "ivs/stage_schema.h"

#include <memory>
#include <QJsonValue>
#include <QString>
#include <vector>

namespace model {

enum class ValueOrigin {
    Service,     // the service returned this value
    Default,     // omitted by the service; the documented default applies
    NotReturned, // omitted, and the API documents no default
};

// How a row differs from what the service holds, while edits are pending.
enum class EditState {
    Unchanged,
    Changed, // a new value is pending
    Added,   // a tag that will be created
    Removed, // a tag that will be deleted
};

// One row of the stage tree: a documented field, a group of fields, or one tag.
struct StageTreeNode {
    QString key;  // JSON member name or tag key
    QString path; // "autoParticipantRecordingConfiguration.hlsConfiguration", tags: tags["k"]
    const ivs::FieldSpec *spec = nullptr; // null for tag entries
    QJsonValue value; // effective value; for groups the object their children make up
    ValueOrigin origin = ValueOrigin::Service;
    EditState editState = EditState::Unchanged;
    QJsonValue pendingValue; // the edited value, when editState is Changed or Added
    StageTreeNode *parent = nullptr;
    std::vector<std::unique_ptr<StageTreeNode>> children;
    int row = 0;

    bool isGroup() const
    {
        return spec &&
               (spec->type == ivs::FieldType::Object || spec->type == ivs::FieldType::StringMap);
    }
    bool isTagEntry() const { return spec == nullptr && parent != nullptr; }
    bool isEndpoint() const { return spec && spec->isEndpoint; }
    // What the row shows: the pending value while an edit is pending, else the service's.
    const QJsonValue &currentValue() const
    {
        return editState == EditState::Changed || editState == EditState::Added ? pendingValue
                                                                                : value;
    }
    bool hasPendingEdit() const;

    StageTreeNode *addChild(std::unique_ptr<StageTreeNode> child);
};

} // namespace model
