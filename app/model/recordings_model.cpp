#include "model/recordings_model.h"

#include <QLocale>

namespace model {

namespace {

using Outcome = recordings::ParticipantRecording::Outcome;

RowIcon iconFor(const recordings::ParticipantRecording &recording)
{
    switch (recording.outcome) {
    case Outcome::Failed:
        return RowIcon::Error;
    case Outcome::Empty:
        return recording.recordingState == QLatin1String("FAILED") ||
                       recording.recordingState == QLatin1String("STARTING")
                   ? RowIcon::Warning
                   : RowIcon::Error;
    case Outcome::Incomplete:
    case Outcome::Unreadable:
        return RowIcon::Warning;
    case Outcome::InProgress:
        return RowIcon::Live;
    case Outcome::Ended:
    case Outcome::NotRecorded:
        return RowIcon::None;
    }
    return RowIcon::None;
}

} // namespace

RecordingsModel::RecordingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RecordingsModel::setRecordings(const QList<recordings::ParticipantRecording> &recordings)
{
    beginResetModel();
    m_recordings = recordings;
    endResetModel();
}

const recordings::ParticipantRecording *RecordingsModel::recordingAt(int row) const
{
    return row >= 0 && row < m_recordings.size() ? &m_recordings.at(row) : nullptr;
}

int RecordingsModel::rowOf(const QString &participantId) const
{
    for (int row = 0; row < m_recordings.size(); ++row) {
        if (m_recordings.at(row).participantId == participantId)
            return row;
    }
    return -1;
}

int RecordingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_recordings.size());
}

int RecordingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordingsModel::data(const QModelIndex &index, int role) const
{
    const recordings::ParticipantRecording *recording = recordingAt(index.row());
    if (!recording || index.column() >= ColumnCount)
        return {};
    if (role == KeyRole)
        return recording->participantId;
    if (role == RowIconRole && index.column() == ParticipantColumn)
        return static_cast<int>(iconFor(*recording));
    if (role == Qt::ToolTipRole) {
        QString tip = QStringLiteral("s3://%1/%2").arg(recording->bucket, recording->prefix);
        if (!recording->reason.isEmpty())
            tip += QLatin1Char('\n') + recording->reason;
        return recording->bucket.isEmpty() ? recording->reason : tip;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ParticipantColumn:
        return recording->userId.isEmpty() ? recording->participantId : recording->userId;
    case OutcomeColumn:
        return recordings::outcomeText(recording->outcome);
    case StartedColumn:
        return recording->startedAt.isValid()
                   ? QLocale().toString(recording->startedAt.toLocalTime(), QLocale::ShortFormat)
                   : QStringLiteral("—");
    case DurationColumn:
        return recordings::formatDuration(recording->durationSeconds);
    case RenditionsColumn:
        return recordings::renditionsText(*recording);
    case SizeColumn:
        return recording->objectCount == 0 ? QStringLiteral("—")
                                           : recordings::formatBytes(recording->totalBytes);
    case ObjectsColumn:
        return QString::number(recording->objectCount) +
               (recording->listingCapped ? QStringLiteral("+") : QString());
    case ThumbnailsColumn:
        return static_cast<int>(recording->thumbnails.size());
    default:
        return {};
    }
}

QVariant RecordingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ParticipantColumn:
        return tr("Participant");
    case OutcomeColumn:
        return tr("Recording");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case RenditionsColumn:
        return tr("Renditions");
    case SizeColumn:
        return tr("Size");
    case ObjectsColumn:
        return tr("Objects");
    case ThumbnailsColumn:
        return tr("Thumbnails");
    default:
        return {};
    }
}

} // namespace model
