#include "ivs/diagnostics.h"

#include "ivs/field_path.h"
#include "ivs/participant_events.h"
#include "ivs/stage.h"
#include "ivs/stage_changes.h"
#include "ivs/stage_schema.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace ivs {

namespace {

using Severity = Finding::Severity;

const QString kStorageArnPath =
    QStringLiteral("autoParticipantRecordingConfiguration.storageConfigurationArn");
const QString kThumbnailPath =
    QStringLiteral("autoParticipantRecordingConfiguration.thumbnailConfiguration");
const QString kReplicasPath =
    QStringLiteral("autoParticipantRecordingConfiguration.recordParticipantReplicas");

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::Diagnostics)
};

// What the checks need to know, worked out once.
struct Context {
    Context(const Stage &stageIn, const StageSurroundings &surroundingsIn)
        : stage(stageIn)
        , surroundings(surroundingsIn)
        , config(EditableConfig::fromStage(stageIn))
        , recordingOn(!config.recordingOff())
        , stageRegion(stageIn.arn().section(QLatin1Char(':'), 3, 3))
        , storageArn(config.valueAt(kStorageArnPath).toString())
    {
    }

    const Stage &stage;
    const StageSurroundings &surroundings;
    const EditableConfig config; // every recording default filled in
    const bool recordingOn;
    const QString stageRegion;
    const QString storageArn;
};

// The documented default at a dotted path of the schema, so that the checks and the tree never
// disagree about what "default" means.
QJsonValue schemaDefault(const QString &path)
{
    const FieldSpec *spec = &stageSchema();
    for (const QString &name : path.split(QLatin1Char('.'))) {
        spec = spec->child(name);
        if (!spec)
            return QJsonValue(QJsonValue::Undefined);
    }
    return spec->defaultValue;
}

QStringList sortedStrings(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings.append(item.toString());
    strings.sort();
    return strings;
}

QString displayName(const ParticipantSummary &participant)
{
    return participant.userId.isEmpty() ? participant.participantId : participant.userId;
}

QString participantList(const QList<ParticipantSummary> &participants)
{
    QStringList names;
    for (const ParticipantSummary &participant : participants)
        names.append(displayName(participant));
    return names.join(QStringLiteral(", "));
}

// The service's own words matter more than our summary of them: the summary is written for
// stage lookups ("Stage not found") even when a storage configuration was asked for.
QString quoteError(const ServiceError &error)
{
    QString text = error.summary;
    if (!error.code.isEmpty())
        text += QStringLiteral(" (%1)").arg(error.code);
    if (!error.serviceMessage.isEmpty())
        text += QStringLiteral(": ") + error.serviceMessage;
    return text;
}

// The region was listed and holds no storage configuration: there is none to choose yet.
bool regionHasNoStorage(const Context &context)
{
    return context.surroundings.storageConfigurationsInRegion == 0 &&
           !context.stageRegion.isEmpty();
}

void checkRecordingOff(const Context &context, QList<Finding> &findings)
{
    if (context.recordingOn)
        return;
    findings.append(
        {QStringLiteral("recording-off"), Severity::Info,
         Text::tr("Participants are not recorded: the stage has no storage configuration."),
         regionHasNoStorage(context)
             ? noStorageConfigurationIn(context.stageRegion)
             : Text::tr("To record each participant, choose a storage configuration in the "
                        "stage's region (%1).")
                   .arg(context.stageRegion),
         kStorageArnPath});
}

void checkStorageReadable(const Context &context, QList<Finding> &findings)
{
    const auto &lookup = context.surroundings.storage;
    if (!context.recordingOn || !lookup || !lookup->error)
        return;
    const ServiceError &error = *lookup->error;
    if (error.category == ErrorCategory::NotFound) {
        findings.append(
            {QStringLiteral("storage-unreadable"), Severity::Error,
             Text::tr("The storage configuration %1 does not exist, so participants cannot be "
                      "recorded: %2.")
                 .arg(context.storageArn, quoteError(error)),
             Text::tr(
                 "Create a storage configuration in %1 (CreateStorageConfiguration) and choose it, "
                 "or correct the ARN.")
                 .arg(context.stageRegion),
             kStorageArnPath});
        return;
    }
    // Not being allowed to read it, or not reaching the service, says nothing about whether the
    // service can record into it: a warning, not an error.
    if (error.category == ErrorCategory::AccessDenied) {
        findings.append(
            {QStringLiteral("storage-unreadable"), Severity::Warning,
             Text::tr("The storage configuration %1 cannot be read with these credentials, so it "
                      "cannot be checked: %2.")
                 .arg(context.storageArn, quoteError(error)),
             Text::tr("Ask your administrator to allow ivs:GetStorageConfiguration on it for these "
                      "credentials."),
             kStorageArnPath});
        return;
    }
    findings.append(
        {QStringLiteral("storage-unreadable"), Severity::Warning,
         Text::tr("The storage configuration %1 could not be read, so it cannot be "
                  "checked: %2.")
             .arg(context.storageArn, quoteError(error)),
         error.nextStep.isEmpty() ? Text::tr("Check the ARN and try again.") : error.nextStep,
         kStorageArnPath});
}

void checkStorageRegion(const Context &context, QList<Finding> &findings)
{
    if (!context.recordingOn || context.stageRegion.isEmpty())
        return;
    const auto &lookup = context.surroundings.storage;
    const QString storageRegion = lookup && lookup->configuration
                                      ? lookup->configuration->region()
                                      : StorageConfiguration{context.storageArn, {}, {}}.region();
    if (storageRegion.isEmpty() || storageRegion == context.stageRegion)
        return;
    findings.append(
        {QStringLiteral("storage-region-mismatch"), Severity::Error,
         Text::tr("The storage configuration is in %1 but the stage is in %2, so recording "
                  "cannot start.")
             .arg(storageRegion, context.stageRegion),
         regionHasNoStorage(context)
             ? noStorageConfigurationIn(context.stageRegion)
             : Text::tr("Choose a storage configuration in %1, with its S3 bucket in %1 too.")
                   .arg(context.stageRegion),
         kStorageArnPath});
}

// Only while recording is on: with it off the service resets every thumbnail setting to its
// default, so there is nothing to be ignored. "Ignored" means a setting differs from its
// documented default (interval 60 s, storage SEQUENTIAL) while recordingMode is DISABLED: the
// service accepts it and does nothing with it, which usually means thumbnails were wanted.
void checkThumbnails(const Context &context, QList<Finding> &findings)
{
    if (!context.recordingOn)
        return;
    const QString prefix = kThumbnailPath + QLatin1Char('.');
    if (context.config.valueAt(prefix + QStringLiteral("recordingMode")).toString() !=
        QLatin1String("DISABLED"))
        return;

    QStringList ignored;
    const QString intervalPath = prefix + QStringLiteral("targetIntervalSeconds");
    const QJsonValue interval = context.config.valueAt(intervalPath);
    if (interval != schemaDefault(intervalPath))
        ignored.append(Text::tr("interval %1 seconds").arg(interval.toInt()));
    const QString storagePath = prefix + QStringLiteral("storage");
    const QStringList storage = sortedStrings(context.config.valueAt(storagePath));
    if (storage != sortedStrings(schemaDefault(storagePath)))
        ignored.append(Text::tr("storage %1").arg(storage.join(Text::tr(" and "))));

    const QString modePath = prefix + QStringLiteral("recordingMode");
    if (ignored.isEmpty()) {
        findings.append(
            {QStringLiteral("thumbnails-disabled"), Severity::Info,
             Text::tr("No thumbnails will be recorded: thumbnail recording is DISABLED."),
             Text::tr("Set the thumbnail recordingMode to INTERVAL if you want thumbnails of "
                      "each participant's video."),
             modePath});
        return;
    }
    findings.append(
        {QStringLiteral("thumbnail-interval-ignored"), Severity::Warning,
         Text::tr("Thumbnail recording is DISABLED, so the thumbnail settings that differ "
                  "from their defaults (%1) are ignored and no thumbnails will be recorded.")
             .arg(ignored.join(QStringLiteral("; "))),
         Text::tr("Set the thumbnail recordingMode to INTERVAL to record thumbnails, or "
                  "return the thumbnail settings to their defaults (60 seconds, "
                  "SEQUENTIAL)."),
         modePath});
}

// The stage's own activeSessionId counts too: the session list may not have been fetched.
QString activeSessionId(const Context &context)
{
    const auto &session = context.surroundings.activeSession;
    if (session && session->isActive())
        return session->sessionId;
    return context.stage.json().value(QStringLiteral("activeSessionId")).toString();
}

void checkActiveSession(const Context &context, QList<Finding> &findings)
{
    const QString sessionId = activeSessionId(context);
    if (sessionId.isEmpty())
        return;
    findings.append(
        {QStringLiteral("active-session"), Severity::Info,
         Text::tr("Session %1 is in progress: while a participant is being recorded, the "
                  "recording settings cannot be changed (UpdateStage answers 409 "
                  "ConflictException).")
             .arg(sessionId),
         Text::tr("Change the recording settings after the session has ended; tags can be "
                  "changed at any time."),
         QStringLiteral("activeSessionId")});
}

void checkSessionsReadable(const Context &context, QList<Finding> &findings)
{
    const std::optional<ServiceError> &error = context.surroundings.sessionsError;
    if (!error)
        return;
    findings.append(
        {QStringLiteral("sessions-unreadable"), Severity::Warning,
         Text::tr("The stage's sessions or participants could not be read (%1), so the "
                  "checks about replicas and failed recordings were skipped.")
             .arg(error->summary),
         error->category == ErrorCategory::AccessDenied
             ? Text::tr("Ask for ivs:ListStageSessions and ivs:ListParticipants on this "
                        "stage, then check again.")
             : Text::tr("Check again in a moment."),
         QString()});
}

void checkEndpoints(const Context &context, QList<Finding> &findings)
{
    const QJsonObject endpoints =
        context.stage.json().value(QStringLiteral("endpoints")).toObject();
    QStringList missing;
    QStringList consequences;
    auto lacks = [&endpoints](const char *name) {
        return endpoints.value(QLatin1String(name)).toString().isEmpty();
    };
    if (lacks("events")) {
        missing.append(QStringLiteral("events"));
        consequences.append(Text::tr("clients that rely on the events endpoint have nothing to "
                                     "connect to"));
    }
    if (lacks("whip")) {
        missing.append(QStringLiteral("whip"));
        consequences.append(
            Text::tr("there is no WHIP publishing (OBS's WHIP service, for example)"));
    }
    const bool noRtmp = lacks("rtmp");
    const bool noRtmps = lacks("rtmps");
    if (noRtmp)
        missing.append(QStringLiteral("rtmp"));
    if (noRtmps)
        missing.append(QStringLiteral("rtmps"));
    if (noRtmp && noRtmps)
        consequences.append(Text::tr("encoders cannot publish over RTMP or RTMPS"));
    else if (noRtmps)
        consequences.append(Text::tr("encoders cannot publish over RTMPS"));
    else if (noRtmp)
        consequences.append(Text::tr("encoders cannot publish over plain RTMP"));
    if (missing.isEmpty())
        return;
    const QString path = missing.size() == 1 ? QStringLiteral("endpoints.") + missing.first()
                                             : QStringLiteral("endpoints");
    const QString title = missing.size() == 1 ? Text::tr("The stage has no %1 endpoint: %2.")
                                              : Text::tr("The stage has no %1 endpoints: %2.");
    findings.append(
        {QStringLiteral("endpoints-missing"), Severity::Warning,
         title.arg(missing.join(QStringLiteral(", ")), consequences.join(QStringLiteral("; "))),
         Text::tr("Stages created before these ways of publishing existed may lack their "
                  "endpoints: read the stage again later, or create a new stage for them."),
         path});
}

void checkReplicas(const Context &context, QList<Finding> &findings)
{
    if (!context.recordingOn || context.config.valueAt(kReplicasPath).toBool())
        return;
    QList<ParticipantSummary> replicas;
    for (const ParticipantSummary &participant : context.surroundings.activeParticipants) {
        if (participant.isReplica())
            replicas.append(participant);
    }
    if (replicas.isEmpty())
        return;
    findings.append(
        {QStringLiteral("replicas-not-recorded"), Severity::Warning,
         Text::tr("Replica participants are not recorded (recordParticipantReplicas is "
                  "false), so the media of %1 in the active session is not recorded "
                  "here.")
             .arg(participantList(replicas)),
         Text::tr("Set recordParticipantReplicas to true to record replicas on this stage, "
                  "or rely on the recording of their source stage."),
         kReplicasPath});
}

// The participant's publishing failed and did not start again: with nothing published, there
// was nothing to record, whatever the storage.
std::optional<ParticipantEvent> publishFailure(const Context &context,
                                               const ParticipantSummary &participant)
{
    const auto events =
        context.surroundings.failedParticipantEvents.constFind(participant.participantId);
    if (events == context.surroundings.failedParticipantEvents.cend())
        return std::nullopt;
    std::optional<ParticipantEvent> failure;
    for (const ParticipantEvent &event : *events) {
        if (event.name == QLatin1String("PUBLISH_ERROR"))
            failure = event;
        else if (event.name == QLatin1String("PUBLISH_STARTED") && participant.published)
            failure.reset(); // published again after the error
    }
    return failure;
}

// Only the service knows why a recording failed. When the participant's events show that its
// publishing failed, that is the cause; otherwise the usual causes are the bucket's, as the user
// guide lists them.
void checkRecordingFailures(const Context &context, QList<Finding> &findings)
{
    for (const ParticipantSummary &participant : context.surroundings.activeParticipants) {
        if (participant.recordingState != QLatin1String("FAILED"))
            continue;
        const QString path = fieldpath::participant(participant.participantId);
        if (const auto failure = publishFailure(context, participant)) {
            const EventExplanation explanation = explainParticipantEvent(*failure);
            const QString error = failure->errorCode.isEmpty()
                                      ? failure->name
                                      : failure->name + QLatin1Char(' ') + failure->errorCode;
            findings.append(
                {QStringLiteral("participant-recording-failed"), Severity::Error,
                 Text::tr("Recording failed for %1 in the active session because its publishing "
                          "failed (%2): nothing was published, so nothing could be recorded.")
                     .arg(displayName(participant), error),
                 explanation.action.isEmpty()
                     ? Text::tr("Look at the participant's events for the reason, fix the "
                                "publishing, then publish again.")
                     : explanation.action,
                 path});
            continue;
        }
        findings.append(
            {QStringLiteral("participant-recording-failed"), Severity::Error,
             Text::tr("Recording failed for %1 in the active session.")
                 .arg(displayName(participant)),
             Text::tr("Check that the storage configuration's S3 bucket still exists, is in the "
                      "stage's region, is owned by this account with bucket-owner-enforced (or "
                      "preferred) object ownership, and uses SSE-S3 default encryption."),
             path});
    }
}

} // namespace

QList<Finding> diagnoseStage(const Stage &stage, const StageSurroundings &surroundings)
{
    const Context context(stage, surroundings);
    QList<Finding> findings;
    checkRecordingOff(context, findings);
    checkStorageReadable(context, findings);
    checkStorageRegion(context, findings);
    checkThumbnails(context, findings);
    checkActiveSession(context, findings);
    checkSessionsReadable(context, findings);
    checkEndpoints(context, findings);
    checkReplicas(context, findings);
    checkRecordingFailures(context, findings);

    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.id < b.id;
    });
    return findings;
}

QString severityName(Finding::Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool hasProblems(const QList<Finding> &findings)
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding &finding) { return finding.severity != Severity::Info; });
}

} // namespace ivs
