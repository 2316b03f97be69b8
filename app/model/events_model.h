#pragma once

#include "ivs/participant_events.h"
#include "ivs/stage_resources.h"
#include "model/inspection_roles.h"

#include <QAbstractTableModel>

namespace model {

// One participant's events, oldest first, each explained in plain words:
// Time | Event | Error code | Explanation. Errors stand out.
class EventsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsModel)
public:
    enum Column { TimeColumn, EventColumn, ErrorCodeColumn, ExplanationColumn, ColumnCount };
    enum Role {
        IsErrorRole = KeyRole + 1, // bool
        MeaningRole,               // QString: what happened
        ActionRole,                // QString: what to do; empty when nothing needs doing
    };

    explicit EventsModel(QObject *parent = nullptr);

    // Events only ever accumulate: a refreshed list that continues the one shown adds rows at
    // the end, so the view keeps its place.
    void setEvents(const QList<ivs::ParticipantEvent> &events);
    void clear();
    int errorCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        ivs::ParticipantEvent event;
        ivs::EventExplanation explanation;
    };
    QList<Row> m_rows;
};

} // namespace model
