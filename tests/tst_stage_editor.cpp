#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "document/editor_spec.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"
#include "support/test_data.h"
#include "workspace/stage_editor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");
const QString kEuStorage =
    QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD");

// A client, a tree and an editor over one endpoint, the way the window has them.
struct Session : testsupport::SingleAttemptClient {
    Session(const QUrl &url, const aws::Credentials &credentials)
        : SingleAttemptClient(url, credentials)
    {
        editor = std::make_unique<workspace::StageEditor>(*client, document);
    }

    bool show(const QString &arn)
    {
        bool done = false;
        QObject context;
        client->getStage(*ivs::StageArn::parse(arn), QString(), &context,
                         [&](const ivs::GetStageResult &result) {
                             if (result.stage)
                                 document.setStage(*result.stage);
                             done = true;
                         });
        return QTest::qWaitFor([&done] { return done; }, 10000) && document.stage();
    }

    bool edit(const QString &path, const QVariant &value)
    {
        return model.setData(model.indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn),
                             value);
    }

    // Applies and returns {ok, report}.
    std::pair<bool, QString> apply()
    {
        QSignalSpy finished(editor.get(), &workspace::StageEditor::applyFinished);
        editor->apply();
        if (!finished.wait(15000))
            return {false, QStringLiteral("no answer")};
        return {finished.at(0).at(0).toBool(), finished.at(0).at(1).toString()};
    }

    QString valueAt(const QString &path) const
    {
        return model.indexForPath(path)
            .siblingAtColumn(StageTreeModel::ValueColumn)
            .data()
            .toString();
    }

    document::StageDocument document;
    StageTreeModel model{document};
    std::unique_ptr<workspace::StageEditor> editor;
};

} // namespace

// Applying pending edits: what is sent, what the tree shows afterwards, and that nothing is lost
// when the service says no.
class TestStageEditor : public QObject {
    Q_OBJECT
private slots:
    void appliesEverythingAndShowsTheServiceState();
    void conflictIsExplainedAndEditsStay();
    void partialSuccessIsReportedAndOnlyTheRestStaysPending();
    void storageChoicesComeFromTheStageRegion();
    void storageChoicesStopAndSayWhyWhenTheServerRepeatsItsToken();
    void exportedDocumentLoadsBackAsPendingEdits();
    void badDocumentsAreRefusedClearly_data();
    void badDocumentsAreRefusedClearly();
};

void TestStageEditor::appliesEverythingAndShowsTheServiceState()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Session session(endpoint.url(), demo::DemoEndpoint::credentials());
    QVERIFY(session.show(kDefaultsDemoArn));

    QVERIFY(session.edit(QStringLiteral("name"), QStringLiteral("podcast-live")));
    QVERIFY(session.edit(kRecording + QStringLiteral("storageConfigurationArn"), kEuStorage));
    QVERIFY(session.edit(
        kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds"), 4));
    QVERIFY(session.document.addTag(QStringLiteral("team name"), QStringLiteral("audio + vidéo")));
    QVERIFY(session.document.review().contains(QLatin1String("POST /UpdateStage")));

    const auto [ok, report] = session.apply();
    QVERIFY2(ok, qPrintable(report));
    QCOMPARE(report, QStringLiteral("Applied: UpdateStage, TagResource."));
    QVERIFY(!session.document.hasPendingEdits());
    QCOMPARE(session.document.undoStack()->count(), 0);
    // The tree is what the service now has, re-read after applying.
    QCOMPARE(session.valueAt(QStringLiteral("name")), QStringLiteral("podcast-live"));
    QCOMPARE(session.valueAt(kRecording +
                             QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds")),
             QStringLiteral("4"));
    QCOMPARE(session.valueAt(QStringLiteral("tags[\"team name\"]")),
             QStringLiteral("audio + vidéo"));
    QCOMPARE(session.model.indexForPath(kRecording + QStringLiteral("storageConfigurationArn"))
                 .data(StageTreeModel::ValueOriginRole)
                 .toInt(),
             int(model::ValueOrigin::Service));
}

void TestStageEditor::conflictIsExplainedAndEditsStay()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Session session(endpoint.url(), demo::DemoEndpoint::credentials());
    QVERIFY(session.show(kFullyConfiguredDemoArn));
    QVERIFY(session.edit(kRecording + QStringLiteral("recordingReconnectWindowSeconds"), 120));
    const auto before = session.document.editedConfig();

    const auto [ok, report] = session.apply();
    QVERIFY(!ok);
    QVERIFY2(report.startsWith(QLatin1String("Nothing was applied.")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("cannot change while a participant is being recorded")),
             qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("ConflictException")), qPrintable(report));
    QVERIFY(session.document.hasPendingEdits());
    QCOMPARE(session.document.editedConfig(), before);
    QCOMPARE(session.valueAt(kRecording + QStringLiteral("recordingReconnectWindowSeconds")),
             QStringLiteral("120"));
}

void TestStageEditor::partialSuccessIsReportedAndOnlyTheRestStaysPending()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    QByteArray renamed = readTestData(QStringLiteral("get_stage_seed_response.json"));
    renamed.replace("\"seed-stage\"", "\"renamed\"");
    endpoint.setHandler([renamed](const net::HttpRequest &request) {
        if (request.path == "/GetStage" && request.body.contains("abcdABCDefgh") &&
            !request.body.contains("renamed"))
            return net::HttpResponse::json(200, renamed);
        if (request.path == "/UpdateStage")
            return net::HttpResponse::json(200, renamed);
        return awsErrorResponse(403, "AccessDeniedException", QStringLiteral("not allowed to tag"));
    });
    Session session(endpoint.url(),
                    {QStringLiteral("AKIDPARTIAL"), QStringLiteral("secret"), {}, {}});
    session.document.setStage(*ivs::Stage::fromGetStageResponse(
        readTestData(QStringLiteral("get_stage_seed_response.json")), nullptr));
    QVERIFY(session.edit(QStringLiteral("name"), QStringLiteral("renamed")));
    QVERIFY(session.document.addTag(QStringLiteral("new"), QStringLiteral("tag")));
    QVERIFY(session.document.removeTag(QStringLiteral("owner")));

    const auto [ok, report] = session.apply();
    QVERIFY(!ok);
    QVERIFY2(
        report.startsWith(QLatin1String("Applied: UpdateStage. TagResource failed: Access denied")),
        qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Not sent: UntagResource.")), qPrintable(report));
    QStringList paths;
    for (const auto &request : endpoint.requests())
        paths.append(QString::fromUtf8(request.method + ' ' + request.path.left(12)));
    QCOMPARE(paths,
             (QStringList{QStringLiteral("POST /UpdateStage"), QStringLiteral("POST /tags/arn%3A"),
                          QStringLiteral("POST /GetStage")}));
    // The name took; the tag changes are still pending, over the stage as re-read.
    const ivs::StageChanges left = session.document.pendingChanges();
    QCOMPARE(left.changes.size(), 2);
    QVERIFY(!left.updateStageBody);
    QCOMPARE(session.valueAt(QStringLiteral("name")), QStringLiteral("renamed"));
    QVERIFY2(session.document.undoStack()->canUndo(), "the edits that remain can still be undone");
    QCOMPARE(static_cast<model::EditState>(session.model.indexForPath(QStringLiteral("name"))
                                               .data(StageTreeModel::EditStateRole)
                                               .toInt()),
             model::EditState::Unchanged);
}

void TestStageEditor::storageChoicesComeFromTheStageRegion()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Session session(endpoint.url(), demo::DemoEndpoint::credentials());
    QVERIFY(session.show(kDefaultsDemoArn));
    session.editor->loadStorageChoices();
    const QModelIndex storage =
        session.model.indexForPath(kRecording + QStringLiteral("storageConfigurationArn"))
            .siblingAtColumn(StageTreeModel::ValueColumn);
    QTRY_COMPARE(storage.data(StageTreeModel::EditorRole).value<document::EditorSpec>().choices,
                 (QStringList{QString(), kEuStorage}));
    QVERIFY(storage.data(StageTreeModel::EditorRole)
                .value<document::EditorSpec>()
                .choiceLabels.at(1)
                .contains(QLatin1String("podcast-recordings-eu-central-1")));
}

void TestStageEditor::storageChoicesStopAndSayWhyWhenTheServerRepeatsItsToken()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const QByteArray stage = readTestData(QStringLiteral("get_stage_seed_response.json"));
    const QJsonArray configurations{QJsonObject{
        {QStringLiteral("arn"),
         QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ")},
        {QStringLiteral("name"), QStringLiteral("looping")}}};
    endpoint.setHandler([stage, configurations](const net::HttpRequest &request) {
        if (request.path == "/ListStorageConfigurations")
            return listPage(QStringLiteral("storageConfigurations"), configurations,
                            QStringLiteral("same"));
        return net::HttpResponse::json(200, stage);
    });
    Session session(endpoint.url(), {QStringLiteral("AKIDEDITOR"), QStringLiteral("s"), {}, {}});
    QVERIFY(session.show(kFullyConfiguredDemoArn)); // the seed stage has the same ARN
    QSignalSpy failed(session.editor.get(), &workspace::StageEditor::storageChoicesFailed);
    session.editor->loadStorageChoices();
    QVERIFY(failed.wait(15000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("storage configurations in us-west-2 could not be "
                                            "listed")),
             qPrintable(message));
    QVERIFY2(
        message.contains(QLatin1String("ListStorageConfigurations sent a repeated page token")),
        qPrintable(message));
    QCOMPARE(endpoint.requestsTo("/ListStorageConfigurations"), 2);
    // The picker offers nothing it could not list in full.
    const QModelIndex storage =
        session.model.indexForPath(kRecording + QStringLiteral("storageConfigurationArn"))
            .siblingAtColumn(StageTreeModel::ValueColumn);
    QCOMPARE(storage.data(StageTreeModel::EditorRole).value<document::EditorSpec>().choices,
             QStringList{QString()});
    // Nothing more goes out for the picker: a request sent after the failure is answered with
    // no listing in between.
    QVERIFY(session.show(kFullyConfiguredDemoArn));
    QCOMPARE(endpoint.requestsTo("/ListStorageConfigurations"), 2);
    QCOMPARE(failed.count(), 1);
}

void TestStageEditor::exportedDocumentLoadsBackAsPendingEdits()
{
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Session session(endpoint.url(), demo::DemoEndpoint::credentials());
    QVERIFY(session.show(kFullyConfiguredDemoArn));
    QJsonObject document = QJsonDocument::fromJson(session.document.exportDocument()).object();
    QCOMPARE(document.value(QStringLiteral("sourceArn")).toString(), kFullyConfiguredDemoArn);
    QJsonObject stage = document.value(QStringLiteral("stage")).toObject();
    QCOMPARE(stage.value(QStringLiteral("name")).toString(), QStringLiteral("studio-main"));
    stage.insert(QStringLiteral("name"), QStringLiteral("from-file"));
    QJsonObject tags = stage.value(QStringLiteral("tags")).toObject();
    tags.remove(QStringLiteral("team"));
    stage.insert(QStringLiteral("tags"), tags);
    document.insert(QStringLiteral("stage"), stage);

    QString error;
    QVERIFY2(session.document.loadDocument(QJsonDocument(document).toJson(), &error),
             qPrintable(error));
    const ivs::StageChanges changes = session.document.pendingChanges();
    QCOMPARE(changes.changes.size(), 2);
    QCOMPARE(changes.tagKeysToRemove, QStringList{QStringLiteral("team")});
    QCOMPARE(session.document.undoStack()->count(), 1);
    session.document.undoStack()->undo();
    QVERIFY(!session.document.hasPendingEdits());
}

void TestStageEditor::badDocumentsAreRefusedClearly_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("name: x") << QStringLiteral("not JSON");
    QTest::newRow("other format")
        << QByteArray(R"({"format":"something-else","version":1,"stage":{}})")
        << QStringLiteral("not a stage configuration exported by IVS Stage Browser");
    QTest::newRow("future version")
        << QByteArray(
               R"({"format":"ivs-stage-browser/stage-configuration","version":9,"stage":{}})")
        << QStringLiteral("Unsupported stage configuration version 9");
    QTest::newRow("out of range")
        << QByteArray(
               R"({"format":"ivs-stage-browser/stage-configuration","version":1,)"
               R"("stage":{"autoParticipantRecordingConfiguration":{"storageConfigurationArn":)"
               R"("arn:aws:ivs:us-west-2:123456789012:storage-configuration/ABcdef34ghIJ",)"
               R"("recordingReconnectWindowSeconds":999}}})")
        << QStringLiteral("from 0 to 300");
    QTest::newRow("tag value not text")
        << QByteArray(R"({"format":"ivs-stage-browser/stage-configuration","version":1,)"
                      R"("stage":{"tags":{"a":1}}})")
        << QStringLiteral("must have a text value");
}

void TestStageEditor::badDocumentsAreRefusedClearly()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, reason);
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    Session session(endpoint.url(), demo::DemoEndpoint::credentials());
    QVERIFY(session.show(kFullyConfiguredDemoArn));
    QString error;
    QVERIFY(!session.document.loadDocument(file, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!session.document.hasPendingEdits());
}

QTEST_GUILESS_MAIN(TestStageEditor)
#include "tst_stage_editor.moc"
