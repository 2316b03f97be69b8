#include "model/stage_tree_model.h"

#include "ivs/stage_rules.h"
#include "model/node_text.h"
#include "model/stage_tree_builder.h"
#include "model/text_colors.h"

#include <QFont>
#include <QJsonDocument>
#include <QMimeData>
#include <QUndoStack>

namespace model {

StageTreeModel::StageTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_undo(std::make_unique<QUndoStack>())
{
}

StageTreeModel::~StageTreeModel() = default;

void StageTreeModel::setStage(const ivs::Stage &stage)
{
    resetToStage(stage);
    m_undo->clear();
}

void StageTreeModel::resetToStage(const ivs::Stage &stage)
{
    const bool hadEdits = hasPendingEdits();
    beginResetModel();
    m_stage = stage;
    m_root = buildStageTree(stage);
    m_stale = false;
    m_annotations.clear();
    m_original = ivs::EditableConfig::fromStage(stage);
    m_edited = m_original;
    endResetModel();
    if (hadEdits)
        emit pendingEditsChanged(false);
}

void StageTreeModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    emit headerDataChanged(Qt::Horizontal, ValueColumn, ValueColumn);
}

void StageTreeModel::clear()
{
    const bool hadEdits = hasPendingEdits();
    beginResetModel();
    m_stage.reset();
    m_root.reset();
    m_stale = false;
    m_annotations.clear();
    m_original = {};
    m_edited = {};
    endResetModel();
    m_undo->clear();
    if (hadEdits)
        emit pendingEditsChanged(false);
}

const StageTreeNode *StageTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<const StageTreeNode *>(index.internalPointer());
}

QModelIndex StageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const StageTreeNode *parentNode = nodeAt(parent);
    // QModelIndex only carries a non-const pointer; nodes are never modified through it.
    return createIndex(row, column,
                       const_cast<StageTreeNode *>(parentNode->children.at(row).get()));
}

QModelIndex StageTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const StageTreeNode *parentNode = nodeAt(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, const_cast<StageTreeNode *>(parentNode));
}

int StageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const StageTreeNode *node = nodeAt(parent);
    return node ? static_cast<int>(node->children.size()) : 0;
}

int StageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StageTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StageTreeNode &node = *nodeAt(index);
    const bool edited = node.editState != EditState::Unchanged || node.hasPendingEdit();
    const bool omitted = node.origin != ValueOrigin::Service && !edited;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn:
            return node.key;
        case ValueColumn:
            return displayText(node);
        case NoteColumn: {
            const QString note = noteText(node);
            const Annotation *annotation = shownAnnotation(node);
            if (!annotation)
                return note;
            return note.isEmpty() ? annotation->text
                                  : note + QStringLiteral("; ") + annotation->text;
        }
        }
        return {};
    case Qt::ToolTipRole: {
        const Annotation *annotation = shownAnnotation(node);
        if (!annotation)
            return toolTipText(node);
        return toolTipText(node) + QStringLiteral("\n\n") +
               (annotation->detail.isEmpty() ? annotation->text : annotation->detail);
    }
    case Qt::FontRole: {
        QFont font;
        if (edited) {
            font.setBold(true);
            font.setStrikeOut(node.editState == EditState::Removed && index.column() != NoteColumn);
            return font;
        }
        if (omitted && index.column() != FieldColumn) {
            font.setItalic(true);
            return font;
        }
        return {};
    }
    case Qt::ForegroundRole:
        // From the palette in use, so that a dark one keeps them readable.
        if (edited)
            return textColor(TextTone::Edited);
        if (index.column() == NoteColumn && shownAnnotation(node) &&
            shownAnnotation(node)->isProblem)
            return textColor(TextTone::Problem);
        if (omitted && index.column() != FieldColumn)
            return textColor(TextTone::Secondary);
        return {};
    case Qt::EditRole:
        return index.column() == ValueColumn ? editValue(node) : QVariant();
    case IsEditableRole:
        return bool(flags(index) & Qt::ItemIsEditable);
    case EditStateRole:
        return static_cast<int>(node.editState);
    case EditorRole:
        return editorSpec(node);
    case CopyTextRole:
        return copyText(node);
    case ValueOriginRole:
        return static_cast<int>(node.origin);
    case IsDefaultRole:
        return node.origin == ValueOrigin::Default;
    case FieldPathRole:
        return node.path;
    case IsEndpointRole:
        return node.isEndpoint();
    case JsonValueRole:
        return QVariant::fromValue(node.currentValue());
    }
    return {};
}

QVariant StageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case ValueColumn:
        return m_stale ? tr("Value (stale: the last lookup failed)") : tr("Value");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

Qt::ItemFlags StageTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const StageTreeNode &node = *nodeAt(index);
    const auto rule = node.spec ? ivs::ruleForPath(node.path) : std::nullopt;
    // While recording is off the service resets the other recording settings: nothing to edit.
    const bool resetByRecordingOff =
        rule && rule->kind != ivs::FieldRule::Kind::StorageConfiguration &&
        node.path.startsWith(QLatin1String("autoParticipantRecordingConfiguration")) &&
        m_edited.recordingOff();
    const bool editableField = rule.has_value() && !resetByRecordingOff;
    const bool editableTag = node.isTagEntry() && node.editState != EditState::Removed;
    if (index.column() == ValueColumn && (editableField || editableTag))
        result |= Qt::ItemIsEditable;
    return result;
}

QStringList StageTreeModel::mimeTypes() const
{
    return {QStringLiteral("text/plain")};
}

QMimeData *StageTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList texts;
    QList<const StageTreeNode *> seen;
    for (const QModelIndex &index : indexes) {
        const StageTreeNode *node = nodeAt(index);
        if (!index.isValid() || seen.contains(node))
            continue;
        seen.append(node);
        texts.append(copyText(*node));
    }
    auto *mime = new QMimeData;
    mime->setText(texts.join(QLatin1Char('\n')));
    return mime;
}

QHash<int, QByteArray> StageTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(CopyTextRole, "copyText");
    names.insert(ValueOriginRole, "valueOrigin");
    names.insert(IsDefaultRole, "isDefault");
    names.insert(FieldPathRole, "fieldPath");
    names.insert(IsEndpointRole, "isEndpoint");
    names.insert(JsonValueRole, "jsonValue");
    return names;
}

QModelIndex StageTreeModel::findPath(const StageTreeNode &node, const QString &path) const
{
    for (const auto &child : node.children) {
        if (child->path == path)
            return createIndex(child->row, 0, child.get());
        if (const QModelIndex found = findPath(*child, path); found.isValid())
            return found;
    }
    return {};
}

QModelIndex StageTreeModel::indexForPath(const QString &path) const
{
    return m_root ? findPath(*m_root, path) : QModelIndex();
}

void StageTreeModel::setAnnotation(const QString &path, const QString &text, const QString &detail,
                                   bool isProblem)
{
    if (text.isEmpty())
        m_annotations.remove(path);
    else
        m_annotations.insert(path, {text, detail, isProblem});
    const QModelIndex row = indexForPath(path);
    if (row.isValid())
        emit dataChanged(row, row.siblingAtColumn(NoteColumn));
}

QString StageTreeModel::annotation(const QString &path) const
{
    return m_annotations.value(path).text;
}

const StageTreeModel::Annotation *StageTreeModel::shownAnnotation(const StageTreeNode &node) const
{
    if (node.editState != EditState::Unchanged || node.hasPendingEdit())
        return nullptr;
    const auto found = m_annotations.constFind(node.path);
    return found == m_annotations.cend() ? nullptr : &found.value();
}

} // namespace model
