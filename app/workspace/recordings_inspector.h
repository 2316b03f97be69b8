#pragma once

#include "ivs/diagnostics.h"
#include "ivs/service_error.h"
#include "ivs/stage_arn.h"
#include "recordings/participant_recording.h"

#include <memory>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ivs {
class IvsClient;
}
namespace s3 {
class S3Client;
}

namespace workspace {

// What a session's recordings left in S3, participant by participant, and what is wrong with it.
struct RecordingsReport {
    QString stageArn;
    QString stageRegion;
    QString sessionId;
    QDateTime sessionStart;
    QDateTime sessionEnd; // invalid while the session is active
    QList<recordings::ParticipantRecording> recordings;
    QList<ivs::Finding> findings;
    std::optional<QString> bucketRegion;
    // The stage, its sessions or participants could not be read: nothing else could be.
    std::optional<ivs::ServiceError> error;
};

// Reads a session's recordings: the stage (for its thumbnail settings), the session (the latest
// unless named), its participants and where each was recorded (GetParticipant), the bucket's
// region (HeadBucket), then per participant its prefix (ListObjectsV2), events file and
// playlists (GetObject, each bounded). Participants are read four at a time. One run at a time:
// inspect() while busy cancels the run under way, whose report never arrives.
class RecordingsInspector final : public QObject {
    Q_OBJECT
public:
    RecordingsInspector(ivs::IvsClient &ivs, s3::S3Client &s3, QObject *parent = nullptr);
    ~RecordingsInspector() override;

    // `sessionId` empty: the latest session; `participantId` empty: every participant.
    void inspect(const ivs::StageArn &stage, const QString &sessionId = {},
                 const QString &participantId = {});
    void cancel();
    bool isBusy() const { return m_run != nullptr; }

    static constexpr int kParallelParticipants = 4;
    // The most objects listed under one participant's prefix.
    static constexpr int kMaxObjectsPerParticipant = 100000;

signals:
    // "Reading the recording of host-anna (2 of 4)…"
    void progress(const QString &step);
    void finished(const workspace::RecordingsReport &report);

private:
    struct Run;
    void readStage(const std::shared_ptr<Run> &run);
    void readSession(const std::shared_ptr<Run> &run);
    void readParticipants(const std::shared_ptr<Run> &run);
    void locateRecordings(const std::shared_ptr<Run> &run);
    void readBucketRegions(const std::shared_ptr<Run> &run);
    void readNextParticipant(const std::shared_ptr<Run> &run);
    void readPrefix(const std::shared_ptr<Run> &run, int index);
    void readEvents(const std::shared_ptr<Run> &run, int index);
    void readMultivariant(const std::shared_ptr<Run> &run, int index);
    void readRenditions(const std::shared_ptr<Run> &run, int index);
    void participantDone(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);
    QString regionFor(const std::shared_ptr<Run> &run, const QString &bucket) const;

    ivs::IvsClient &m_ivs;
    s3::S3Client &m_s3;
    std::shared_ptr<Run> m_run;
};

} // namespace workspace
