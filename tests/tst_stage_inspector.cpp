#include "demo/demo_stages.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "model/events_model.h"
#include "model/findings_model.h"
#include "model/participants_model.h"
#include "model/sessions_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "workspace/backend.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_inspector.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kFieldReporterArn =
    QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1");
const QString kStoragePath =
    QStringLiteral("autoParticipantRecordingConfiguration.storageConfigurationArn");
const QString kStudioLive = QStringLiteral("st-a1b2C3d4E5f6G7h");
const QString kGuestBen = QStringLiteral("pB2guestBen00002");
const QString kHostAnna = QStringLiteral("pA1hostAnna00001");

// A demo stage as GetStage returns it, without asking.
ivs::Stage demoStage(const QString &arn)
{
    const QList<QJsonObject> stages = demo::sampleStages();
    for (const QJsonObject &stage : stages) {
        if (stage.value(QStringLiteral("arn")).toString() == arn)
            return *ivs::Stage::fromJson(stage, nullptr);
    }
    qFatal("no demo stage %s", qPrintable(arn));
}

QStringList findingIds(const model::FindingsModel &findings)
{
    QStringList ids;
    for (const ivs::Finding &finding : findings.findings())
        ids.append(finding.id);
    return ids;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(role).toString());
    return values;
}

ivs::StageSessionSummary sessionAt(const QString &id, qint64 startedSecsAgo, qint64 endedSecsAgo)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {id, now.addSecs(-startedSecsAgo),
            endedSecsAgo < 0 ? QDateTime() : now.addSecs(-endedSecsAgo)};
}

} // namespace

// The inspector on the built-in demo endpoint: the checks of each demo stage, the sessions, the
// participants and their explained events, and that nothing asked about one stage ever lands on
// another.
class TestStageInspector : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void studioMainFindingsCoverItsSessionAndRecording();
    void fieldReporterFindingsAndStorageElsewhere();
    void podcastRoomHasOnlyTheRecordingOffNote();
    void sessionsComeActiveFirstThenNewestFirst();
    void participantDetailsAndExplainedEvents();
    void switchingStageMidRequestNeverShowsOldResults();
    void switchingParticipantMidRequestNeverShowsOldEvents();
    void storageLookupIsRememberedPerArn();
    void storageErrorsShowOnTheRowAndAreAskedAgain();
    void modelsPassTheModelTester();
    void activeSessionRefreshesOnATimer();
    void annotationFollowsTheNoteAndYieldsToEdits();

private:
    void show(const QString &arn);
    QModelIndex treeRow(const QString &path, int column) const;

    QTemporaryDir m_home;
    std::unique_ptr<workspace::Backend> m_backend;
    std::unique_ptr<document::StageDocument> m_document;
    std::unique_ptr<StageTreeModel> m_tree;
    std::unique_ptr<workspace::StageBrowser> m_browser;
    std::unique_ptr<workspace::StageInspector> m_inspector;
};

void TestStageInspector::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestStageInspector::init()
{
    workspace::BackendOptions options;
    options.forceDemo = true;
    QString error;
    m_backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_backend, qPrintable(error));
    m_document = std::make_unique<document::StageDocument>();
    m_tree = std::make_unique<StageTreeModel>(*m_document);
    m_browser = std::make_unique<workspace::StageBrowser>(m_backend->client(), *m_document);
    m_inspector = std::make_unique<workspace::StageInspector>(m_backend->client(), *m_document);
}

void TestStageInspector::cleanup()
{
    m_inspector.reset();
    m_browser.reset();
    m_tree.reset();
    m_document.reset();
    m_backend.reset();
}

// Looks the stage up as the window does and waits for its checks.
void TestStageInspector::show(const QString &arn)
{
    QSignalSpy finished(m_inspector.get(), &workspace::StageInspector::checksFinished);
    m_browser->lookUp(arn);
    QTRY_VERIFY(!finished.isEmpty() && finished.constLast().at(0).toString() == arn);
}

QModelIndex TestStageInspector::treeRow(const QString &path, int column) const
{
    return m_tree->indexForPath(path).siblingAtColumn(column);
}

void TestStageInspector::studioMainFindingsCoverItsSessionAndRecording()
{
    QSignalSpy finished(m_inspector.get(), &workspace::StageInspector::checksFinished);
    show(kFullyConfiguredDemoArn);
    const QStringList ids = findingIds(*m_inspector->findings());
    QVERIFY2(ids.contains(QStringLiteral("replicas-not-recorded")), qPrintable(ids.join(u' ')));
    QVERIFY2(ids.contains(QStringLiteral("participant-recording-failed")),
             qPrintable(ids.join(u' ')));
    QVERIFY2(ids.contains(QStringLiteral("active-session")), qPrintable(ids.join(u' ')));
    // Errors first, then warnings, then notes.
    QCOMPARE(m_inspector->findings()->findings().constFirst().severity,
             ivs::Finding::Severity::Error);
    QCOMPARE(m_inspector->findings()->findings().constLast().severity,
             ivs::Finding::Severity::Info);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QCOMPARE(m_inspector->checksSummary(), QStringLiteral("1 error, 1 warning, 1 note."));
    QVERIFY(!m_inspector->isChecking());
    QCOMPARE(m_inspector->activeSessionId(), kStudioLive);

    // The row a finding is about, for the window to select.
    const QModelIndex replicas = m_inspector->findings()->index(
        static_cast<int>(ids.indexOf(QStringLiteral("replicas-not-recorded"))), 0);
    QCOMPARE(replicas.data(model::FindingsModel::FieldPathRole).toString(),
             QStringLiteral("autoParticipantRecordingConfiguration.recordParticipantReplicas"));
    QVERIFY(m_tree->indexForPath(replicas.data(model::FindingsModel::FieldPathRole).toString())
                .isValid());

    // guest-ben's recording failed because its publishing did (its events say B_FRAME_PRESENT):
    // the finding names that cause, not the bucket, and the participant it is about.
    const ivs::Finding &failed = m_inspector->findings()->findings().at(
        static_cast<int>(ids.indexOf(QStringLiteral("participant-recording-failed"))));
    QVERIFY2(failed.title.contains(QLatin1String("guest-ben")), qPrintable(failed.title));
    QVERIFY2(failed.title.contains(QLatin1String("PUBLISH_ERROR B_FRAME_PRESENT")),
             qPrintable(failed.title));
    QVERIFY2(failed.action.contains(QLatin1String("Turn off B-frames")), qPrintable(failed.action));
    QVERIFY2(!failed.action.contains(QLatin1String("S3")), qPrintable(failed.action));
    QCOMPARE(failed.fieldPath, QStringLiteral("participants[\"%1\"]").arg(kGuestBen));
    QVERIFY(!m_inspector->isRecordingOff());

    // What the storage configuration ARN refers to, on its row.
    const QString note = treeRow(kStoragePath, StageTreeModel::NoteColumn).data().toString();
    QVERIFY2(note.contains(QLatin1String(
                 "studio-recordings: bucket studio-recordings-us-west-2 (us-west-2)")),
             qPrintable(note));
    QVERIFY(!treeRow(kStoragePath, StageTreeModel::NoteColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(treeRow(kStoragePath, StageTreeModel::FieldColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("S3 bucket: studio-recordings-us-west-2")));
}

void TestStageInspector::fieldReporterFindingsAndStorageElsewhere()
{
    show(kFieldReporterArn);
    const QStringList ids = findingIds(*m_inspector->findings());
    QVERIFY2(ids.contains(QStringLiteral("storage-region-mismatch")), qPrintable(ids.join(u' ')));
    QVERIFY2(ids.contains(QStringLiteral("thumbnail-interval-ignored")),
             qPrintable(ids.join(u' ')));
    QVERIFY(!ids.contains(QStringLiteral("active-session")));
    QVERIFY(m_inspector->activeSessionId().isEmpty());

    const QModelIndex note = treeRow(kStoragePath, StageTreeModel::NoteColumn);
    QVERIFY2(note.data().toString().contains(
                 QLatin1String("archive is in us-west-2, not in the stage's region eu-west-1: "
                               "bucket stage-archive-us-west-2")),
             qPrintable(note.data().toString()));
    QVERIFY(note.data(Qt::ForegroundRole).value<QColor>().isValid());
}

void TestStageInspector::podcastRoomHasOnlyTheRecordingOffNote()
{
    QSignalSpy finished(m_inspector.get(), &workspace::StageInspector::checksFinished);
    show(kDefaultsDemoArn);
    QCOMPARE(findingIds(*m_inspector->findings()), QStringList{QStringLiteral("recording-off")});
    QCOMPARE(m_inspector->findings()->findings().constFirst().severity,
             ivs::Finding::Severity::Info);
    QCOMPARE(m_inspector->findings()->problemCount(), 0);
    QCOMPARE(finished.constLast().at(2).toBool(), false);
    // Nothing is wrong, but nothing is recorded either: the summary says so first.
    QVERIFY(m_inspector->isRecordingOff());
    QCOMPARE(m_inspector->checksSummary(),
             QStringLiteral("Recording is off; no other problems found (1 note)."));
    // Recording is off: no storage configuration to describe, the default note stays alone.
    QVERIFY(m_document->annotationText(kStoragePath).isEmpty());
    QVERIFY(!treeRow(kStoragePath, StageTreeModel::NoteColumn)
                 .data()
                 .toString()
                 .contains(QLatin1String("S3")));
}

void TestStageInspector::sessionsComeActiveFirstThenNewestFirst()
{
    show(kFullyConfiguredDemoArn);
    const model::SessionsModel &sessions = *m_inspector->sessions();
    QTRY_COMPARE(sessions.rowCount(), 3);
    QCOMPARE(column(sessions, model::SessionsModel::SessionColumn),
             (QStringList{kStudioLive, QStringLiteral("st-Old2Session0002"),
                          QStringLiteral("st-Old1Session0001")}));
    QVERIFY(sessions.index(0, 0).data(model::SessionsModel::IsActiveRole).toBool());
    QCOMPARE(sessions.index(0, model::SessionsModel::EndColumn).data().toString(),
             QStringLiteral("in progress"));
    QCOMPARE(sessions.index(0, 0).data(model::RowIconRole).toInt(),
             static_cast<int>(model::RowIcon::Live));
    QVERIFY(!sessions.index(1, 0).data(model::SessionsModel::IsActiveRole).toBool());
    // The session in progress is the one opened first.
    QTRY_COMPARE(m_inspector->selectedSessionId(), kStudioLive);

    // Whatever order the service lists them in.
    model::SessionsModel shuffled;
    shuffled.setSessions({sessionAt(QStringLiteral("old"), 9000, 8000),
                          sessionAt(QStringLiteral("newer"), 5000, 4000),
                          sessionAt(QStringLiteral("live"), 100, -1)});
    QCOMPARE(column(shuffled, model::SessionsModel::SessionColumn),
             (QStringList{QStringLiteral("live"), QStringLiteral("newer"), QStringLiteral("old")}));
}

void TestStageInspector::participantDetailsAndExplainedEvents()
{
    QSignalSpy participants(m_inspector.get(), &workspace::StageInspector::participantsLoaded);
    show(kFullyConfiguredDemoArn);
    QTRY_COMPARE(participants.count(), 1);
    QCOMPARE(participants.at(0).at(0).toString(), kStudioLive);
    QCOMPARE(participants.at(0).at(1).toString(), QString());
    const model::ParticipantsModel &people = *m_inspector->participants();
    QCOMPARE(people.rowCount(), 4);
    const int ben = people.rowOf(kGuestBen);
    QVERIFY(ben >= 0);
    QCOMPARE(people.index(ben, model::ParticipantsModel::UserColumn).data().toString(),
             QStringLiteral("guest-ben"));
    QCOMPARE(people.index(ben, model::ParticipantsModel::RecordingColumn).data().toString(),
             QStringLiteral("FAILED"));
    QCOMPARE(people.index(ben, 0).data(model::RowIconRole).toInt(),
             static_cast<int>(model::RowIcon::Error));

    QSignalSpy details(m_inspector.get(), &workspace::StageInspector::participantLoaded);
    QSignalSpy events(m_inspector.get(), &workspace::StageInspector::eventsLoaded);
    m_inspector->selectParticipant(kGuestBen);
    QTRY_COMPARE(details.count(), 1);
    QTRY_COMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).toString(), kGuestBen);
    QCOMPARE(events.at(0).at(1).toString(), QString());
    // GetParticipant's details fill in what ListParticipants left out.
    QCOMPARE(people.index(ben, model::ParticipantsModel::ProtocolColumn).data().toString(),
             QStringLiteral("WHIP"));
    QCOMPARE(people.index(ben, model::ParticipantsModel::LocationColumn).data().toString(),
             QStringLiteral("s3://studio-recordings-us-west-2/abcdABCDefgh/%1/%2")
                 .arg(kStudioLive, kGuestBen));

    const model::EventsModel &list = *m_inspector->events();
    QCOMPARE(column(list, model::EventsModel::EventColumn),
             (QStringList{QStringLiteral("JOINED"), QStringLiteral("PUBLISH_ERROR"),
                          QStringLiteral("SUBSCRIBE_STARTED")}));
    const QModelIndex error = list.index(1, model::EventsModel::ErrorCodeColumn);
    QCOMPARE(error.data().toString(), QStringLiteral("B_FRAME_PRESENT"));
    QVERIFY(error.data(model::EventsModel::IsErrorRole).toBool());
    QVERIFY(error.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY2(error.data(model::EventsModel::ActionRole)
                 .toString()
                 .contains(QLatin1String("Turn off B-frames")),
             qPrintable(error.data(model::EventsModel::ActionRole).toString()));
    QVERIFY(list.index(1, model::EventsModel::ExplanationColumn)
                .data()
                .toString()
                .contains(QLatin1String("B-frames")));
    QVERIFY(!list.index(0, 0).data(model::EventsModel::IsErrorRole).toBool());
    QCOMPARE(list.errorCount(), 1);
}

void TestStageInspector::switchingStageMidRequestNeverShowsOldResults()
{
    QSignalSpy started(m_inspector.get(), &workspace::StageInspector::checksStarted);
    QSignalSpy finished(m_inspector.get(), &workspace::StageInspector::checksFinished);
    QSignalSpy sessions(m_inspector.get(), &workspace::StageInspector::sessionsLoaded);
    QSignalSpy participants(m_inspector.get(), &workspace::StageInspector::participantsLoaded);
    m_browser->lookUp(kFullyConfiguredDemoArn);
    // Returns as soon as the checks start, before any of their answers can be read.
    QVERIFY(started.wait());
    QVERIFY(m_inspector->isChecking());
    QCOMPARE(sessions.count(), 0);
    // studio-main's storage and session requests are on their way when the tree gets another
    // stage, as it does when a lookup answers.
    m_document->setStage(demoStage(kDefaultsDemoArn));
    QTRY_COMPARE(finished.count(), 1);
    // Every answer about studio-main, had its request gone on, is in.
    QVERIFY(waitUntilIdle(m_backend->client()));

    QCOMPARE(started.count(), 2);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), kDefaultsDemoArn);
    QCOMPARE(sessions.count(), 1);
    QCOMPARE(sessions.at(0).at(0).toString(), kDefaultsDemoArn);
    for (const QList<QVariant> &arguments : std::as_const(participants))
        QVERIFY(arguments.at(0).toString() != kStudioLive);
    QCOMPARE(findingIds(*m_inspector->findings()), QStringList{QStringLiteral("recording-off")});
    QCOMPARE(column(*m_inspector->sessions(), 0), QStringList{QStringLiteral("st-PodcastEp00041")});
    QCOMPARE(m_inspector->participants()->rowCount(), 0);
    QVERIFY(m_inspector->activeSessionId().isEmpty());
    QVERIFY(m_document->annotationText(kStoragePath).isEmpty());
    QCOMPARE(m_inspector->stageArn(), kDefaultsDemoArn);
}

void TestStageInspector::switchingParticipantMidRequestNeverShowsOldEvents()
{
    show(kFullyConfiguredDemoArn);
    QTRY_COMPARE(m_inspector->participants()->rowCount(), 4);
    QSignalSpy events(m_inspector.get(), &workspace::StageInspector::eventsLoaded);
    m_inspector->selectParticipant(kGuestBen);
    m_inspector->selectParticipant(kHostAnna);
    QTRY_COMPARE(events.count(), 1);
    QVERIFY(waitUntilIdle(m_backend->client())); // guest-ben's events too, had they been asked for
    QCOMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).toString(), kHostAnna);
    QCOMPARE(column(*m_inspector->events(), model::EventsModel::EventColumn),
             (QStringList{QStringLiteral("JOINED"), QStringLiteral("PUBLISH_STARTED")}));
    QCOMPARE(m_inspector->events()->errorCount(), 0);
}

void TestStageInspector::storageLookupIsRememberedPerArn()
{
    show(kFullyConfiguredDemoArn);
    QVERIFY(!m_document->annotationText(kStoragePath).isEmpty());

    // Shown again: the storage row is described at once, before any answer could arrive.
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    m_browser->refresh();
    QVERIFY(shown.wait()); // returns before any later answer is read
    QVERIFY2(m_document->annotationText(kStoragePath).contains(QLatin1String("studio-recordings")),
             qPrintable(m_document->annotationText(kStoragePath)));
    QVERIFY(m_inspector->isChecking()); // the sessions are read again all the same

    // Another configuration is looked up: nothing is known about it yet.
    m_browser->lookUp(kFieldReporterArn);
    QVERIFY(shown.wait());
    QVERIFY(m_document->annotationText(kStoragePath).isEmpty());
    QTRY_VERIFY(m_document->annotationText(kStoragePath).contains(QLatin1String("archive")));
}

void TestStageInspector::storageErrorsShowOnTheRowAndAreAskedAgain()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    QList<net::HttpResponse> storageAnswers{
        awsErrorResponse(403, "AccessDeniedException",
                         QStringLiteral("User is not authorized to perform: "
                                        "ivs:GetStorageConfiguration")),
        awsErrorResponse(404, "ResourceNotFoundException", QStringLiteral("Resource not found"))};
    const QByteArray stage = readTestData(QStringLiteral("get_stage_seed_response.json"));
    endpoint.setHandler([&storageAnswers, stage](const net::HttpRequest &request) {
        if (request.path == "/GetStorageConfiguration")
            return storageAnswers.takeFirst();
        if (request.path == "/ListStageSessions")
            return net::HttpResponse::json(200, "{\"stageSessions\": []}");
        return net::HttpResponse::json(200, stage);
    });
    workspace::BackendOptions options;
    options.endpointUrl = endpoint.url().toString();
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDINSPECT"));
    options.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                               QStringLiteral("inspect-secret"));
    options.environment.insert(QStringLiteral("HOME"), m_home.path());
    cleanup();
    QString error;
    m_backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_backend, qPrintable(error));
    m_document = std::make_unique<document::StageDocument>();
    m_tree = std::make_unique<StageTreeModel>(*m_document);
    m_browser = std::make_unique<workspace::StageBrowser>(m_backend->client(), *m_document);
    m_inspector = std::make_unique<workspace::StageInspector>(m_backend->client(), *m_document);

    show(kFullyConfiguredDemoArn);
    QModelIndex note = treeRow(kStoragePath, StageTreeModel::NoteColumn);
    QCOMPARE(note.data().toString(),
             QStringLiteral("cannot read the storage configuration: access denied"));
    QVERIFY(note.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY2(note.data(Qt::ToolTipRole).toString().contains(QLatin1String("not authorized")),
             qPrintable(note.data(Qt::ToolTipRole).toString()));
    QVERIFY(findingIds(*m_inspector->findings()).contains(QStringLiteral("storage-unreadable")));

    // A refusal is not remembered: the next look asks again, and hears something else.
    m_inspector->recheck();
    QTRY_COMPARE(treeRow(kStoragePath, StageTreeModel::NoteColumn).data().toString(),
                 QStringLiteral("storage configuration not found"));
    QVERIFY(storageAnswers.isEmpty());
    QCOMPARE(m_inspector->findings()->findings().constFirst().severity,
             ivs::Finding::Severity::Error);
}

void TestStageInspector::modelsPassTheModelTester()
{
    using Tester = QAbstractItemModelTester;
    const auto mode = Tester::FailureReportingMode::QtTest;
    Tester findings(m_inspector->findings(), mode);
    Tester sessions(m_inspector->sessions(), mode);
    Tester participants(m_inspector->participants(), mode);
    Tester events(m_inspector->events(), mode);

    show(kFullyConfiguredDemoArn);
    QTRY_COMPARE(m_inspector->participants()->rowCount(), 4);
    QSignalSpy loaded(m_inspector.get(), &workspace::StageInspector::eventsLoaded);
    m_inspector->selectParticipant(kGuestBen);
    QTRY_COMPARE(loaded.count(), 1);
    // Refreshing in place: the same rows, updated.
    m_inspector->refreshNow();
    QTRY_COMPARE(loaded.count(), 2);
    show(kFieldReporterArn);
    show(kDefaultsDemoArn);
    m_document->clear();
    QCOMPARE(m_inspector->findings()->rowCount(), 0);
    QCOMPARE(m_inspector->sessions()->rowCount(), 0);
    QCOMPARE(m_inspector->stageArn(), QString());
}

void TestStageInspector::activeSessionRefreshesOnATimer()
{
    m_inspector->setRefreshInterval(40);
    QCOMPARE(m_inspector->refreshInterval(), 40);
    QSignalSpy toggled(m_inspector.get(), &workspace::StageInspector::autoRefreshChanged);
    m_inspector->setAutoRefresh(true);
    QCOMPARE(toggled.count(), 1);
    QSignalSpy participants(m_inspector.get(), &workspace::StageInspector::participantsLoaded);
    QSignalSpy events(m_inspector.get(), &workspace::StageInspector::eventsLoaded);
    show(kFullyConfiguredDemoArn);
    QTRY_VERIFY(m_inspector->isRefreshScheduled());
    QTRY_COMPARE(m_inspector->selectedSessionId(), kStudioLive);
    m_inspector->selectParticipant(kGuestBen);
    // Every tick reads the participants and the selected participant's events again.
    QTRY_VERIFY_WITH_TIMEOUT(participants.count() >= 3, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(events.count() >= 3, 3000);
    QCOMPARE(participants.constLast().at(0).toString(), kStudioLive);
    QCOMPARE(m_inspector->participants()->rowCount(), 4);
    QCOMPARE(m_inspector->selectedParticipantId(), kGuestBen);
    QCOMPARE(m_inspector->events()->rowCount(), 3);

    // Off: no more reading. What the last tick asked for is answered first.
    m_inspector->setAutoRefresh(false);
    QVERIFY(!m_inspector->isRefreshScheduled());
    QVERIFY(waitUntilIdle(m_backend->client()));
    const auto count = participants.count();
    QSignalSpy sent(&m_backend->client(), &ivs::IvsClient::requestSent);
    // Timers fire in the order they fall due: once this one, due five intervals from now, has
    // fired, a refresh timer still running would have ticked, and what it asked would be answered.
    QTimer later;
    later.setSingleShot(true);
    later.setTimerType(Qt::PreciseTimer);
    QSignalSpy passed(&later, &QTimer::timeout);
    later.start(5 * m_inspector->refreshInterval());
    QVERIFY(passed.wait());
    QVERIFY(waitUntilIdle(m_backend->client()));
    QCOMPARE(sent.count(), 0);
    QCOMPARE(participants.count(), count);

    // A stage with no session in progress has nothing to refresh.
    m_inspector->setAutoRefresh(true);
    QVERIFY(m_inspector->isRefreshScheduled());
    show(kDefaultsDemoArn);
    QTRY_VERIFY(!m_inspector->isRefreshScheduled());
}

void TestStageInspector::annotationFollowsTheNoteAndYieldsToEdits()
{
    show(kDefaultsDemoArn);
    const QString recordingOffNote =
        treeRow(kStoragePath, StageTreeModel::NoteColumn).data().toString();
    QVERIFY(!recordingOffNote.isEmpty());

    QSignalSpy changed(m_tree.get(), &QAbstractItemModel::dataChanged);
    m_document->setAnnotation(kStoragePath, QStringLiteral("described"),
                              QStringLiteral("in detail"), true);
    QCOMPARE(changed.count(), 1);
    const QModelIndex note = treeRow(kStoragePath, StageTreeModel::NoteColumn);
    // After the row's own note, never instead of it.
    QCOMPARE(note.data().toString(), recordingOffNote + QStringLiteral("; described"));
    QVERIFY(note.data(Qt::ToolTipRole).toString().endsWith(QLatin1String("in detail")));
    QVERIFY(note.data(Qt::ForegroundRole).value<QColor>().isValid());

    // A pending edit is not what the annotation describes: the edit note alone shows.
    const QString euStorage =
        QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD");
    QVERIFY(m_tree->setData(treeRow(kStoragePath, StageTreeModel::ValueColumn), euStorage));
    QVERIFY(!treeRow(kStoragePath, StageTreeModel::NoteColumn)
                 .data()
                 .toString()
                 .contains(QLatin1String("described")));
    m_document->undoStack()->undo();
    QVERIFY(treeRow(kStoragePath, StageTreeModel::NoteColumn)
                .data()
                .toString()
                .endsWith(QLatin1String("described")));

    m_document->setAnnotation(kStoragePath, QString());
    QCOMPARE(treeRow(kStoragePath, StageTreeModel::NoteColumn).data().toString(), recordingOffNote);
    // A new stage starts with none.
    m_document->setAnnotation(QStringLiteral("name"), QStringLiteral("stale remark"));
    show(kOlderDemoArn);
    QVERIFY(m_document->annotationText(QStringLiteral("name")).isEmpty());
}

QTEST_MAIN(TestStageInspector)
#include "tst_stage_inspector.moc"
