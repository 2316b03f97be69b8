#include "model/sessions_model.h"

#include <algorithm>
#include <QFont>

namespace model {

QString localTimeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

SessionsModel::SessionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SessionsModel::setSessions(QList<ivs::StageSessionSummary> sessions)
{
    // The service lists sessions in no promised order; what matters most is the one live now.
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const ivs::StageSessionSummary &a, const ivs::StageSessionSummary &b) {
                         if (a.isActive() != b.isActive())
                             return a.isActive();
                         return a.startTime > b.startTime;
                     });
    beginResetModel();
    m_sessions = std::move(sessions);
    endResetModel();
}

void SessionsModel::clear()
{
    if (m_sessions.isEmpty())
        return;
    beginResetModel();
    m_sessions.clear();
    endResetModel();
}

int SessionsModel::rowOf(const QString &sessionId) const
{
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions.at(row).sessionId == sessionId)
            return row;
    }
    return -1;
}

int SessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sessions.size());
}

int SessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ivs::StageSessionSummary &session = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SessionColumn:
            return session.sessionId;
        case StartColumn:
            return localTimeText(session.startTime);
        case EndColumn:
            return session.isActive() ? tr("in progress") : localTimeText(session.endTime);
        }
        return {};
    case Qt::ToolTipRole:
        return session.isActive() ? tr("Session %1, in progress since %2")
                                        .arg(session.sessionId, localTimeText(session.startTime))
                                  : tr("Session %1, %2 to %3")
                                        .arg(session.sessionId, localTimeText(session.startTime),
                                             localTimeText(session.endTime));
    case Qt::FontRole:
        if (session.isActive()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RowIconRole:
        return static_cast<int>(session.isActive() ? RowIcon::Live : RowIcon::None);
    case KeyRole:
        return session.sessionId;
    case IsActiveRole:
        return session.isActive();
    }
    return {};
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SessionColumn:
        return tr("Session");
    case StartColumn:
        return tr("Started");
    case EndColumn:
        return tr("Ended");
    }
    return {};
}

} // namespace model
