#pragma once

#include "ivs/diagnostics.h"
#include "model/inspection_roles.h"

#include <QAbstractTableModel>

namespace model {

// What the checks found about a stage: Severity | Finding | What to do | Field.
class FindingsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)
public:
    enum Column { SeverityColumn, TitleColumn, ActionColumn, FieldColumn, ColumnCount };
    enum Role {
        FieldPathRole = KeyRole + 1, // the stage tree row the finding is about; may be empty
        SeverityRole,                // int: ivs::Finding::Severity
    };

    explicit FindingsModel(QObject *parent = nullptr);

    // Rows keep their place when the same findings come back (a periodic refresh), so a
    // selection in a view survives.
    void setFindings(const QList<ivs::Finding> &findings);
    void clear();
    const QList<ivs::Finding> &findings() const { return m_findings; }
    int problemCount() const; // warnings and errors

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ivs::Finding> m_findings;
};

} // namespace model
