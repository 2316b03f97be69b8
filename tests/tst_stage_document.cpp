#include "document/stage_document.h"
#include "ivs/field_path.h"
#include "ivs/stage.h"
#include "ivs/stage_changes.h"
#include "ivs/stage_rules.h"
#include "support/test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using document::EditorSpec;
using document::StageDocument;

namespace {

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");
const QString kReconnect = kRecording + QStringLiteral("recordingReconnectWindowSeconds");
const QString kMediaTypes = kRecording + QStringLiteral("mediaTypes");
const QString kStorage = ivs::fieldpath::kStorageConfigurationArn;

ivs::Stage seedStage()
{
    return *ivs::Stage::fromGetStageResponse(
        testsupport::readTestData(QStringLiteral("get_stage_seed_response.json")), nullptr);
}

// The seed stage as the service might return it later: `edit` applied to its JSON.
ivs::Stage seedStageWith(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject json = seedStage().json();
    edit(json);
    return *ivs::Stage::fromJson(json, nullptr);
}

} // namespace

// The stage document on its own: no item model, no widgets. What the tree, the command line and
// every controller rely on — edits held to the rules with a reason for each refusal, undo and
// redo, what would be sent, annotations and findings, and a new stage starting clean.
class TestStageDocument : public QObject {
    Q_OBJECT
private slots:
    void withoutAStageNothingIsEditable();
    void aValidEditIsPendingAndBecomesRequests();
    void refusedEditsChangeNothingAndSayWhy_data();
    void refusedEditsChangeNothingAndSayWhy();
    void undoAndRedoWalkTheEdits();
    void recordingOffRefusesItsOtherSettings();
    void tagsAreAddedRenamedRemovedWithinTheRules();
    void editorSpecsComeFromTheRules();
    void noStorageInTheRegionIsSaidWithHowToCreateOne();
    void annotationsHideWhileTheirFieldIsEdited();
    void aNewStageDropsEditsAnnotationsAndFindings();
    void keepingEditsOverAFreshStageKeepsOnlyWhatDidNotTake();
    void staleFollowsLookupsAndIsClearedByANewStage();
    void documentsRoundTripAndBadFilesAreRefused();
};

void TestStageDocument::withoutAStageNothingIsEditable()
{
    StageDocument document;
    QSignalSpy rejected(&document, &StageDocument::editRejected);
    QVERIFY(!document.stage());
    QVERIFY(document.arn().isEmpty());
    QVERIFY(!document.isEditable(QStringLiteral("name")));
    QString error;
    QVERIFY(!document.setValue(QStringLiteral("name"), QStringLiteral("x"), &error));
    QCOMPARE(error, QStringLiteral("No stage is shown."));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!document.addTag(QStringLiteral("k"), QStringLiteral("v"), &error));
    QVERIFY(!document.loadDocument("{}", &error));
    QVERIFY2(error.contains(QLatin1String("Look up a stage first")), qPrintable(error));
    QVERIFY(!document.hasPendingEdits());
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestStageDocument::aValidEditIsPendingAndBecomesRequests()
{
    StageDocument document;
    document.setStage(seedStage());
    QSignalSpy edits(&document, &StageDocument::editsChanged);
    QSignalSpy pending(&document, &StageDocument::pendingEditsChanged);

    QVERIFY(document.setValue(kReconnect, 60));
    QVERIFY(document.setValue(QStringLiteral("name"), QStringLiteral("renamed")));
    QVERIFY(document.setValue(ivs::fieldpath::tag(QStringLiteral("owner")),
                              QStringLiteral("producers")));
    QCOMPARE(edits.count(), 3);
    QCOMPARE(pending.count(), 1); // from none to some, once
    QCOMPARE(pending.at(0).at(0).toBool(), true);
    QVERIFY(document.hasPendingEdits());
    QCOMPARE(document.editedConfig().valueAt(kReconnect).toInt(), 60);
    QCOMPARE(document.originalConfig().valueAt(kReconnect).toInt(), 120);

    const ivs::StageChanges changes = document.pendingChanges();
    QCOMPARE(changes.changes.size(), 3);
    QVERIFY(changes.updateStageBody);
    QCOMPARE(changes.updateStageBody->value(QStringLiteral("name")).toString(),
             QStringLiteral("renamed"));
    QCOMPARE(changes.tagsToSet.value(QStringLiteral("owner")), QStringLiteral("producers"));
    QVERIFY(changes.tagKeysToRemove.isEmpty());
    QVERIFY(document.review().contains(QLatin1String("POST /UpdateStage")));
    QVERIFY(document.review().contains(QLatin1String("POST /tags/")));

    // Setting a field to the value it has is accepted and records nothing.
    const int steps = document.undoStack()->count();
    QVERIFY(document.setValue(kReconnect, 60));
    QCOMPARE(document.undoStack()->count(), steps);
}

void TestStageDocument::refusedEditsChangeNothingAndSayWhy_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("reconnect above 300") << kReconnect << QVariant(999) << QStringLiteral("300");
    QTest::newRow("reconnect below 0") << kReconnect << QVariant(-1) << QStringLiteral("0");
    QTest::newRow("not a number") << kReconnect << QVariant(QStringLiteral("soon"))
                                  << QStringLiteral("not a value");
    QTest::newRow("segment length 11")
        << kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds")
        << QVariant(11) << QStringLiteral("10");
    QTest::newRow("name with a space")
        << QStringLiteral("name") << QVariant(QStringLiteral("bad name")) << QStringLiteral("name");
    QTest::newRow("name too long")
        << QStringLiteral("name") << QVariant(QString(129, u'n')) << QStringLiteral("128");
    QTest::newRow("unknown media type")
        << kMediaTypes << QVariant(QStringList{QStringLiteral("VIDEO_ONLY")})
        << QStringLiteral("mediaTypes");
    QTest::newRow("bucket name as storage") << kStorage << QVariant(QStringLiteral("my-bucket"))
                                            << QStringLiteral("storage configuration ARN");
    QTest::newRow("tag value over 256") << ivs::fieldpath::tag(QStringLiteral("owner"))
                                        << QVariant(QString(257, u'v')) << QStringLiteral("256");
    QTest::newRow("read-only field") << QStringLiteral("arn") << QVariant(QStringLiteral("x"))
                                     << QStringLiteral("arn cannot be changed");
}

void TestStageDocument::refusedEditsChangeNothingAndSayWhy()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(QString, reasonContains);
    StageDocument document;
    document.setStage(seedStage());
    QSignalSpy rejected(&document, &StageDocument::editRejected);
    QSignalSpy edits(&document, &StageDocument::editsChanged);
    QString error;
    QVERIFY(!document.setValue(path, value, &error));
    QVERIFY2(error.contains(reasonContains, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.at(0).at(0).toString(), error);
    QCOMPARE(edits.count(), 0);
    QVERIFY(!document.hasPendingEdits());
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestStageDocument::undoAndRedoWalkTheEdits()
{
    StageDocument document;
    document.setStage(seedStage());
    QVERIFY(document.setValue(kReconnect, 30));
    QVERIFY(document.setValue(kReconnect, 40));
    QVERIFY(document.removeTag(QStringLiteral("environment")));
    QCOMPARE(document.undoStack()->count(), 3);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete tag \"environment\""));

    document.undoStack()->undo();
    QVERIFY(document.editedConfig().tags.contains(QStringLiteral("environment")));
    document.undoStack()->undo();
    QCOMPARE(document.editedConfig().valueAt(kReconnect).toInt(), 30);
    document.undoStack()->undo();
    QVERIFY(!document.hasPendingEdits());
    document.undoStack()->redo();
    QCOMPARE(document.editedConfig().valueAt(kReconnect).toInt(), 30);

    document.revertEdits();
    QVERIFY(!document.hasPendingEdits());
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestStageDocument::recordingOffRefusesItsOtherSettings()
{
    StageDocument document;
    document.setStage(seedStage());
    // Turning recording off resets the other recording settings, as the service will.
    QVERIFY(document.setValue(kStorage, QString()));
    QVERIFY(document.editedConfig().recordingOff());
    QCOMPARE(document.editedConfig().valueAt(kMediaTypes).toArray(),
             QJsonArray{QStringLiteral("AUDIO_VIDEO")});

    const EditorSpec reconnect = document.editorSpec(kReconnect);
    QCOMPARE(reconnect.kind, EditorSpec::Kind::None);
    QVERIFY2(reconnect.refusal.contains(QLatin1String("recording is off")),
             qPrintable(reconnect.refusal));
    QString error;
    QVERIFY(!document.setValue(kReconnect, 10, &error));
    QCOMPARE(error, reconnect.refusal);
    // The storage configuration itself stays editable: it is how recording is turned on.
    QCOMPARE(document.editorSpec(kStorage).kind, EditorSpec::Kind::StorageConfiguration);
    document.undoStack()->undo();
    QVERIFY(document.isEditable(kReconnect));
}

void TestStageDocument::tagsAreAddedRenamedRemovedWithinTheRules()
{
    StageDocument document;
    document.setStage(seedStage());
    QString error;
    QVERIFY(document.addTag(QStringLiteral("show"), QStringLiteral("monday"), &error));
    QVERIFY(!document.addTag(QStringLiteral("show"), QStringLiteral("again"), &error));
    QVERIFY2(error.contains(QLatin1String("already a tag")), qPrintable(error));
    QVERIFY(!document.addTag(QString(), QStringLiteral("v"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!document.renameTag(QStringLiteral("missing"), QStringLiteral("x"), &error));
    QVERIFY2(error.contains(QLatin1String("no tag")), qPrintable(error));
    QVERIFY(!document.renameTag(QStringLiteral("show"), QStringLiteral("owner"), &error));
    QVERIFY(document.renameTag(QStringLiteral("show"), QStringLiteral("series"), &error));
    QVERIFY(document.removeTag(QStringLiteral("owner"), &error));
    QVERIFY(!document.removeTag(QStringLiteral("owner"), &error));

    // A deleted tag takes no value edit, and says why.
    const EditorSpec deleted = document.editorSpec(ivs::fieldpath::tag(QStringLiteral("owner")));
    QCOMPARE(deleted.kind, EditorSpec::Kind::None);
    QVERIFY(!deleted.refusal.isEmpty());

    const ivs::StageChanges changes = document.pendingChanges();
    QCOMPARE(changes.tagsToSet.value(QStringLiteral("series")), QStringLiteral("monday"));
    QCOMPARE(changes.tagKeysToRemove, QStringList{QStringLiteral("owner")});

    // At most 50 tags.
    for (int i = document.editedConfig().tags.size(); i < ivs::kMaxTags; ++i)
        QVERIFY(document.addTag(QStringLiteral("k%1").arg(i), QString(), &error));
    QVERIFY(!document.addTag(QStringLiteral("one-more"), QString(), &error));
    QVERIFY2(error.contains(QLatin1String("50")), qPrintable(error));
}

void TestStageDocument::editorSpecsComeFromTheRules()
{
    StageDocument document;
    document.setStage(seedStage());
    const EditorSpec reconnect = document.editorSpec(kReconnect);
    QCOMPARE(reconnect.kind, EditorSpec::Kind::Integer);
    QCOMPARE(reconnect.minimum, 0);
    QCOMPARE(reconnect.maximum, 300);
    const EditorSpec tag = document.editorSpec(ivs::fieldpath::tag(QStringLiteral("owner")));
    QCOMPARE(tag.kind, EditorSpec::Kind::Text);
    QCOMPARE(tag.maximum, 256);
    QCOMPARE(document.editorSpec(QStringLiteral("endpoints.whip")).kind, EditorSpec::Kind::None);

    document.setStorageChoices({{QStringLiteral("archive (bucket b)"),
                                 QStringLiteral("arn:aws:ivs:us-west-2:123456789012:"
                                                "storage-configuration/QRst56uvWXyz")}});
    const EditorSpec storage = document.editorSpec(kStorage);
    QCOMPARE(storage.choices.size(), 2);
    QCOMPARE(storage.choices.first(), QString()); // "off" first
    QCOMPARE(storage.choiceLabels.size(), storage.choices.size());
    QCOMPARE(storage.choiceLabels.at(1), QStringLiteral("archive (bucket b)"));
    QVERIFY(storage.note.isEmpty());
    QCOMPARE(document.storageConfigurationsInRegion(), std::optional<int>(1));
}

void TestStageDocument::noStorageInTheRegionIsSaidWithHowToCreateOne()
{
    StageDocument document;
    document.setStage(seedStage());
    QSignalSpy changed(&document, &StageDocument::storageChoicesChanged);
    // Not listed yet: nothing is claimed.
    QVERIFY(!document.storageConfigurationsInRegion());
    QVERIFY(document.editorSpec(kStorage).note.isEmpty());

    document.setStorageChoices({}); // listed: the region has none
    QCOMPARE(changed.count(), 1);
    QCOMPARE(document.storageChoicesRegion(), QStringLiteral("us-west-2"));
    QCOMPARE(document.storageConfigurationsInRegion(), std::optional<int>(0));
    const EditorSpec storage = document.editorSpec(kStorage);
    QCOMPARE(storage.choices, QStringList{QString()}); // only "off" to choose
    QVERIFY2(storage.note.startsWith(QStringLiteral("No storage configuration in us-west-2: create "
                                                    "one in the AWS console (IVS › Real-time › "
                                                    "Storage configurations) or with `aws "
                                                    "ivs-realtime create-storage-configuration")),
             qPrintable(storage.note));

    // Forgotten (a new listing under way), or listed for another region: unknown again.
    document.forgetStorageChoices();
    QCOMPARE(changed.count(), 2);
    QVERIFY(!document.storageConfigurationsInRegion());
    QVERIFY(document.editorSpec(kStorage).note.isEmpty());
    document.setStorageChoices({});
    document.setStage(seedStageWith([](QJsonObject &json) {
        json.insert(QStringLiteral("arn"),
                    QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/other"));
    }));
    QVERIFY(!document.storageConfigurationsInRegion());
}

void TestStageDocument::annotationsHideWhileTheirFieldIsEdited()
{
    StageDocument document;
    document.setStage(seedStage());
    QSignalSpy changed(&document, &StageDocument::annotationChanged);
    document.setAnnotation(kStorage, QStringLiteral("recordings: bucket b"),
                           QStringLiteral("detail"), false);
    document.setAnnotation(kStorage, QStringLiteral("recordings: bucket b"),
                           QStringLiteral("detail"), false); // the same again: no signal
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), kStorage);
    QVERIFY(document.annotation(kStorage));
    QCOMPARE(document.annotation(kStorage)->detail, QStringLiteral("detail"));

    // It describes the service's value, not a pending one.
    QVERIFY(document.setValue(kStorage, QString()));
    QVERIFY(!document.annotation(kStorage));
    QVERIFY(document.annotation(kStorage, true));
    QCOMPARE(document.annotationText(kStorage), QStringLiteral("recordings: bucket b"));
    document.undoStack()->undo();
    QVERIFY(document.annotation(kStorage));

    document.setAnnotation(kStorage, QString());
    QCOMPARE(changed.count(), 2);
    QVERIFY(!document.annotation(kStorage, true));
}

void TestStageDocument::aNewStageDropsEditsAnnotationsAndFindings()
{
    StageDocument document;
    QSignalSpy resets(&document, &StageDocument::stageReset);
    QSignalSpy findings(&document, &StageDocument::findingsChanged);
    QSignalSpy pending(&document, &StageDocument::pendingEditsChanged);
    document.setStage(seedStage());
    QCOMPARE(resets.count(), 1);
    QVERIFY(document.setValue(kReconnect, 5));
    document.setAnnotation(kStorage, QStringLiteral("note"));
    document.setFindings(
        {ivs::Finding{QStringLiteral("recording-off"), ivs::Finding::Severity::Warning,
                      QStringLiteral("t"), QStringLiteral("a"), kStorage}});
    QCOMPARE(findings.count(), 1);

    document.setStage(seedStageWith(
        [](QJsonObject &json) { json.insert(QStringLiteral("name"), QStringLiteral("another")); }));
    QCOMPARE(resets.count(), 2);
    QCOMPARE(findings.count(), 2);
    QVERIFY(document.findings().isEmpty());
    QVERIFY(!document.hasPendingEdits());
    QCOMPARE(pending.count(), 2); // on, then off with the new stage
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.annotationText(kStorage).isEmpty());
    QCOMPARE(document.stage()->name(), QStringLiteral("another"));

    document.clear();
    QCOMPARE(resets.count(), 3);
    QVERIFY(!document.stage());
}

void TestStageDocument::keepingEditsOverAFreshStageKeepsOnlyWhatDidNotTake()
{
    StageDocument document;
    document.setStage(seedStage());
    QVERIFY(document.setValue(QStringLiteral("name"), QStringLiteral("renamed")));
    QVERIFY(document.setValue(kReconnect, 45));
    // The service took the rename but not the reconnect window (say a 409 came back).
    document.replaceStageKeepingEdits(seedStageWith(
        [](QJsonObject &json) { json.insert(QStringLiteral("name"), QStringLiteral("renamed")); }));
    const ivs::StageChanges left = document.pendingChanges();
    QCOMPARE(left.changes.size(), 1);
    QCOMPARE(left.changes.first().path, kReconnect);
    QCOMPARE(document.stage()->name(), QStringLiteral("renamed"));
}

void TestStageDocument::staleFollowsLookupsAndIsClearedByANewStage()
{
    StageDocument document;
    QSignalSpy stale(&document, &StageDocument::staleChanged);
    document.setStage(seedStage());
    document.setStale(true);
    document.setStale(true);
    QCOMPARE(stale.count(), 1);
    QVERIFY(document.isStale());
    document.setStage(seedStage());
    QVERIFY(!document.isStale());
    QCOMPARE(stale.count(), 2);
}

void TestStageDocument::documentsRoundTripAndBadFilesAreRefused()
{
    StageDocument source;
    source.setStage(seedStage());
    QVERIFY(source.setValue(kReconnect, 77));
    QVERIFY(source.addTag(QStringLiteral("series"), QStringLiteral("weekly")));
    const QByteArray exported = source.exportDocument();
    QCOMPARE(QJsonDocument::fromJson(exported).object().value(QStringLiteral("sourceArn")),
             QJsonValue(seedStage().arn()));

    StageDocument target;
    target.setStage(seedStage());
    QString error;
    QVERIFY2(target.loadDocument(exported, &error), qPrintable(error));
    QCOMPARE(target.editedConfig(), source.editedConfig());
    QCOMPARE(target.undoStack()->count(), 1); // one step for the whole file

    QVERIFY(!target.loadDocument("{not json", &error));
    QVERIFY2(error.contains(QLatin1String("not JSON")), qPrintable(error));
    QVERIFY(!target.loadDocument("[1, 2]", &error));
    QVERIFY2(error.contains(QLatin1String("not an object")), qPrintable(error));
    QCOMPARE(target.editedConfig(), source.editedConfig()); // refusals changed nothing
}

QTEST_GUILESS_MAIN(TestStageDocument)
#include "tst_stage_document.moc"
