#include "model/stage_filter_model.h"

#include "model/stage_list_model.h"

namespace model {

StageFilterModel::StageFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void StageFilterModel::setFilterText(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool StageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString searchText = sourceModel()
                                   ->index(sourceRow, 0, sourceParent)
                                   .data(StageListModel::SearchTextRole)
                                   .toString();
    for (const QString &word : m_words) {
        if (!searchText.contains(word))
            return false;
    }
    return true;
}

} // namespace model
