#pragma once

#include "ivs/stage.h"
#include "model/stage_tree_node.h"

#include <memory>
#include <optional>
#include <QAbstractItemModel>

namespace model {

// The stage as a tree: Field | Value | Note. Every documented GetStage field has a row; omitted
// fields show their documented default and say so.
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
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const StageTreeNode *nodeAt(const QModelIndex &index) const;
    QModelIndex findPath(const StageTreeNode &node, const QString &path) const;

    std::unique_ptr<StageTreeNode> m_root;
    std::optional<ivs::Stage> m_stage;
    bool m_stale = false;
};

} // namespace model
