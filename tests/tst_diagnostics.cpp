#include "ivs/diagnostics.h"
#include "ivs/stage.h"
#include "support/json_paths.h"
#include "support/test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using ivs::Finding;
using Severity = ivs::Finding::Severity;
using testsupport::withoutPath;
using testsupport::withPath;

namespace {

const QString kRec = QStringLiteral("autoParticipantRecordingConfiguration.");
const QString kThumb = kRec + QStringLiteral("thumbnailConfiguration.");
const QString kSeedStorageArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ");

QJsonObject stageJson(const QString &file = QStringLiteral("get_stage_seed_response.json"))
{
    return QJsonDocument::fromJson(testsupport::readTestData(file))
        .object()
        .value(QStringLiteral("stage"))
        .toObject();
}

ivs::Stage stageFrom(const QJsonObject &json)
{
    QString error;
    const auto stage = ivs::Stage::fromJson(json, &error);
    if (!stage)
        qFatal("test stage does not parse: %s", qPrintable(error));
    return *stage;
}

ivs::ParticipantSummary participant(const QString &userId, const QString &recordingState,
                                    const QString &replicationType = QStringLiteral("NONE"))
{
    ivs::ParticipantSummary summary;
    summary.participantId = QStringLiteral("p-") + userId;
    summary.userId = userId;
    summary.state = QStringLiteral("CONNECTED");
    summary.published = true;
    summary.recordingState = recordingState;
    summary.replicationType = replicationType;
    return summary;
}

// What a fully configured stage with nothing wrong looks like around it.
ivs::StageSurroundings healthySurroundings(const QString &storageArn = kSeedStorageArn)
{
    ivs::StageSurroundings surroundings;
    surroundings.storage =
        ivs::StorageLookup{ivs::StorageConfiguration{storageArn, QStringLiteral("recordings"),
                                                     QStringLiteral("stage-recordings-us-west-2")},
                           std::nullopt};
    surroundings.activeSession = ivs::StageSessionSummary{
        QStringLiteral("st-a1b2c3d4e5f6g7h"), QDateTime::currentDateTimeUtc().addSecs(-600), {}};
    surroundings.activeParticipants = {
        participant(QStringLiteral("host"), QStringLiteral("ACTIVE")),
        participant(QStringLiteral("guest"), QStringLiteral("ACTIVE"))};
    return surroundings;
}

ivs::ServiceError storageError(ivs::ErrorCategory category, const QString &code,
                               const QString &summary, const QString &nextStep = {})
{
    ivs::ServiceError error;
    error.category = category;
    error.code = code;
    error.summary = summary;
    error.serviceMessage = QStringLiteral("service words");
    error.nextStep = nextStep;
    return error;
}

QList<Finding> diagnose(const QJsonObject &json,
                        const ivs::StageSurroundings &surroundings = healthySurroundings())
{
    return ivs::diagnoseStage(stageFrom(json), surroundings);
}

QStringList idsOf(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &finding : findings)
        ids.append(finding.id);
    return ids;
}

std::optional<Finding> findingWithId(const QList<Finding> &findings, const QString &id)
{
    for (const Finding &finding : findings) {
        if (finding.id == id)
            return finding;
    }
    return std::nullopt;
}

} // namespace

// Each check of the stage diagnosis: when it speaks up, how loudly, what it says, and when it
// stays silent.
class TestDiagnostics : public QObject {
    Q_OBJECT
private slots:
    void unreadableSessionsAreReportedNotIgnored();
    void aHealthyStageHasNoProblems_data();
    void aHealthyStageHasNoProblems();
    void recordingOff_data();
    void recordingOff();
    void recordingOffSilencesTheRecordingChecks();
    void storageNotFoundIsAnError();
    void storageAccessDeniedAsksForThePermission();
    void storageOtherFailureRepeatsTheNextStep();
    void storageReadOrNotLookedUpIsSilent();
    void storageInAnotherRegion_data();
    void storageInAnotherRegion();
    void storageInTheStageRegionIsSilent();
    void thumbnailSettingsIgnored_data();
    void thumbnailSettingsIgnored();
    void thumbnailsDisabledWithDefaultsIsANote();
    void thumbnailsRecordedAreSilent();
    void activeSession_data();
    void activeSession();
    void noActiveSessionIsSilent();
    void endpointsMissing_data();
    void endpointsMissing();
    void allEndpointsPresentIsSilent();
    void replicasNotRecorded();
    void replicasRecordedOrAbsentAreSilent();
    void failedParticipantRecording();
    void failedRecordingAfterAPublishErrorNamesThePublishError();
    void noStorageInTheRegionSaysHowToCreateOne();
    void healthyParticipantRecordingIsSilent();
    void findingsAreOrderedBySeverityThenId();
    void hasProblemsCountsWarningsAndErrorsOnly();
    void severityNamesAreStable();
};

void TestDiagnostics::aHealthyStageHasNoProblems_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("storageArn");
    QTest::newRow("seed") << QStringLiteral("get_stage_seed_response.json") << kSeedStorageArn;
    QTest::newRow("full") << QStringLiteral("get_stage_full.json")
                          << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:"
                                            "storage-configuration/FefABabCDcdE");
}

void TestDiagnostics::aHealthyStageHasNoProblems()
{
    QFETCH(QString, file);
    QFETCH(QString, storageArn);
    const QList<Finding> findings = diagnose(stageJson(file), healthySurroundings(storageArn));
    QVERIFY2(!ivs::hasProblems(findings), qPrintable(idsOf(findings).join(QLatin1Char(' '))));
    // The only thing worth saying about it: a session is running.
    QCOMPARE(idsOf(findings), QStringList{QStringLiteral("active-session")});
}

void TestDiagnostics::recordingOff_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::newRow("empty storage ARN")
        << withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"), QString());
    QTest::newRow("no recording configuration")
        << withoutPath(stageJson(), QStringLiteral("autoParticipantRecordingConfiguration"));
}

void TestDiagnostics::recordingOff()
{
    QFETCH(QJsonObject, json);
    const auto finding = findingWithId(diagnose(json, {}), QStringLiteral("recording-off"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Info);
    QVERIFY(finding->title.contains(QLatin1String("not recorded")));
    QVERIFY(finding->action.contains(QLatin1String("storage configuration")));
    QVERIFY(finding->action.contains(QLatin1String("us-west-2")));
    QCOMPARE(finding->fieldPath, kRec + QStringLiteral("storageConfigurationArn"));

    QVERIFY(!findingWithId(diagnose(stageJson()), QStringLiteral("recording-off")));
}

void TestDiagnostics::recordingOffSilencesTheRecordingChecks()
{
    // With recording off the service resets the other settings: nothing can be ignored or fail.
    QJsonObject json =
        withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"), QString());
    json = withPath(json, kThumb + QStringLiteral("recordingMode"), QStringLiteral("DISABLED"));
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage =
        ivs::StorageLookup{std::nullopt, storageError(ivs::ErrorCategory::NotFound,
                                                      QStringLiteral("ResourceNotFoundException"),
                                                      QStringLiteral("Not found"))};
    surroundings.activeParticipants = {participant(
        QStringLiteral("relay"), QStringLiteral("DISABLED"), QStringLiteral("REPLICA"))};
    QCOMPARE(idsOf(diagnose(json, surroundings)),
             (QStringList{QStringLiteral("active-session"), QStringLiteral("recording-off")}));
}

void TestDiagnostics::storageNotFoundIsAnError()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage = ivs::StorageLookup{
        std::nullopt,
        storageError(ivs::ErrorCategory::NotFound, QStringLiteral("ResourceNotFoundException"),
                     QStringLiteral("Storage configuration not found"))};
    const auto finding =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("storage-unreadable"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Error);
    QVERIFY(finding->title.contains(QLatin1String("does not exist")));
    QVERIFY(finding->title.contains(QLatin1String("Storage configuration not found")));
    QVERIFY(finding->title.contains(QLatin1String("ResourceNotFoundException")));
    QVERIFY(finding->title.contains(kSeedStorageArn));
    QVERIFY(finding->action.contains(QLatin1String("CreateStorageConfiguration")));
    QCOMPARE(finding->fieldPath, kRec + QStringLiteral("storageConfigurationArn"));
}

void TestDiagnostics::storageAccessDeniedAsksForThePermission()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage =
        ivs::StorageLookup{std::nullopt, storageError(ivs::ErrorCategory::AccessDenied,
                                                      QStringLiteral("AccessDeniedException"),
                                                      QStringLiteral("Access denied"))};
    const auto finding =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("storage-unreadable"));
    QVERIFY(finding);
    // The service records with its own role: our lack of permission proves nothing is broken.
    QCOMPARE(finding->severity, Severity::Warning);
    QVERIFY(finding->title.contains(QLatin1String("cannot be read")));
    QVERIFY(finding->title.contains(QLatin1String("Access denied")));
    QVERIFY(!finding->title.contains(QLatin1String("does not exist")));
    QVERIFY(finding->action.contains(QLatin1String("ivs:GetStorageConfiguration")));
}

void TestDiagnostics::storageOtherFailureRepeatsTheNextStep()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage = ivs::StorageLookup{
        std::nullopt,
        storageError(ivs::ErrorCategory::Throttling, QStringLiteral("ThrottlingException"),
                     QStringLiteral("Too many requests"),
                     QStringLiteral("Wait a few seconds and try again."))};
    const auto finding =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("storage-unreadable"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Warning);
    QVERIFY(finding->title.contains(QLatin1String("could not be read")));
    QVERIFY(finding->title.contains(QLatin1String("Too many requests")));
    QCOMPARE(finding->action, QStringLiteral("Wait a few seconds and try again."));

    surroundings.storage->error->nextStep.clear();
    const auto withoutStep =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("storage-unreadable"));
    QVERIFY(withoutStep);
    QVERIFY(withoutStep->action.contains(QLatin1String("Check the ARN")));
}

void TestDiagnostics::storageReadOrNotLookedUpIsSilent()
{
    QVERIFY(!findingWithId(diagnose(stageJson()), QStringLiteral("storage-unreadable")));
    ivs::StageSurroundings notLookedUp = healthySurroundings();
    notLookedUp.storage.reset();
    QVERIFY(
        !findingWithId(diagnose(stageJson(), notLookedUp), QStringLiteral("storage-unreadable")));
}

void TestDiagnostics::storageInAnotherRegion_data()
{
    const QString euArn =
        QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:storage-configuration/ABcdef34ghIJ");
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<bool>("lookedUp");
    const QJsonObject euStage =
        withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"), euArn);
    QTest::newRow("from the stage's ARN") << euStage << false;
    QTest::newRow("from the looked-up configuration") << euStage << true;
}

void TestDiagnostics::storageInAnotherRegion()
{
    QFETCH(QJsonObject, json);
    QFETCH(bool, lookedUp);
    ivs::StageSurroundings surroundings =
        healthySurroundings(json.value(QStringLiteral("autoParticipantRecordingConfiguration"))
                                .toObject()
                                .value(QStringLiteral("storageConfigurationArn"))
                                .toString());
    if (!lookedUp)
        surroundings.storage.reset();
    const auto finding =
        findingWithId(diagnose(json, surroundings), QStringLiteral("storage-region-mismatch"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Error);
    QVERIFY(finding->title.contains(QLatin1String("eu-west-1")));
    QVERIFY(finding->title.contains(QLatin1String("us-west-2")));
    QVERIFY(finding->title.contains(QLatin1String("cannot start")));
    QVERIFY(finding->action.contains(QLatin1String("us-west-2")));
    QVERIFY(finding->action.contains(QLatin1String("S3 bucket")));
    QCOMPARE(finding->fieldPath, kRec + QStringLiteral("storageConfigurationArn"));
}

void TestDiagnostics::storageInTheStageRegionIsSilent()
{
    QVERIFY(!findingWithId(diagnose(stageJson()), QStringLiteral("storage-region-mismatch")));
    ivs::StageSurroundings notLookedUp = healthySurroundings();
    notLookedUp.storage.reset();
    QVERIFY(!findingWithId(diagnose(stageJson(), notLookedUp),
                           QStringLiteral("storage-region-mismatch")));
}

void TestDiagnostics::thumbnailSettingsIgnored_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("mentioned");
    const QJsonObject disabled =
        withPath(stageJson(), kThumb + QStringLiteral("recordingMode"), QStringLiteral("DISABLED"));
    const QJsonObject defaultStorage = withPath(disabled, kThumb + QStringLiteral("storage"),
                                                QJsonArray{QStringLiteral("SEQUENTIAL")});
    QTest::newRow("interval and storage") << disabled << QStringLiteral("10 seconds");
    QTest::newRow("interval only") << defaultStorage << QStringLiteral("10 seconds");
    QTest::newRow("storage only") << withPath(disabled,
                                              kThumb + QStringLiteral("targetIntervalSeconds"), 60)
                                  << QStringLiteral("LATEST");
    QTest::newRow("mode left out, interval set")
        << withoutPath(defaultStorage, kThumb + QStringLiteral("recordingMode"))
        << QStringLiteral("10 seconds");
}

void TestDiagnostics::thumbnailSettingsIgnored()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, mentioned);
    const QList<Finding> findings = diagnose(json);
    const auto finding = findingWithId(findings, QStringLiteral("thumbnail-interval-ignored"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Warning);
    QVERIFY2(finding->title.contains(mentioned), qPrintable(finding->title));
    QVERIFY(finding->title.contains(QLatin1String("no thumbnails will be recorded")));
    QVERIFY(finding->action.contains(QLatin1String("INTERVAL")));
    QCOMPARE(finding->fieldPath, kThumb + QStringLiteral("recordingMode"));
    // The warning already says no thumbnails are recorded; the note would repeat it.
    QVERIFY(!findingWithId(findings, QStringLiteral("thumbnails-disabled")));
}

void TestDiagnostics::thumbnailsDisabledWithDefaultsIsANote()
{
    const QJsonObject json =
        withoutPath(stageJson(), kRec + QStringLiteral("thumbnailConfiguration"));
    const QList<Finding> findings = diagnose(json);
    QVERIFY(!findingWithId(findings, QStringLiteral("thumbnail-interval-ignored")));
    const auto finding = findingWithId(findings, QStringLiteral("thumbnails-disabled"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Info);
    QVERIFY(finding->title.contains(QLatin1String("No thumbnails will be recorded")));

    // Explicit defaults are the same as none.
    const QJsonObject explicitDefaults = withPath(
        json, kRec + QStringLiteral("thumbnailConfiguration"),
        QJsonObject{{QStringLiteral("recordingMode"), QStringLiteral("DISABLED")},
                    {QStringLiteral("targetIntervalSeconds"), 60},
                    {QStringLiteral("storage"), QJsonArray{QStringLiteral("SEQUENTIAL")}}});
    QCOMPARE(idsOf(diagnose(explicitDefaults)), idsOf(findings));
}

void TestDiagnostics::thumbnailsRecordedAreSilent()
{
    const QList<Finding> findings = diagnose(stageJson()); // INTERVAL, every 10 seconds
    QVERIFY(!findingWithId(findings, QStringLiteral("thumbnail-interval-ignored")));
    QVERIFY(!findingWithId(findings, QStringLiteral("thumbnails-disabled")));
}

void TestDiagnostics::activeSession_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<bool>("sessionListed");
    QTest::addColumn<QString>("sessionId");
    QTest::newRow("from the session list")
        << withoutPath(stageJson(), QStringLiteral("activeSessionId")) << true
        << QStringLiteral("st-a1b2c3d4e5f6g7h");
    QTest::newRow("from the stage")
        << withPath(stageJson(), QStringLiteral("activeSessionId"), QStringLiteral("st-Zz9"))
        << false << QStringLiteral("st-Zz9");
}

void TestDiagnostics::activeSession()
{
    QFETCH(QJsonObject, json);
    QFETCH(bool, sessionListed);
    QFETCH(QString, sessionId);
    ivs::StageSurroundings surroundings = healthySurroundings();
    if (!sessionListed)
        surroundings.activeSession.reset();
    const auto finding =
        findingWithId(diagnose(json, surroundings), QStringLiteral("active-session"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Info);
    QVERIFY(finding->title.contains(sessionId));
    QVERIFY(finding->title.contains(QLatin1String("409")));
    QVERIFY(finding->action.contains(QLatin1String("session has ended")));
}

void TestDiagnostics::noActiveSessionIsSilent()
{
    const QJsonObject json = withoutPath(stageJson(), QStringLiteral("activeSessionId"));
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.activeSession.reset();
    QVERIFY(!findingWithId(diagnose(json, surroundings), QStringLiteral("active-session")));
    // A session that has ended is no reason to wait.
    surroundings.activeSession = ivs::StageSessionSummary{
        QStringLiteral("st-old"), QDateTime::currentDateTimeUtc().addDays(-1),
        QDateTime::currentDateTimeUtc().addSecs(-3600)};
    QVERIFY(!findingWithId(diagnose(json, surroundings), QStringLiteral("active-session")));
}

void TestDiagnostics::endpointsMissing_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("mentioned");
    QTest::addColumn<QString>("fieldPath");
    QTest::newRow("whip") << withoutPath(stageJson(), QStringLiteral("endpoints.whip"))
                          << QStringList{QStringLiteral("whip"), QStringLiteral("WHIP")}
                          << QStringLiteral("endpoints.whip");
    QTest::newRow("empty rtmps") << withPath(stageJson(), QStringLiteral("endpoints.rtmps"),
                                             QString())
                                 << QStringList{QStringLiteral("rtmps"), QStringLiteral("RTMPS")}
                                 << QStringLiteral("endpoints.rtmps");
    QTest::newRow("rtmp and rtmps")
        << withoutPath(withoutPath(stageJson(), QStringLiteral("endpoints.rtmp")),
                       QStringLiteral("endpoints.rtmps"))
        << QStringList{QStringLiteral("rtmp, rtmps"), QStringLiteral("RTMP or RTMPS")}
        << QStringLiteral("endpoints");
    QTest::newRow("events") << withoutPath(stageJson(), QStringLiteral("endpoints.events"))
                            << QStringList{QStringLiteral("events")}
                            << QStringLiteral("endpoints.events");
    QTest::newRow("all") << withoutPath(stageJson(), QStringLiteral("endpoints"))
                         << QStringList{QStringLiteral("events, whip, rtmp, rtmps"),
                                        QStringLiteral("WHIP"), QStringLiteral("RTMP or RTMPS")}
                         << QStringLiteral("endpoints");
}

void TestDiagnostics::endpointsMissing()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, mentioned);
    QFETCH(QString, fieldPath);
    const auto finding = findingWithId(diagnose(json), QStringLiteral("endpoints-missing"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Warning);
    for (const QString &text : std::as_const(mentioned))
        QVERIFY2(finding->title.contains(text), qPrintable(finding->title));
    QVERIFY(finding->action.contains(QLatin1String("again later")));
    QCOMPARE(finding->fieldPath, fieldPath);
}

void TestDiagnostics::allEndpointsPresentIsSilent()
{
    QVERIFY(!findingWithId(diagnose(stageJson()), QStringLiteral("endpoints-missing")));
}

void TestDiagnostics::replicasNotRecorded()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.activeParticipants.append(participant(
        QStringLiteral("keynote-relay"), QStringLiteral("DISABLED"), QStringLiteral("REPLICA")));
    const auto finding =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("replicas-not-recorded"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Warning);
    QVERIFY(finding->title.contains(QLatin1String("keynote-relay")));
    QVERIFY(!finding->title.contains(QLatin1String("host")));
    QVERIFY(finding->action.contains(QLatin1String("recordParticipantReplicas")));
    QCOMPARE(finding->fieldPath, kRec + QStringLiteral("recordParticipantReplicas"));
}

void TestDiagnostics::replicasRecordedOrAbsentAreSilent()
{
    ivs::StageSurroundings withReplica = healthySurroundings();
    withReplica.activeParticipants.append(participant(
        QStringLiteral("keynote-relay"), QStringLiteral("ACTIVE"), QStringLiteral("REPLICA")));
    const QString id = QStringLiteral("replicas-not-recorded");
    // Left out, recordParticipantReplicas is documented as true.
    QVERIFY(!findingWithId(
        diagnose(withoutPath(stageJson(), kRec + QStringLiteral("recordParticipantReplicas")),
                 withReplica),
        id));
    QVERIFY(!findingWithId(
        diagnose(withPath(stageJson(), kRec + QStringLiteral("recordParticipantReplicas"), true),
                 withReplica),
        id));
    ivs::StageSurroundings sourceOnly = healthySurroundings();
    sourceOnly.activeParticipants.append(
        participant(QStringLiteral("origin"), QStringLiteral("ACTIVE"), QStringLiteral("SOURCE")));
    QVERIFY(!findingWithId(diagnose(stageJson(), sourceOnly), id));
}

void TestDiagnostics::failedParticipantRecording()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.activeParticipants.append(
        participant(QStringLiteral("panelist-7"), QStringLiteral("FAILED")));
    ivs::ParticipantSummary anonymous = participant(QString(), QStringLiteral("FAILED"));
    anonymous.participantId = QStringLiteral("pXyZ123");
    surroundings.activeParticipants.append(anonymous);
    QList<Finding> failed;
    for (const Finding &finding : diagnose(stageJson(), surroundings)) {
        if (finding.id == QLatin1String("participant-recording-failed"))
            failed.append(finding);
    }
    // One per participant, each naming it and leading to it.
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).severity, Severity::Error);
    QVERIFY(failed.at(0).title.contains(QLatin1String("panelist-7")));
    QVERIFY(!failed.at(0).title.contains(QLatin1String("guest")));
    QCOMPARE(failed.at(0).fieldPath, QStringLiteral("participants[\"p-panelist-7\"]"));
    QVERIFY(failed.at(1).title.contains(QLatin1String("pXyZ123"))); // no user id: the id
    QCOMPARE(failed.at(1).fieldPath, QStringLiteral("participants[\"pXyZ123\"]"));
    // Nothing in their events says otherwise: the usual causes, the bucket's.
    for (const Finding &finding : std::as_const(failed))
        QVERIFY(finding.action.contains(QLatin1String("S3 bucket")));
}

void TestDiagnostics::failedRecordingAfterAPublishErrorNamesThePublishError()
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-300);
    ivs::StageSurroundings surroundings = healthySurroundings();
    ivs::ParticipantSummary ben =
        participant(QStringLiteral("guest-ben"), QStringLiteral("FAILED"));
    ben.published = false;
    surroundings.activeParticipants.append(ben);
    surroundings.failedParticipantEvents.insert(
        ben.participantId,
        {{QStringLiteral("JOINED"), start, {}, {}},
         {QStringLiteral("PUBLISH_ERROR"), start.addSecs(2), QStringLiteral("B_FRAME_PRESENT"), {}},
         {QStringLiteral("SUBSCRIBE_STARTED"), start.addSecs(3), {}, {}}});
    auto finding = findingWithId(diagnose(stageJson(), surroundings),
                                 QStringLiteral("participant-recording-failed"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Error);
    QVERIFY2(finding->title.contains(QLatin1String("guest-ben")), qPrintable(finding->title));
    QVERIFY2(finding->title.contains(QLatin1String("PUBLISH_ERROR B_FRAME_PRESENT")),
             qPrintable(finding->title));
    QVERIFY2(finding->title.contains(QLatin1String("nothing could be recorded")),
             qPrintable(finding->title));
    QVERIFY2(finding->action.contains(QLatin1String("Turn off B-frames")),
             qPrintable(finding->action));
    QVERIFY2(!finding->action.contains(QLatin1String("S3")), qPrintable(finding->action));
    QCOMPARE(finding->fieldPath, QStringLiteral("participants[\"p-guest-ben\"]"));

    // Publishing again after the error, and still failing: the publish error is not the cause.
    ben.published = true;
    surroundings.activeParticipants.last() = ben;
    surroundings.failedParticipantEvents[ben.participantId].append(
        {QStringLiteral("PUBLISH_STARTED"), start.addSecs(60), {}, {}});
    finding = findingWithId(diagnose(stageJson(), surroundings),
                            QStringLiteral("participant-recording-failed"));
    QVERIFY(finding);
    QVERIFY2(finding->action.contains(QLatin1String("S3 bucket")), qPrintable(finding->action));
    QCOMPARE(finding->fieldPath, QStringLiteral("participants[\"p-guest-ben\"]"));
}

void TestDiagnostics::noStorageInTheRegionSaysHowToCreateOne()
{
    const QString howTo = QStringLiteral("No storage configuration in us-west-2: create one in the "
                                         "AWS console (IVS › Real-time › Storage configurations) "
                                         "or with `aws ivs-realtime create-storage-configuration");
    // Recording off, and nothing to choose from.
    const QJsonObject off =
        withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"), QString());
    ivs::StageSurroundings listed;
    listed.storageConfigurationsInRegion = 0;
    auto finding = findingWithId(diagnose(off, listed), QStringLiteral("recording-off"));
    QVERIFY(finding);
    QVERIFY2(finding->action.startsWith(howTo), qPrintable(finding->action));
    // Some to choose from, or not listed: choose one.
    for (const std::optional<int> count : {std::optional<int>(2), std::optional<int>()}) {
        listed.storageConfigurationsInRegion = count;
        finding = findingWithId(diagnose(off, listed), QStringLiteral("recording-off"));
        QVERIFY(finding);
        QVERIFY2(finding->action.startsWith(QLatin1String("To record each participant, choose")),
                 qPrintable(finding->action));
    }

    // Storage in another region, and none in the stage's.
    const QJsonObject elsewhere =
        withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"),
                 QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:storage-configuration/a"));
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage.reset();
    surroundings.storageConfigurationsInRegion = 0;
    finding =
        findingWithId(diagnose(elsewhere, surroundings), QStringLiteral("storage-region-mismatch"));
    QVERIFY(finding);
    QVERIFY2(finding->action.startsWith(howTo), qPrintable(finding->action));
}

void TestDiagnostics::healthyParticipantRecordingIsSilent()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.activeParticipants.append(
        participant(QStringLiteral("late"), QStringLiteral("STARTING")));
    surroundings.activeParticipants.append(
        participant(QStringLiteral("gone"), QStringLiteral("STOPPED")));
    QVERIFY(!findingWithId(diagnose(stageJson(), surroundings),
                           QStringLiteral("participant-recording-failed")));
}

void TestDiagnostics::findingsAreOrderedBySeverityThenId()
{
    QJsonObject json = withPath(stageJson(), kRec + QStringLiteral("storageConfigurationArn"),
                                QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:"
                                               "storage-configuration/ABcdef34ghIJ"));
    json = withPath(json, kThumb + QStringLiteral("recordingMode"), QStringLiteral("DISABLED"));
    json = withoutPath(json, QStringLiteral("endpoints.whip"));
    ivs::StageSurroundings surroundings = healthySurroundings();
    surroundings.storage.reset();
    surroundings.activeParticipants = {
        participant(QStringLiteral("relay"), QStringLiteral("DISABLED"), QStringLiteral("REPLICA")),
        participant(QStringLiteral("host"), QStringLiteral("FAILED"))};
    const QList<Finding> findings = diagnose(json, surroundings);
    QCOMPARE(idsOf(findings), (QStringList{
                                  QStringLiteral("participant-recording-failed"),
                                  QStringLiteral("storage-region-mismatch"),
                                  QStringLiteral("endpoints-missing"),
                                  QStringLiteral("replicas-not-recorded"),
                                  QStringLiteral("thumbnail-interval-ignored"),
                                  QStringLiteral("active-session"),
                              }));
    QCOMPARE(findings.first().severity, Severity::Error);
    QCOMPARE(findings.last().severity, Severity::Info);
}

void TestDiagnostics::hasProblemsCountsWarningsAndErrorsOnly()
{
    QVERIFY(!ivs::hasProblems({}));
    Finding note{QStringLiteral("a"), Severity::Info, {}, {}, {}};
    Finding warning{QStringLiteral("b"), Severity::Warning, {}, {}, {}};
    Finding error{QStringLiteral("c"), Severity::Error, {}, {}, {}};
    QVERIFY(!ivs::hasProblems({note, note}));
    QVERIFY(ivs::hasProblems({note, warning}));
    QVERIFY(ivs::hasProblems({error}));
}

void TestDiagnostics::severityNamesAreStable()
{
    QCOMPARE(ivs::severityName(Severity::Info), QStringLiteral("info"));
    QCOMPARE(ivs::severityName(Severity::Warning), QStringLiteral("warning"));
    QCOMPARE(ivs::severityName(Severity::Error), QStringLiteral("error"));
}

void TestDiagnostics::unreadableSessionsAreReportedNotIgnored()
{
    ivs::StageSurroundings surroundings = healthySurroundings();
    QVERIFY(
        !findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("sessions-unreadable")));
    surroundings.activeParticipants.clear();
    surroundings.sessionsError =
        storageError(ivs::ErrorCategory::AccessDenied, QStringLiteral("AccessDeniedException"),
                     QStringLiteral("Access denied"));
    const auto finding =
        findingWithId(diagnose(stageJson(), surroundings), QStringLiteral("sessions-unreadable"));
    QVERIFY(finding);
    QCOMPARE(finding->severity, Finding::Severity::Warning);
    QVERIFY2(finding->title.contains(QLatin1String("Access denied")), qPrintable(finding->title));
    QVERIFY2(finding->action.contains(QLatin1String("ivs:ListStageSessions")),
             qPrintable(finding->action));
}

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
