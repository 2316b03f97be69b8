#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace model {

// Filter-as-you-type over the stage list: every word typed must appear in the stage's name, ARN,
// id or tags (case-insensitive). A proxy, so the list is never rebuilt while typing.
class StageFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit StageFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace model
