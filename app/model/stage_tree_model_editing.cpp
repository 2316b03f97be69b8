// StageTreeModel: pending edits, their undo history and how they show in the tree.

#include "ivs/stage_rules.h"
#include "model/stage_tree_model.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUndoCommand>
#include <QUndoStack>

namespace model {

namespace {

QString tagPath(const QString &key)
{
    return QStringLiteral("tags[\"%1\"]").arg(key);
}

QString kindName(ivs::FieldRule::Kind kind)
{
    using Kind = ivs::FieldRule::Kind;
    switch (kind) {
    case Kind::Text:
        return QStringLiteral("text");
    case Kind::Choice:
        return QStringLiteral("choice");
    case Kind::MultiChoice:
        return QStringLiteral("multichoice");
    case Kind::Integer:
        return QStringLiteral("integer");
    case Kind::Boolean:
        return QStringLiteral("boolean");
    case Kind::StorageConfiguration:
        return QStringLiteral("storage");
    }
    return {};
}

// An edit as the rule for the field reads it: text, one or several choices, a number, on/off.
std::optional<QJsonValue> jsonForEdit(const ivs::FieldRule &rule, const QVariant &value)
{
    using Kind = ivs::FieldRule::Kind;
    switch (rule.kind) {
    case Kind::Text:
    case Kind::StorageConfiguration:
    case Kind::Choice:
        return QJsonValue(value.toString());
    case Kind::MultiChoice: {
        const QStringList items = value.typeId() == QMetaType::QStringList
                                      ? value.toStringList()
                                      : QStringList{value.toString()};
        return QJsonValue(QJsonArray::fromStringList(items));
    }
    case Kind::Integer: {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(number);
    }
    case Kind::Boolean:
        if (value.typeId() != QMetaType::Bool)
            return std::nullopt;
        return QJsonValue(value.toBool());
    }
    return std::nullopt;
}

} // namespace

// One undoable step: the whole edited configuration before and after it.
class ConfigEditCommand final : public QUndoCommand {
public:
    ConfigEditCommand(StageTreeModel &model, ivs::EditableConfig before, ivs::EditableConfig after,
                      const QString &text)
        : QUndoCommand(text)
        , m_model(model)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_model.showEditedConfig(m_after); }
    void undo() override { m_model.showEditedConfig(m_before); }

private:
    StageTreeModel &m_model;
    ivs::EditableConfig m_before;
    ivs::EditableConfig m_after;
};

ivs::StageChanges StageTreeModel::pendingChanges() const
{
    return ivs::diffConfigs(m_stage ? m_stage->arn() : QString(), m_original, m_edited);
}

bool StageTreeModel::pushEdit(const ivs::EditableConfig &after, const QString &description)
{
    if (!m_stage || after == m_edited)
        return false;
    m_undo->push(new ConfigEditCommand(*this, m_edited, after, description));
    return true;
}

bool StageTreeModel::setEditedConfig(const ivs::EditableConfig &config, const QString &description,
                                     QString *error)
{
    const QStringList problems = ivs::configProblems(config);
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    pushEdit(config, description);
    return true;
}

void StageTreeModel::revertEdits()
{
    showEditedConfig(m_original);
    m_undo->clear();
}

void StageTreeModel::replaceStageKeepingEdits(const ivs::Stage &stage)
{
    const ivs::EditableConfig target = m_edited;
    resetToStage(stage);
    if (target != m_original)
        showEditedConfig(target);
}

bool StageTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    StageTreeNode &node = *mutableNode(index);
    ivs::EditableConfig after = m_edited;
    if (node.isTagEntry()) {
        const QString problem = ivs::tagValueProblem(value.toString());
        if (!problem.isEmpty()) {
            emit editRejected(tr("Tag \"%1\": %2").arg(node.key, problem));
            return false;
        }
        after.tags.insert(node.key, value.toString());
        return pushEdit(after, tr("Change tag \"%1\"").arg(node.key)) || after == m_edited;
    }
    const ivs::FieldRule rule = *ivs::ruleForPath(node.path);
    const bool storageField = rule.kind == ivs::FieldRule::Kind::StorageConfiguration;
    if (!storageField &&
        node.path.startsWith(QLatin1String("autoParticipantRecordingConfiguration")) &&
        m_edited.recordingOff()) {
        emit editRejected(tr("%1: recording is off. Choose a storage configuration first: while "
                             "recording is off the service resets this setting to its default.")
                              .arg(node.key));
        return false;
    }
    const std::optional<QJsonValue> json = jsonForEdit(rule, value);
    const QString problem =
        json ? ivs::valueProblem(rule, *json) : tr("This is not a value for this field.");
    if (!problem.isEmpty()) {
        emit editRejected(tr("%1: %2").arg(node.key, problem));
        return false;
    }
    after.setValue(node.path, *json);
    // Turning recording off resets the other settings: show that as it will happen.
    after = after.normalized();
    return pushEdit(after, tr("Change %1").arg(node.key)) || after == m_edited;
}

bool StageTreeModel::addTag(const QString &key, const QString &value, QString *error)
{
    QString problem = ivs::tagKeyProblem(key);
    if (problem.isEmpty())
        problem = ivs::tagValueProblem(value);
    if (problem.isEmpty() && m_edited.tags.contains(key))
        problem = tr("There is already a tag \"%1\".").arg(key);
    if (problem.isEmpty() && m_edited.tags.size() >= ivs::kMaxTags)
        problem = tr("A stage can have at most %1 tags.").arg(ivs::kMaxTags);
    if (problem.isEmpty() && !m_stage)
        problem = tr("No stage is shown.");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.insert(key, value);
    return pushEdit(after, tr("Add tag \"%1\"").arg(key));
}

bool StageTreeModel::renameTag(const QString &key, const QString &newKey, QString *error)
{
    QString problem = ivs::tagKeyProblem(newKey);
    if (problem.isEmpty() && !m_edited.tags.contains(key))
        problem = tr("There is no tag \"%1\".").arg(key);
    if (problem.isEmpty() && key != newKey && m_edited.tags.contains(newKey))
        problem = tr("There is already a tag \"%1\".").arg(newKey);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.insert(newKey, after.tags.take(key));
    return pushEdit(after, tr("Rename tag \"%1\" to \"%2\"").arg(key, newKey)) || key == newKey;
}

bool StageTreeModel::removeTag(const QString &key, QString *error)
{
    if (!m_edited.tags.contains(key)) {
        if (error)
            *error = tr("There is no tag \"%1\".").arg(key);
        return false;
    }
    ivs::EditableConfig after = m_edited;
    after.tags.remove(key);
    return pushEdit(after, tr("Delete tag \"%1\"").arg(key));
}

void StageTreeModel::setStorageChoices(const QList<QPair<QString, QString>> &choices)
{
    m_storageChoices = choices;
}

StageTreeNode *StageTreeModel::mutableNode(const QModelIndex &index) const
{
    return const_cast<StageTreeNode *>(nodeAt(index));
}

StageTreeNode *StageTreeModel::tagsNode() const
{
    const QModelIndex tags = indexForPath(QStringLiteral("tags"));
    return tags.isValid() ? mutableNode(tags) : nullptr;
}

void StageTreeModel::emitRowChanged(const StageTreeNode &node)
{
    const QModelIndex first =
        createIndex(node.row, FieldColumn, const_cast<StageTreeNode *>(&node));
    emit dataChanged(first, first.siblingAtColumn(NoteColumn));
}

void StageTreeModel::showEditedConfig(const ivs::EditableConfig &config)
{
    if (!m_root)
        return;
    const bool hadEdits = hasPendingEdits();
    m_edited = config;
    const QStringList paths = ivs::editablePaths();
    for (const QString &path : paths) {
        const QModelIndex index = indexForPath(path);
        if (!index.isValid())
            continue;
        StageTreeNode &node = *mutableNode(index);
        const QJsonValue value = m_edited.valueAt(path);
        const bool changed = value != m_original.valueAt(path);
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
    if (hadEdits != hasPendingEdits())
        emit pendingEditsChanged(hasPendingEdits());
}

void StageTreeModel::refreshTagRows()
{
    StageTreeNode *tags = tagsNode();
    if (!tags)
        return;
    // Rows: every tag the service has (deleted ones struck through) and every new one, by key.
    QStringList keys = m_original.tags.keys() + m_edited.tags.keys();
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
                entry->path = tagPath(key);
                tags->addChild(std::move(entry));
            }
            endInsertRows();
        }
    }
    for (const auto &child : tags->children) {
        const bool inService = m_original.tags.contains(child->key);
        const bool wanted = m_edited.tags.contains(child->key);
        child->value = inService ? QJsonValue(m_original.tags.value(child->key)) : QJsonValue();
        child->origin = ValueOrigin::Service;
        if (inService && !wanted)
            child->editState = EditState::Removed;
        else if (!inService)
            child->editState = EditState::Added;
        else if (m_original.tags.value(child->key) != m_edited.tags.value(child->key))
            child->editState = EditState::Changed;
        else
            child->editState = EditState::Unchanged;
        child->pendingValue = wanted ? QJsonValue(m_edited.tags.value(child->key)) : QJsonValue();
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

QVariantMap StageTreeModel::editorSpec(const StageTreeNode &node) const
{
    if (node.isTagEntry())
        return {{QStringLiteral("kind"), QStringLiteral("text")},
                {QStringLiteral("maximum"), 256},
                {QStringLiteral("hint"), tr("Tag values have at most 256 characters.")}};
    const std::optional<ivs::FieldRule> rule =
        node.spec ? ivs::ruleForPath(node.path) : std::nullopt;
    if (!rule)
        return {};
    QVariantMap spec{{QStringLiteral("kind"), kindName(rule->kind)},
                     {QStringLiteral("choices"), rule->choices},
                     {QStringLiteral("minimum"), rule->minimum},
                     {QStringLiteral("maximum"), rule->maximum},
                     {QStringLiteral("pattern"), rule->pattern},
                     {QStringLiteral("hint"), rule->patternHint}};
    if (rule->kind == ivs::FieldRule::Kind::StorageConfiguration) {
        QStringList labels{tr("(none — recording off)")};
        QStringList values{QString()};
        for (const auto &[label, arn] : m_storageChoices) {
            labels.append(label);
            values.append(arn);
        }
        spec.insert(QStringLiteral("choiceLabels"), labels);
        spec.insert(QStringLiteral("choices"), values);
    }
    return spec;
}

} // namespace model
