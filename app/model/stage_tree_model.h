#pragma once

#include "ivs/stage.h"
#include "ivs/stage_changes.h"
#include "model/stage_tree_node.h"

#include <memory>
#include <optional>
#include <QAbstractItemModel>

class QUndoStack;

namespace model {

// The stage as a tree: Field | Value | Note. Every documented GetStage field has a row; omitted
// fields show their documented default and say so.
//
// Editing: the name, the recording settings and the tags take edits (EditRole), which stay
// pending — marked in the tree, undoable one by one — until applied elsewhere; pendingChanges()
// says what they amount to. Values breaking the service's rules are refused with a reason.
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
        EditorRole,                      // QVariantMap: how to edit (see editorSpec())
    };
    Q_ENUM(Role)

    explicit StageTreeModel(QObject *parent = nullptr);
    ~StageTreeModel() override;

    void setStage(const ivs::Stage &stage);
    void clear();
    const std::optional<ivs::Stage> &stage() const { return m_stage; }
    // A stale tree is the last good answer after a lookup that failed; setStage() clears it.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    // Pending edits.
    QUndoStack *undoStack() const { return m_undo.get(); }
    bool hasPendingEdits() const { return m_original != m_edited; }
    const ivs::EditableConfig &originalConfig() const { return m_original; }
    const ivs::EditableConfig &editedConfig() const { return m_edited; }
    ivs::StageChanges pendingChanges() const;
    // Replaces all pending edits with `config` as one undoable step (e.g. from a file).
    bool setEditedConfig(const ivs::EditableConfig &config, const QString &description,
                         QString *error = nullptr);
    void revertEdits(); // drops every pending edit and the undo history
    // After applying: the stage as the service now has it, keeping edits that did not take.
    void replaceStageKeepingEdits(const ivs::Stage &stage);
    bool addTag(const QString &key, const QString &value, QString *error = nullptr);
    bool renameTag(const QString &key, const QString &newKey, QString *error = nullptr);
    bool removeTag(const QString &key, QString *error = nullptr);
    // Storage configurations to offer for storageConfigurationArn: label → ARN.
    void setStorageChoices(const QList<QPair<QString, QString>> &choices);
    // Something learnt elsewhere about the service's value of the row at `path` (what its storage
    // configuration ARN refers to, say). It follows the row's own note in the Note column, and
    // its tooltip, with `detail` in the tooltip only; it is hidden while the row has a pending
    // edit, which it does not describe. An empty `text` removes it; a new stage removes them all.
    void setAnnotation(const QString &path, const QString &text, const QString &detail = {},
                       bool isProblem = false);
    QString annotation(const QString &path) const;

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

signals:
    void editRejected(const QString &reason);
    void pendingEditsChanged(bool pending);

private:
    friend class ConfigEditCommand;
    void showEditedConfig(const ivs::EditableConfig &config); // no undo record
    void resetToStage(const ivs::Stage &stage);               // keeps the undo history
    bool pushEdit(const ivs::EditableConfig &after, const QString &description);
    void refreshTagRows();
    QVariantMap editorSpec(const StageTreeNode &node) const;
    QVariant editValue(const StageTreeNode &node) const;
    StageTreeNode *mutableNode(const QModelIndex &index) const;
    StageTreeNode *tagsNode() const;
    void emitRowChanged(const StageTreeNode &node);
    const StageTreeNode *nodeAt(const QModelIndex &index) const;
    QModelIndex findPath(const StageTreeNode &node, const QString &path) const;
    struct Annotation {
        QString text;
        QString detail;
        bool isProblem = false;
    };
    const Annotation *shownAnnotation(const StageTreeNode &node) const;

    std::unique_ptr<StageTreeNode> m_root;
    std::optional<ivs::Stage> m_stage;
    bool m_stale = false;
    ivs::EditableConfig m_original;
    ivs::EditableConfig m_edited;
    std::unique_ptr<QUndoStack> m_undo;
    QList<QPair<QString, QString>> m_storageChoices;
    QHash<QString, Annotation> m_annotations; // by field path
};

} // namespace model
