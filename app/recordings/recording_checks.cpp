#include "recordings/recording_checks.h"

#include "ivs/field_path.h"

#include <algorithm>
#include <QCoreApplication>

namespace recordings {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(recordings::RecordingChecks)
};

using Severity = ivs::Finding::Severity;
using Outcome = ParticipantRecording::Outcome;

QString who(const ParticipantRecording &recording)
{
    return recording.userId.isEmpty() ? recording.participantId : recording.userId;
}

QString location(const ParticipantRecording &recording)
{
    QString text = QStringLiteral("s3://") + recording.bucket;
    if (!recording.prefix.isEmpty())
        text += QLatin1Char('/') + recording.prefix;
    return text;
}

bool serviceSaysRecorded(const QString &state)
{
    return state == QLatin1String("ACTIVE") || state == QLatin1String("STOPPING") ||
           state == QLatin1String("STOPPED");
}

ivs::Finding finding(const char *id, Severity severity, const QString &title, const QString &action,
                     const QString &participantId = {})
{
    ivs::Finding result;
    result.id = QString::fromLatin1(id);
    result.severity = severity;
    result.title = title;
    result.action = action;
    if (!participantId.isEmpty())
        result.fieldPath = ivs::fieldpath::participant(participantId);
    return result;
}

int rank(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return 0;
    case Severity::Warning:
        return 1;
    case Severity::Info:
        return 2;
    }
    return 3;
}

} // namespace

QList<ivs::Finding> checkRecordingOutcome(const RecordingOutcome &outcome)
{
    QList<ivs::Finding> findings;
    bool unreadableTold = false;
    for (const ParticipantRecording &recording : outcome.recordings) {
        switch (recording.outcome) {
        case Outcome::Empty:
            if (serviceSaysRecorded(recording.recordingState))
                findings.append(finding(
                    "recorded-but-empty", Severity::Error,
                    Text::tr("%1 was recorded (%2), but nothing is in S3 under %3.")
                        .arg(who(recording), recording.recordingState, location(recording)),
                    Text::tr("Check that the bucket still exists, that its policy lets IVS write "
                             "to it, and that nothing (a lifecycle rule, another tool) deletes "
                             "recordings."),
                    recording.participantId));
            break;
        case Outcome::Failed:
            findings.append(finding(
                "recording-failed-file", Severity::Error,
                Text::tr("recording-failed.json for %1 says: %2")
                    .arg(who(recording), recording.reason),
                Text::tr("Fix what it names; the participant's events in the Sessions panel tell "
                         "a publishing problem from a storage one."),
                recording.participantId));
            break;
        case Outcome::Unreadable:
            if (!unreadableTold && recording.error &&
                recording.error->category == ivs::ErrorCategory::AccessDenied) {
                unreadableTold = true;
                findings.append(
                    finding("recordings-unreadable", Severity::Warning,
                            Text::tr("No permission to read the recordings bucket %1.")
                                .arg(recording.bucket),
                            Text::tr("Allow s3:ListBucket on arn:aws:s3:::%1 and s3:GetObject on "
                                     "arn:aws:s3:::%1/* for the credentials in use.")
                                .arg(recording.bucket)));
            }
            break;
        case Outcome::Incomplete:
            findings.append(finding(
                "recording-incomplete", Severity::Warning,
                Text::tr("The recording of %1 is incomplete: %2")
                    .arg(who(recording), recording.reason),
                Text::tr("A recording still being written has its events file first; if the "
                         "session has ended, the media may be unusable."),
                recording.participantId));
            break;
        case Outcome::Ended:
        case Outcome::InProgress:
            if (outcome.thumbnailsConfigured && recording.thumbnails.isEmpty() &&
                recording.latestThumbnail.isEmpty() &&
                recording.durationSeconds > outcome.thumbnailIntervalSeconds)
                findings.append(finding(
                    "thumbnails-missing", Severity::Warning,
                    Text::tr("Thumbnails are on (every %1 s), but the %2 recording of %3 has none.")
                        .arg(outcome.thumbnailIntervalSeconds)
                        .arg(formatDuration(recording.durationSeconds), who(recording)),
                    Text::tr("Check the stage's thumbnail storage setting (SEQUENTIAL or LATEST) "
                             "and that the media type records video."),
                    recording.participantId));
            break;
        case Outcome::NotRecorded:
            break;
        }
        if (!recording.refusedKeys.isEmpty())
            findings.append(finding(
                "recording-keys-refused", Severity::Warning,
                Text::tr("%n object(s) under %1 have keys that cannot be saved as files.", nullptr,
                         static_cast<int>(recording.refusedKeys.size()))
                    .arg(location(recording)),
                Text::tr("They are listed but never downloaded; IVS does not write such keys, "
                         "so something else put them there."),
                recording.participantId));
    }
    if (outcome.bucketRegion && !outcome.bucketRegion->isEmpty() &&
        *outcome.bucketRegion != outcome.stageRegion) {
        const auto recorded =
            std::find_if(outcome.recordings.cbegin(), outcome.recordings.cend(),
                         [](const ParticipantRecording &r) { return !r.bucket.isEmpty(); });
        const QString bucket = recorded == outcome.recordings.cend() ? QString() : recorded->bucket;
        findings.append(finding(
            "bucket-other-region", Severity::Error,
            Text::tr("The recordings bucket %1 is in %2, the stage in %3.")
                .arg(bucket, *outcome.bucketRegion, outcome.stageRegion),
            Text::tr("Individual participant recording writes only to a bucket in the stage's "
                     "region: create a storage configuration with a bucket in %1.")
                .arg(outcome.stageRegion)));
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ivs::Finding &a, const ivs::Finding &b) {
                         if (rank(a.severity) != rank(b.severity))
                             return rank(a.severity) < rank(b.severity);
                         return a.id < b.id;
                     });
    return findings;
}

} // namespace recordings
