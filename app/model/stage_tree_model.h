#pragma once

#include "model/stage_tree_node.h"

#include <memory>
#include <QAbstractItemModel>

namespace document {
class StageDocument;
}

namespace model {

// The stage document as a tree: Field | Value | Note. Every documented GetStage field has a row;
// omitted fields show their documented default and say so.
//
// An adapter only: it translates rows and roles over the document (which holds the stage, the
// pending edits, the rules and the annotations) and forwards edits to it. A refused edit is
// reported by the document (StageDocument::editRejected).
class StageTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageTreeModel)
public:
    enum Column { FieldColumn, ValueColumn, NoteColumn, ColumnCount };
    enum Role {
        CopyTextRole = Qt::UserRole + 1, // a leaf's value, a group's JSON
        ValueOriginRole,                 // model::ValueOrigin as int
        IsDefaultRole,                   // bool: the documented default stands in for the service
        FieldPathRole,                   // "autoParticipantRecordingConfiguration.mediaTypes"
        IsEndpointRole,                  // bool
        JsonValueRole,                   // QJsonValue: the effective value
        IsEditableRole,                  // bool: the value column takes edits
        EditStateRole,                   // model::EditState as int
        EditorRole,                      // document::EditorSpec: how to edit the value
    };
    Q_ENUM(Role)

    explicit StageTreeModel(document::StageDocument &document, QObject *parent = nullptr);
    ~StageTreeModel() override;

    document::StageDocument &document() const { return m_document; }
    // Index (column 0) of the row with this FieldPathRole; invalid when there is none.
    QModelIndex indexForPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rebuild();   // the document has a new stage (or none)
    void syncEdits(); // the document's pending edits changed
    void refreshTagRows();
    void onAnnotationChanged(const QString &path);
    QVariant editValue(const StageTreeNode &node) const;
    StageTreeNode *mutableNode(const QModelIndex &index) const;
    StageTreeNode *tagsNode() const;
    void emitRowChanged(const StageTreeNode &node);
    const StageTreeNode *nodeAt(const QModelIndex &index) const;
    QModelIndex findPath(const StageTreeNode &node, const QString &path) const;
    bool annotationShown(const StageTreeNode &node) const;

    document::StageDocument &m_document;
    std::unique_ptr<StageTreeNode> m_root;
};

} // namespace model
