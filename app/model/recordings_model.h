#pragma once

#include "model/inspection_roles.h"
#include "recordings/participant_recording.h"

#include <QAbstractTableModel>

namespace model {

// A session's recordings, one row per participant: Participant | Outcome | Started | Duration |
// Renditions | Size | Objects | Thumbnails. The outcome's icon (RowIconRole) marks a failure or
// an empty prefix as an error, an incomplete or unreadable recording as a warning.
class RecordingsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingsModel)
public:
    enum Column {
        ParticipantColumn,
        OutcomeColumn,
        StartedColumn,
        DurationColumn,
        RenditionsColumn,
        SizeColumn,
        ObjectsColumn,
        ThumbnailsColumn,
        ColumnCount
    };

    explicit RecordingsModel(QObject *parent = nullptr);

    void setRecordings(const QList<recordings::ParticipantRecording> &recordings);
    const QList<recordings::ParticipantRecording> &recordings() const { return m_recordings; }
    const recordings::ParticipantRecording *recordingAt(int row) const;
    int rowOf(const QString &participantId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<recordings::ParticipantRecording> m_recordings;
};

} // namespace model
