#pragma once

#include "ivs/stage_resources.h"
#include "model/inspection_roles.h"

#include <QAbstractTableModel>

namespace model {

// A stage's sessions, the one in progress first (marked), then the newest first:
// Session | Started | Ended.
class SessionsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsModel)
public:
    enum Column { SessionColumn, StartColumn, EndColumn, ColumnCount };
    enum Role {
        IsActiveRole = KeyRole + 1, // bool
    };

    explicit SessionsModel(QObject *parent = nullptr);

    void setSessions(QList<ivs::StageSessionSummary> sessions);
    void clear();
    const QList<ivs::StageSessionSummary> &sessions() const { return m_sessions; }
    int rowOf(const QString &sessionId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ivs::StageSessionSummary> m_sessions;
};

// Local date and time to the second, as the inspection models show timestamps.
QString localTimeText(const QDateTime &time);

} // namespace model
