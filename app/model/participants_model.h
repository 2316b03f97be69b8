#pragma once

#include "ivs/stage_resources.h"
#include "model/inspection_roles.h"

#include <QAbstractTableModel>

namespace model {

// The participants of one session: User ID | State | Published | Recording | Protocol |
// Replication | Recording location | Participant ID. ListParticipants leaves out the protocol and
// the recording location; GetParticipant's answer fills them in (updateParticipant()).
class ParticipantsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParticipantsModel)
public:
    enum Column {
        UserColumn,
        StateColumn,
        PublishedColumn,
        RecordingColumn,
        ProtocolColumn,
        ReplicationColumn,
        LocationColumn,
        IdColumn,
        ColumnCount
    };

    explicit ParticipantsModel(QObject *parent = nullptr);

    // A refreshed list keeps the details already fetched, and keeps rows in place when the same
    // participants come back, so a selection in a view survives.
    void setParticipants(const QList<ivs::ParticipantSummary> &participants);
    void updateParticipant(const ivs::ParticipantSummary &participant);
    void clear();
    const QList<ivs::ParticipantSummary> &participants() const { return m_participants; }
    int rowOf(const QString &participantId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ivs::ParticipantSummary> m_participants;
};

} // namespace model
