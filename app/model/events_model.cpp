#include "model/events_model.h"

#include "model/sessions_model.h"
#include "model/text_colors.h"

#include <algorithm>
#include <QFont>

namespace model {

namespace {

bool sameEvent(const ivs::ParticipantEvent &a, const ivs::ParticipantEvent &b)
{
    return a.name == b.name && a.eventTime == b.eventTime && a.errorCode == b.errorCode &&
           a.remoteParticipantId == b.remoteParticipantId;
}

} // namespace

EventsModel::EventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventsModel::setEvents(const QList<ivs::ParticipantEvent> &events)
{
    const bool continues = events.size() >= m_rows.size() &&
                           std::equal(m_rows.begin(), m_rows.end(), events.begin(),
                                      [](const Row &row, const ivs::ParticipantEvent &event) {
                                          return sameEvent(row.event, event);
                                      });
    if (!continues)
        beginResetModel();
    const int first = continues ? static_cast<int>(m_rows.size()) : 0;
    if (!continues)
        m_rows.clear();
    if (continues && first < events.size())
        beginInsertRows({}, first, static_cast<int>(events.size()) - 1);
    for (int i = first; i < events.size(); ++i)
        m_rows.append({events.at(i), ivs::explainParticipantEvent(events.at(i))});
    if (!continues)
        endResetModel();
    else if (first < events.size())
        endInsertRows();
}

void EventsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int EventsModel::errorCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                          [](const Row &row) { return row.explanation.isError; }));
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const ivs::EventExplanation &explanation = row.explanation;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            // The session gives the day; the tooltip has it too.
            return row.event.eventTime.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case EventColumn:
            return row.event.name;
        case ErrorCodeColumn:
            return row.event.errorCode;
        case ExplanationColumn:
            return explanation.action.isEmpty()
                       ? explanation.meaning
                       : explanation.meaning + QLatin1Char(' ') + explanation.action;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip =
            localTimeText(row.event.eventTime) + QStringLiteral("\n\n") + explanation.meaning;
        if (!explanation.action.isEmpty())
            tip += QStringLiteral("\n\n") + tr("What to do: %1").arg(explanation.action);
        if (!row.event.remoteParticipantId.isEmpty())
            tip += QStringLiteral("\n\n") +
                   tr("Remote participant: %1").arg(row.event.remoteParticipantId);
        return tip;
    }
    case Qt::ForegroundRole:
        return explanation.isError ? QVariant(textColor(TextTone::Problem)) : QVariant();
    case Qt::FontRole:
        if (explanation.isError && index.column() != ExplanationColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RowIconRole:
        return static_cast<int>(explanation.isError ? RowIcon::Error : RowIcon::None);
    case KeyRole:
        return row.event.name;
    case IsErrorRole:
        return explanation.isError;
    case MeaningRole:
        return explanation.meaning;
    case ActionRole:
        return explanation.action;
    }
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case ErrorCodeColumn:
        return tr("Error code");
    case ExplanationColumn:
        return tr("What it means");
    }
    return {};
}

} // namespace model
