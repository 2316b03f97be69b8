#include "model/participants_model.h"

#include "model/text_colors.h"

#include <algorithm>

namespace model {

namespace {

// What GetParticipant added, carried over to a fresher ListParticipants entry.
ivs::ParticipantSummary withDetails(ivs::ParticipantSummary fresh,
                                    const ivs::ParticipantSummary &known)
{
    if (fresh.protocol.isEmpty())
        fresh.protocol = known.protocol;
    if (fresh.recordingS3BucketName.isEmpty())
        fresh.recordingS3BucketName = known.recordingS3BucketName;
    if (fresh.recordingS3Prefix.isEmpty())
        fresh.recordingS3Prefix = known.recordingS3Prefix;
    return fresh;
}

QString location(const ivs::ParticipantSummary &participant)
{
    if (participant.recordingS3BucketName.isEmpty())
        return {};
    QString text = QStringLiteral("s3://") + participant.recordingS3BucketName;
    if (!participant.recordingS3Prefix.isEmpty())
        text += QLatin1Char('/') + participant.recordingS3Prefix;
    return text;
}

bool recordingFailed(const ivs::ParticipantSummary &participant)
{
    return participant.recordingState == QLatin1String("FAILED");
}

} // namespace

ParticipantsModel::ParticipantsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ParticipantsModel::setParticipants(const QList<ivs::ParticipantSummary> &participants)
{
    QList<ivs::ParticipantSummary> merged;
    for (const ivs::ParticipantSummary &participant : participants) {
        const int known = rowOf(participant.participantId);
        merged.append(known < 0 ? participant : withDetails(participant, m_participants.at(known)));
    }
    const bool sameRows =
        std::equal(merged.begin(), merged.end(), m_participants.begin(), m_participants.end(),
                   [](const ivs::ParticipantSummary &a, const ivs::ParticipantSummary &b) {
                       return a.participantId == b.participantId;
                   });
    if (sameRows) {
        m_participants = merged;
        if (!m_participants.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_participants = merged;
    endResetModel();
}

void ParticipantsModel::updateParticipant(const ivs::ParticipantSummary &participant)
{
    const int row = rowOf(participant.participantId);
    if (row < 0)
        return;
    m_participants[row] = withDetails(participant, m_participants.at(row));
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ParticipantsModel::clear()
{
    if (m_participants.isEmpty())
        return;
    beginResetModel();
    m_participants.clear();
    endResetModel();
}

int ParticipantsModel::rowOf(const QString &participantId) const
{
    for (int row = 0; row < m_participants.size(); ++row) {
        if (m_participants.at(row).participantId == participantId)
            return row;
    }
    return -1;
}

int ParticipantsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_participants.size());
}

int ParticipantsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParticipantsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ivs::ParticipantSummary &participant = m_participants.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserColumn:
            return participant.userId.isEmpty() ? tr("(no user ID)") : participant.userId;
        case StateColumn:
            return participant.state;
        case PublishedColumn:
            return participant.published ? tr("yes") : tr("no");
        case RecordingColumn:
            return participant.recordingState;
        case ProtocolColumn:
            return participant.protocol;
        case ReplicationColumn:
            return participant.replicationType;
        case LocationColumn:
            return location(participant);
        case IdColumn:
            return participant.participantId;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RecordingColumn && recordingFailed(participant))
            return tr("The service could not record this participant. Check the storage "
                      "configuration's S3 bucket: it must exist in the stage's region and "
                      "accept the service's writes.");
        if (index.column() == ProtocolColumn && participant.protocol.isEmpty())
            return tr("Select the participant to read its protocol and recording location.");
        return tr("Participant %1").arg(participant.participantId);
    case Qt::ForegroundRole:
        if (index.column() == RecordingColumn && recordingFailed(participant))
            return textColor(TextTone::Problem);
        return {};
    case RowIconRole:
        return static_cast<int>(recordingFailed(participant) ? RowIcon::Error : RowIcon::None);
    case KeyRole:
        return participant.participantId;
    }
    return {};
}

QVariant ParticipantsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User ID");
    case StateColumn:
        return tr("State");
    case PublishedColumn:
        return tr("Published");
    case RecordingColumn:
        return tr("Recording");
    case ProtocolColumn:
        return tr("Protocol");
    case ReplicationColumn:
        return tr("Replication");
    case LocationColumn:
        return tr("Recording location");
    case IdColumn:
        return tr("Participant ID");
    }
    return {};
}

} // namespace model
