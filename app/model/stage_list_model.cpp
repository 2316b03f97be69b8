#include "model/stage_list_model.h"

namespace model {

StageListModel::StageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StageListModel::appendStages(const QString &region, const QList<ivs::StageSummary> &stages)
{
    if (stages.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(stages.size()) - 1);
    for (const ivs::StageSummary &stage : stages) {
        Row row;
        row.stage = stage;
        row.region = region;
        row.stageId = stage.arn.section(QLatin1Char('/'), -1);
        QStringList tags;
        for (auto it = stage.tags.begin(); it != stage.tags.end(); ++it)
            tags.append(it.key() + QLatin1Char('=') + it.value());
        row.tagsText = tags.join(QStringLiteral(", "));
        // Computed once here so that filtering 10,000 rows does no string building per keystroke.
        row.searchText = QStringList{stage.name, stage.arn, row.stageId, row.tagsText}
                             .join(QLatin1Char('\n'))
                             .toLower();
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

void StageListModel::removeRegion(const QString &region)
{
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).region != region)
            continue;
        int first = i;
        while (first > 0 && m_rows.at(first - 1).region == region)
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
}

void StageListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QString StageListModel::arnAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).stage.arn : QString();
}

int StageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.stage.name.isEmpty() ? tr("(unnamed)") : row.stage.name;
        case RegionColumn:
            return row.region;
        case IdColumn:
            return row.stageId;
        case SessionColumn:
            return row.stage.activeSessionId;
        case TagsColumn:
            return row.tagsText;
        }
        return {};
    case Qt::ToolTipRole:
        return row.stage.arn;
    case ArnRole:
        return row.stage.arn;
    case SearchTextRole:
        return row.searchText;
    }
    return {};
}

QVariant StageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RegionColumn:
        return tr("Region");
    case IdColumn:
        return tr("Stage ID");
    case SessionColumn:
        return tr("Active session");
    case TagsColumn:
        return tr("Tags");
    }
    return {};
}

} // namespace model
