#include "model/stage_tree_model.h"

#include "document/stage_document.h"
#include "model/node_text.h"
#include "model/stage_tree_builder.h"
#include "model/text_colors.h"

#include <QFont>
#include <QJsonDocument>
#include <QMimeData>

namespace model {

StageTreeModel::StageTreeModel(document::StageDocument &document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    connect(&m_document, &document::StageDocument::stageReset, this, &StageTreeModel::rebuild);
    connect(&m_document, &document::StageDocument::editsChanged, this, &StageTreeModel::syncEdits);
    connect(&m_document, &document::StageDocument::annotationChanged, this,
            &StageTreeModel::onAnnotationChanged);
    connect(&m_document, &document::StageDocument::staleChanged, this,
            [this] { emit headerDataChanged(Qt::Horizontal, ValueColumn, ValueColumn); });
    rebuild();
}

StageTreeModel::~StageTreeModel() = default;

void StageTreeModel::rebuild()
{
    beginResetModel();
    m_root = m_document.stage() ? buildStageTree(*m_document.stage()) : nullptr;
    endResetModel();
    syncEdits();
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
            const auto *annotation =
                annotationShown(node) ? m_document.annotation(node.path) : nullptr;
            if (!annotation)
                return note;
            return note.isEmpty() ? annotation->text
                                  : note + QStringLiteral("; ") + annotation->text;
        }
        }
        return {};
    case Qt::ToolTipRole: {
        const auto *annotation = annotationShown(node) ? m_document.annotation(node.path) : nullptr;
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
        if (index.column() == NoteColumn && annotationShown(node) &&
            m_document.annotation(node.path)->isProblem)
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
        return index.column() == ValueColumn && (node.spec || node.isTagEntry())
                   ? QVariant::fromValue(m_document.editorSpec(node.path))
                   : QVariant();
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
        return m_document.isStale() ? tr("Value (stale: the last lookup failed)") : tr("Value");
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
    if (index.column() == ValueColumn && (node.spec || node.isTagEntry()) &&
        node.editState != EditState::Removed && m_document.isEditable(node.path))
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

void StageTreeModel::onAnnotationChanged(const QString &path)
{
    const QModelIndex row = indexForPath(path);
    if (row.isValid())
        emit dataChanged(row, row.siblingAtColumn(NoteColumn));
}

bool StageTreeModel::annotationShown(const StageTreeNode &node) const
{
    // A pending edit hides what was learnt about the service's value: it does not describe it.
    if (node.editState != EditState::Unchanged || node.hasPendingEdit())
        return false;
    return m_document.annotation(node.path, true) != nullptr;
}

} // namespace model
