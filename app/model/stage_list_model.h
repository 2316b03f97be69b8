#pragma once

#include "ivs/stage_summary.h"

#include <QAbstractTableModel>

namespace model {

// Stages found by ListStages across regions: Name | Region | Stage ID | Active session | Tags.
// Rows are only ever appended (a region's stages arrive together) or cleared.
class StageListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageListModel)
public:
    enum Column { NameColumn, RegionColumn, IdColumn, SessionColumn, TagsColumn, ColumnCount };
    enum Role {
        ArnRole = Qt::UserRole + 1,
        SearchTextRole, // lower-cased name, ARN, id and tags: what the filter matches against
    };

    explicit StageListModel(QObject *parent = nullptr);

    void appendStages(const QString &region, const QList<ivs::StageSummary> &stages);
    void removeRegion(const QString &region);
    void clear();
    QString arnAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        ivs::StageSummary stage;
        QString region;
        QString stageId;
        QString tagsText;
        QString searchText;
    };
    QList<Row> m_rows;
};

} // namespace model
