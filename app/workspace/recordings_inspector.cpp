#include "workspace/recordings_inspector.h"

#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "recordings/recording_checks.h"
#include "s3/s3_client.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace workspace {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::RecordingsInspector)
};

QString who(const recordings::RecordingEvidence &evidence)
{
    return evidence.userId.isEmpty() ? evidence.participantId : evidence.userId;
}

} // namespace

struct RecordingsInspector::Run {
    std::unique_ptr<QObject> context = std::make_unique<QObject>();
    std::optional<ivs::StageArn> stage;
    QString participantFilter;
    RecordingsReport report;
    bool thumbnailsConfigured = false;
    int thumbnailInterval = 60;
    QList<recordings::RecordingEvidence> evidence;
    QMap<QString, QString> bucketRegions; // learnt from HeadBucket
    int next = 0;
    int inFlight = 0;
};

RecordingsInspector::RecordingsInspector(ivs::IvsClient &ivs, s3::S3Client &s3, QObject *parent)
    : QObject(parent)
    , m_ivs(ivs)
    , m_s3(s3)
{
}

RecordingsInspector::~RecordingsInspector() = default;

void RecordingsInspector::cancel()
{
    // Destroying the run's context aborts its requests and drops their answers (and with them
    // the last references to the run).
    if (m_run && m_run->context)
        m_run->context.release()->deleteLater();
    m_run.reset();
}

void RecordingsInspector::inspect(const ivs::StageArn &stage, const QString &sessionId,
                                  const QString &participantId)
{
    cancel();
    auto run = std::make_shared<Run>();
    run->stage = stage;
    run->participantFilter = participantId;
    run->report.stageArn = stage.text();
    run->report.stageRegion = stage.region();
    run->report.sessionId = sessionId;
    m_run = run;
    readStage(run);
}

void RecordingsInspector::readStage(const std::shared_ptr<Run> &run)
{
    emit progress(Text::tr("Reading the stage…"));
    m_ivs.getStage(
        *run->stage, {}, run->context.get(), [this, run](const ivs::GetStageResult &result) {
            if (m_run != run)
                return; // cancelled
            if (!result.stage) {
                run->report.error = result.error;
                finish(run);
                return;
            }
            const QJsonObject recording =
                result.stage->json()
                    .value(QStringLiteral("autoParticipantRecordingConfiguration"))
                    .toObject();
            const QJsonObject thumbnails =
                recording.value(QStringLiteral("thumbnailConfiguration")).toObject();
            run->thumbnailsConfigured =
                !recording.value(QStringLiteral("storageConfigurationArn")).toString().isEmpty() &&
                thumbnails.value(QStringLiteral("recordingMode"))
                        .toString(QStringLiteral("INTERVAL")) == QLatin1String("INTERVAL");
            run->thumbnailInterval =
                thumbnails.value(QStringLiteral("targetIntervalSeconds")).toInt(60);
            readSession(run);
        });
}

void RecordingsInspector::readSession(const std::shared_ptr<Run> &run)
{
    emit progress(Text::tr("Reading the sessions…"));
    ivs::listStageSessions(
        m_ivs, *run->stage, run->context.get(), [this, run](const ivs::SessionsResult &result) {
            if (m_run != run)
                return; // cancelled
            if (result.error && result.sessions.isEmpty()) {
                run->report.error = result.error;
                finish(run);
                return;
            }
            const QString wanted = run->report.sessionId;
            for (const ivs::StageSessionSummary &session : result.sessions) {
                if (wanted.isEmpty() || session.sessionId == wanted) {
                    run->report.sessionId = session.sessionId;
                    run->report.sessionStart = session.startTime;
                    run->report.sessionEnd = session.endTime;
                    readParticipants(run);
                    return;
                }
            }
            run->report.error = ivs::localError(
                ivs::ErrorCategory::NotFound,
                wanted.isEmpty() ? Text::tr("The stage has had no session yet")
                                 : Text::tr("Session %1 not found").arg(wanted),
                QString(),
                wanted.isEmpty()
                    ? Text::tr("Recordings exist once someone has published to the stage.")
                    : Text::tr("Check the session ID: the Sessions panel lists "
                               "the stage's sessions."));
            finish(run);
        });
}

void RecordingsInspector::readParticipants(const std::shared_ptr<Run> &run)
{
    emit progress(Text::tr("Reading the participants of %1…").arg(run->report.sessionId));
    ivs::listParticipants(
        m_ivs, *run->stage, run->report.sessionId, run->context.get(),
        [this, run](const ivs::ParticipantsResult &result) {
            if (m_run != run)
                return; // cancelled
            if (result.error && result.participants.isEmpty()) {
                run->report.error = result.error;
                finish(run);
                return;
            }
            for (const ivs::ParticipantSummary &participant : result.participants) {
                if (!run->participantFilter.isEmpty() &&
                    participant.participantId != run->participantFilter)
                    continue;
                recordings::RecordingEvidence evidence;
                evidence.participantId = participant.participantId;
                evidence.userId = participant.userId;
                evidence.recordingState = participant.recordingState;
                evidence.published = participant.published;
                run->evidence.append(evidence);
            }
            if (run->evidence.isEmpty() && !run->participantFilter.isEmpty()) {
                run->report.error = ivs::localError(
                    ivs::ErrorCategory::NotFound,
                    Text::tr("Participant %1 not found in session %2")
                        .arg(run->participantFilter, run->report.sessionId),
                    QString(), Text::tr("Check the participant ID in the Sessions panel."));
                finish(run);
                return;
            }
            locateRecordings(run);
        });
}

// GetParticipant for each participant that may have been recorded: only it names the bucket
// and prefix.
void RecordingsInspector::locateRecordings(const std::shared_ptr<Run> &run)
{
    QList<int> pending;
    for (int i = 0; i < run->evidence.size(); ++i) {
        if (run->evidence.at(i).recordingState != QLatin1String("DISABLED"))
            pending.append(i);
    }
    if (pending.isEmpty()) {
        readBucketRegions(run);
        return;
    }
    emit progress(Text::tr("Finding where %n participant(s) were recorded…", nullptr,
                           static_cast<int>(pending.size())));
    auto remaining = std::make_shared<int>(static_cast<int>(pending.size()));
    for (const int index : std::as_const(pending)) {
        ivs::getParticipant(m_ivs, *run->stage, run->report.sessionId,
                            run->evidence.at(index).participantId, run->context.get(),
                            [this, run, index, remaining](const ivs::ParticipantResult &result) {
                                if (m_run != run)
                                    return; // cancelled
                                recordings::RecordingEvidence &target = run->evidence[index];
                                if (result.participant) {
                                    target.bucket = result.participant->recordingS3BucketName;
                                    target.prefix = result.participant->recordingS3Prefix;
                                } else if (result.error) {
                                    target.listingError = result.error;
                                }
                                if (--*remaining == 0)
                                    readBucketRegions(run);
                            });
    }
}

void RecordingsInspector::readBucketRegions(const std::shared_ptr<Run> &run)
{
    QSet<QString> buckets;
    for (const recordings::RecordingEvidence &evidence : std::as_const(run->evidence)) {
        if (!evidence.bucket.isEmpty())
            buckets.insert(evidence.bucket);
    }
    if (buckets.isEmpty()) {
        readNextParticipant(run);
        return;
    }
    emit progress(Text::tr("Looking up the recordings bucket…"));
    auto remaining = std::make_shared<int>(static_cast<int>(buckets.size()));
    for (const QString &bucket : std::as_const(buckets)) {
        m_s3.headBucket(run->report.stageRegion, bucket, run->context.get(),
                        [this, run, bucket, remaining](const s3::BucketResult &result) {
                            if (m_run != run)
                                return; // cancelled
                            // The region comes with 200, 301 and 403 answers alike; a refusal is
                            // learnt again, and explained, when the prefix is listed.
                            if (!result.bucketRegion.isEmpty()) {
                                run->bucketRegions.insert(bucket, result.bucketRegion);
                                run->report.bucketRegion = result.bucketRegion;
                            }
                            if (--*remaining == 0)
                                readNextParticipant(run);
                        });
    }
}

QString RecordingsInspector::regionFor(const std::shared_ptr<Run> &run, const QString &bucket) const
{
    // A bucket elsewhere is still read (in its own region), and the check says it is elsewhere.
    return run->bucketRegions.value(bucket, run->report.stageRegion);
}

void RecordingsInspector::readNextParticipant(const std::shared_ptr<Run> &run)
{
    while (run->inFlight < kParallelParticipants && run->next < run->evidence.size()) {
        const int index = run->next++;
        const recordings::RecordingEvidence &evidence = run->evidence.at(index);
        if (evidence.bucket.isEmpty() || evidence.listingError)
            continue;
        ++run->inFlight;
        readPrefix(run, index);
    }
    if (run->inFlight == 0 && run->next >= run->evidence.size())
        finish(run);
}

void RecordingsInspector::readPrefix(const std::shared_ptr<Run> &run, int index)
{
    const recordings::RecordingEvidence &evidence = run->evidence.at(index);
    emit progress(Text::tr("Reading the recording of %1 (%2 of %3)…")
                      .arg(who(evidence))
                      .arg(index + 1)
                      .arg(run->evidence.size()));
    QString prefix = evidence.prefix;
    if (!prefix.isEmpty() && !prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    m_s3.listObjects(
        regionFor(run, evidence.bucket), evidence.bucket, prefix, run->context.get(),
        [this, run, index](const s3::ListResult &result) {
            if (m_run != run)
                return; // cancelled
            recordings::RecordingEvidence &target = run->evidence[index];
            target.listed = !result.error;
            target.listingError = result.error;
            target.listingCapped = result.capped;
            for (const s3::ObjectInfo &object : result.objects) {
                QString problem;
                const auto path = recordings::safeRelativePath(target.prefix, object.key, &problem);
                if (!path) {
                    target.refusedKeys.append(
                        QStringLiteral("%1: %2").arg(object.key.left(200), problem));
                    continue;
                }
                target.files.append({*path, object.size, object.etag, object.lastModified});
            }
            readEvents(run, index);
        },
        kMaxObjectsPerParticipant);
}

void RecordingsInspector::readEvents(const std::shared_ptr<Run> &run, int index)
{
    const recordings::RecordingEvidence &evidence = run->evidence.at(index);
    const QString path = recordings::eventsFileToRead(evidence);
    if (path.isEmpty()) {
        participantDone(run);
        return;
    }
    m_s3.getObject(regionFor(run, evidence.bucket), evidence.bucket,
                   recordings::objectKey(evidence.prefix, path), recordings::kMaxMetadataBytes,
                   run->context.get(), [this, run, index](const s3::GetResult &result) {
                       if (m_run != run)
                           return; // cancelled
                       recordings::RecordingEvidence &target = run->evidence[index];
                       if (result.error) {
                           target.metadataProblem = result.error->summary;
                       } else {
                           QString problem;
                           target.metadata =
                               recordings::parseRecordingMetadata(result.body, &problem);
                           target.metadataProblem = problem;
                       }
                       readMultivariant(run, index);
                   });
}

void RecordingsInspector::readMultivariant(const std::shared_ptr<Run> &run, int index)
{
    const recordings::RecordingEvidence &evidence = run->evidence.at(index);
    const QString path = recordings::multivariantPlaylistPath(evidence);
    if (path.isEmpty()) {
        readRenditions(run, index);
        return;
    }
    m_s3.getObject(regionFor(run, evidence.bucket), evidence.bucket,
                   recordings::objectKey(evidence.prefix, path), recordings::kMaxPlaylistBytes,
                   run->context.get(), [this, run, index](const s3::GetResult &result) {
                       if (m_run != run)
                           return; // cancelled
                       if (!result.error)
                           run->evidence[index].variants =
                               recordings::parseMultivariantPlaylist(result.body);
                       readRenditions(run, index);
                   });
}

void RecordingsInspector::readRenditions(const std::shared_ptr<Run> &run, int index)
{
    const recordings::RecordingEvidence &evidence = run->evidence.at(index);
    const QMap<QString, QString> playlists = recordings::renditionPlaylistPaths(evidence);
    if (playlists.isEmpty()) {
        participantDone(run);
        return;
    }
    auto remaining = std::make_shared<int>(static_cast<int>(playlists.size()));
    for (auto it = playlists.cbegin(); it != playlists.cend(); ++it) {
        const QString rendition = it.key();
        m_s3.getObject(regionFor(run, evidence.bucket), evidence.bucket,
                       recordings::objectKey(evidence.prefix, it.value()),
                       recordings::kMaxPlaylistBytes, run->context.get(),
                       [this, run, index, rendition, remaining](const s3::GetResult &result) {
                           if (m_run != run)
                               return; // cancelled
                           if (!result.error) {
                               if (const auto playlist =
                                       recordings::parseMediaPlaylist(result.body))
                                   run->evidence[index].mediaPlaylists.insert(rendition, *playlist);
                           }
                           if (--*remaining == 0)
                               participantDone(run);
                       });
    }
}

void RecordingsInspector::participantDone(const std::shared_ptr<Run> &run)
{
    --run->inFlight;
    readNextParticipant(run);
}

void RecordingsInspector::finish(const std::shared_ptr<Run> &run)
{
    if (m_run != run)
        return;
    for (const recordings::RecordingEvidence &evidence : std::as_const(run->evidence))
        run->report.recordings.append(recordings::summarize(evidence));
    if (!run->report.error) {
        recordings::RecordingOutcome outcome;
        outcome.stageRegion = run->report.stageRegion;
        outcome.recordings = run->report.recordings;
        outcome.bucketRegion = run->report.bucketRegion;
        outcome.thumbnailsConfigured = run->thumbnailsConfigured;
        outcome.thumbnailIntervalSeconds = run->thumbnailInterval;
        run->report.findings = recordings::checkRecordingOutcome(outcome);
    }
    const RecordingsReport report = run->report;
    // The run ends before the report goes out, so that a slot may start another.
    std::unique_ptr<QObject> context = std::move(run->context);
    m_run.reset();
    emit finished(report);
    context.release()->deleteLater();
}

} // namespace workspace
