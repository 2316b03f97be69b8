#pragma once

#include "ivs/diagnostics.h"
#include "recordings/participant_recording.h"

#include <optional>
#include <QList>
#include <QString>

namespace recordings {

// What the outcome checks look at: a session's recordings as they landed, and around them.
struct RecordingOutcome {
    QString stageRegion;
    QList<ParticipantRecording> recordings;
    // The recordings bucket's region (HeadBucket's x-amz-bucket-region), when learnt.
    std::optional<QString> bucketRegion;
    // The stage's thumbnail settings: on when recordingMode is INTERVAL.
    bool thumbnailsConfigured = false;
    int thumbnailIntervalSeconds = 60;
};

// The checks on what a session's recording left in S3, in the same terms as the stage's own
// Checks (ivs::diagnoseStage), errors first:
// - recorded-but-empty: the service says recorded (ACTIVE/STOPPING/STOPPED), the prefix is empty;
// - recording-failed-file: recording-failed.json says why;
// - bucket-other-region: the bucket is in another region than the stage;
// - recordings-unreadable: no permission to list or read (names the IAM actions);
// - thumbnails-missing: thumbnails are on and a recording longer than the interval wrote none;
// - recording-incomplete: media without a readable events file;
// - recording-keys-refused: keys that cannot name a file safely (never downloaded).
QList<ivs::Finding> checkRecordingOutcome(const RecordingOutcome &outcome);

} // namespace recordings
