#include "document/stage_document.h"
#include "ivs/stage.h"
#include "ivs/stage_changes.h"
#include "model/stage_tree_model.h"
#include "support/test_data.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using model::EditState;
using model::StageTreeModel;

namespace {

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");

ivs::Stage seedStage()
{
    return *ivs::Stage::fromGetStageResponse(
        testsupport::readTestData(QStringLiteral("get_stage_seed_response.json")), nullptr);
}

EditState stateOf(const QModelIndex &index)
{
    return static_cast<EditState>(index.data(StageTreeModel::EditStateRole).toInt());
}

} // namespace

// Editing in the tree: which rows take edits, what each editor may accept, how pending edits
// show, undo and redo, and the requests they amount to.
class TestStageEditing : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void onlyDocumentedSettingsAreEditable();
    void editorSpecsCarryTheServiceLimits();
    void validEditsArePendingAndMarked_data();
    void validEditsArePendingAndMarked();
    void invalidEditsAreRefusedWithAReason_data();
    void invalidEditsAreRefusedWithAReason();
    void tagsCanBeAddedChangedRenamedAndDeleted();
    void tagLimitsAreEnforced();
    void everyEditCanBeUndoneAndRedone();
    void diffTurnsEditsIntoRequests();
    void disablingRecordingSendsOnlyTheEmptyArn();
    void revertDropsEverything();
    void aNewStageStartsWithoutEdits();
    void keepingEditsOverAFreshStageShowsOnlyWhatIsLeft();

private:
    bool edit(const QString &path, const QVariant &value);
    std::unique_ptr<document::StageDocument> m_document;
    std::unique_ptr<StageTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestStageEditing::init()
{
    m_document = std::make_unique<document::StageDocument>();
    m_model = std::make_unique<StageTreeModel>(*m_document);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_document->setStage(seedStage());
}

void TestStageEditing::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

bool TestStageEditing::edit(const QString &path, const QVariant &value)
{
    const QModelIndex index =
        m_model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn);
    return m_model->setData(index, value, Qt::EditRole);
}

void TestStageEditing::onlyDocumentedSettingsAreEditable()
{
    auto editable = [this](const QString &path) {
        return bool(m_model->flags(
                        m_model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn)) &
                    Qt::ItemIsEditable);
    };
    QVERIFY(editable(QStringLiteral("name")));
    QVERIFY(editable(kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds")));
    QVERIFY(editable(QStringLiteral("tags[\"owner\"]")));
    QVERIFY(!editable(QStringLiteral("arn")));
    QVERIFY(!editable(QStringLiteral("activeSessionId")));
    QVERIFY(!editable(QStringLiteral("endpoints.whip")));
    QVERIFY(!editable(QStringLiteral("autoParticipantRecordingConfiguration")));
    QVERIFY(!(m_model->flags(m_model->indexForPath(QStringLiteral("name"))) &
              Qt::ItemIsEditable)); // field column
    QVERIFY(!edit(QStringLiteral("arn"), QStringLiteral("arn:aws:ivs:us-west-2:1:stage/x")));
}

void TestStageEditing::editorSpecsCarryTheServiceLimits()
{
    using Kind = document::EditorSpec::Kind;
    auto spec = [this](const QString &path) {
        return m_model->indexForPath(path)
            .siblingAtColumn(StageTreeModel::ValueColumn)
            .data(StageTreeModel::EditorRole)
            .value<document::EditorSpec>();
    };
    // The tree hands on the document's own specification.
    const QString segmentPath =
        kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds");
    const document::EditorSpec segment = spec(segmentPath);
    QCOMPARE(segment, m_document->editorSpec(segmentPath));
    QCOMPARE(segment.kind, Kind::Integer);
    QCOMPARE(segment.minimum, 2);
    QCOMPARE(segment.maximum, 10);
    QCOMPARE(
        spec(kRecording + QStringLiteral("thumbnailConfiguration.targetIntervalSeconds")).maximum,
        86400);
    QCOMPARE(spec(kRecording + QStringLiteral("recordingReconnectWindowSeconds")).maximum, 300);
    QCOMPARE(spec(kRecording + QStringLiteral("mediaTypes")).choices,
             (QStringList{QStringLiteral("AUDIO_VIDEO"), QStringLiteral("AUDIO_ONLY"),
                          QStringLiteral("NONE")}));
    QCOMPARE(spec(kRecording + QStringLiteral("thumbnailConfiguration.storage")).kind,
             Kind::MultiChoice);
    QCOMPARE(spec(kRecording + QStringLiteral("recordParticipantReplicas")).kind, Kind::Boolean);
    QCOMPARE(spec(QStringLiteral("name")).maximum, 128);
    // Rows that take no edit have no editor.
    QCOMPARE(spec(QStringLiteral("arn")).kind, Kind::None);

    m_document->setStorageChoices(
        {{QStringLiteral("archive (bucket b)"),
          QStringLiteral(
              "arn:aws:ivs:us-west-2:123456789012:storage-configuration/QRst56uvWXyz")}});
    const document::EditorSpec storage =
        spec(kRecording + QStringLiteral("storageConfigurationArn"));
    QCOMPARE(storage.kind, Kind::StorageConfiguration);
    QCOMPARE(storage.choices.size(), 2); // "" (off) + one
    QVERIFY(storage.choices.contains(QString()));
    QCOMPARE(storage.choiceLabels.at(1), QStringLiteral("archive (bucket b)"));
}

void TestStageEditing::validEditsArePendingAndMarked_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("name") << QStringLiteral("name") << QVariant(QStringLiteral("new_name-2"))
                          << QStringLiteral("new_name-2");
    QTest::newRow("empty name") << QStringLiteral("name") << QVariant(QString())
                                << QStringLiteral("(empty)");
    QTest::newRow("media types") << kRecording + QStringLiteral("mediaTypes")
                                 << QVariant(QStringLiteral("NONE")) << QStringLiteral("NONE");
    QTest::newRow("thumbnail mode")
        << kRecording + QStringLiteral("thumbnailConfiguration.recordingMode")
        << QVariant(QStringLiteral("DISABLED")) << QStringLiteral("DISABLED");
    QTest::newRow("interval max") << kRecording +
                                         QStringLiteral(
                                             "thumbnailConfiguration.targetIntervalSeconds")
                                  << QVariant(86400) << QStringLiteral("86400");
    QTest::newRow("thumbnail storage")
        << kRecording + QStringLiteral("thumbnailConfiguration.storage")
        << QVariant(QStringList{QStringLiteral("LATEST")}) << QStringLiteral("LATEST");
    QTest::newRow("reconnect min") << kRecording + QStringLiteral("recordingReconnectWindowSeconds")
                                   << QVariant(0) << QStringLiteral("0");
    QTest::newRow("segment max") << kRecording +
                                        QStringLiteral(
                                            "hlsConfiguration.targetSegmentDurationSeconds")
                                 << QVariant(10) << QStringLiteral("10");
    QTest::newRow("replicas") << kRecording + QStringLiteral("recordParticipantReplicas")
                              << QVariant(true) << QStringLiteral("true");
    QTest::newRow("tag value") << QStringLiteral("tags[\"owner\"]")
                               << QVariant(QStringLiteral("régie vidéo"))
                               << QStringLiteral("régie vidéo");
}

void TestStageEditing::validEditsArePendingAndMarked()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(QString, shown);
    QSignalSpy pending(m_document.get(), &document::StageDocument::pendingEditsChanged);
    QVERIFY(edit(path, value));
    const QModelIndex index = m_model->indexForPath(path);
    QCOMPARE(index.siblingAtColumn(StageTreeModel::ValueColumn).data().toString(), shown);
    QCOMPARE(stateOf(index), EditState::Changed);
    QVERIFY(index.siblingAtColumn(StageTreeModel::NoteColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("edited — was")));
    QVERIFY(index.siblingAtColumn(StageTreeModel::ValueColumn)
                .data(Qt::FontRole)
                .value<QFont>()
                .bold());
    QVERIFY(m_document->hasPendingEdits());
    QCOMPARE(pending.count(), 1);
    QCOMPARE(m_document->pendingChanges().changes.size(), 1);
    QCOMPARE(m_document->pendingChanges().changes.at(0).path, path);
    // The groups above say so too.
    if (path.startsWith(kRecording))
        QCOMPARE(m_model->indexForPath(QStringLiteral("autoParticipantRecordingConfiguration"))
                     .siblingAtColumn(StageTreeModel::NoteColumn)
                     .data()
                     .toString(),
                 QStringLiteral("edited"));
}

void TestStageEditing::invalidEditsAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("name with space") << QStringLiteral("name") << QVariant(QStringLiteral("a b"))
                                     << QStringLiteral("letters, digits");
    QTest::newRow("name too long")
        << QStringLiteral("name") << QVariant(QString(129, QLatin1Char('a')))
        << QStringLiteral("At most 128");
    QTest::newRow("storage not an arn")
        << kRecording + QStringLiteral("storageConfigurationArn")
        << QVariant(QStringLiteral("bucket")) << QStringLiteral("storage configuration ARN");
    QTest::newRow("media unknown")
        << kRecording + QStringLiteral("mediaTypes") << QVariant(QStringLiteral("VIDEO_ONLY"))
        << QStringLiteral("not one of");
    QTest::newRow("interval zero")
        << kRecording + QStringLiteral("thumbnailConfiguration.targetIntervalSeconds")
        << QVariant(0) << QStringLiteral("from 1 to 86400");
    QTest::newRow("interval too big")
        << kRecording + QStringLiteral("thumbnailConfiguration.targetIntervalSeconds")
        << QVariant(86401) << QStringLiteral("from 1 to 86400");
    QTest::newRow("no thumbnail storage")
        << kRecording + QStringLiteral("thumbnailConfiguration.storage") << QVariant(QStringList{})
        << QStringLiteral("from 1 to 2");
    QTest::newRow("storage twice")
        << kRecording + QStringLiteral("thumbnailConfiguration.storage")
        << QVariant(QStringList{QStringLiteral("LATEST"), QStringLiteral("LATEST")})
        << QStringLiteral("twice");
    QTest::newRow("reconnect 301") << kRecording + QStringLiteral("recordingReconnectWindowSeconds")
                                   << QVariant(301) << QStringLiteral("from 0 to 300");
    QTest::newRow("segment 1") << kRecording + QStringLiteral(
                                                   "hlsConfiguration.targetSegmentDurationSeconds")
                               << QVariant(1) << QStringLiteral("from 2 to 10");
    QTest::newRow("segment text")
        << kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds")
        << QVariant(QStringLiteral("six")) << QStringLiteral("not a value");
    QTest::newRow("tag value too long")
        << QStringLiteral("tags[\"owner\"]") << QVariant(QString(257, QLatin1Char('v')))
        << QStringLiteral("at most 256");
}

void TestStageEditing::invalidEditsAreRefusedWithAReason()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(QString, reason);
    QSignalSpy rejected(m_document.get(), &document::StageDocument::editRejected);
    const QString before =
        m_model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn).data().toString();
    QVERIFY(!edit(path, value));
    QCOMPARE(rejected.count(), 1);
    QVERIFY2(rejected.at(0).at(0).toString().contains(reason),
             qPrintable(rejected.at(0).at(0).toString()));
    QCOMPARE(
        m_model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        before);
    QVERIFY(!m_document->hasPendingEdits());
}

void TestStageEditing::tagsCanBeAddedChangedRenamedAndDeleted()
{
    QVERIFY(
        m_document->addTag(QStringLiteral("show name"), QStringLiteral("Morning = Live + more")));
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("tags[\"show name\"]"))),
             EditState::Added);
    QVERIFY(m_document->renameTag(QStringLiteral("owner"), QStringLiteral("team")));
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("tags[\"owner\"]"))), EditState::Removed);
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("tags[\"team\"]"))), EditState::Added);
    QVERIFY(m_model->indexForPath(QStringLiteral("tags[\"owner\"]"))
                .data(Qt::FontRole)
                .value<QFont>()
                .strikeOut());
    QVERIFY(m_document->removeTag(QStringLiteral("environment")));
    QCOMPARE(m_model->indexForPath(QStringLiteral("tags"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("2 tags"));
    // Deleted rows cannot be edited; they can be brought back with undo.
    QVERIFY(!(m_model->flags(m_model->indexForPath(QStringLiteral("tags[\"environment\"]"))
                                 .siblingAtColumn(StageTreeModel::ValueColumn)) &
              Qt::ItemIsEditable));

    const ivs::StageChanges changes = m_document->pendingChanges();
    QCOMPARE(changes.tagsToSet,
             (QMap<QString, QString>{
                 {QStringLiteral("show name"), QStringLiteral("Morning = Live + more")},
                 {QStringLiteral("team"), QStringLiteral("stream-ops")}}));
    QCOMPARE(changes.tagKeysToRemove,
             (QStringList{QStringLiteral("environment"), QStringLiteral("owner")}));
    QVERIFY(!changes.updateStageBody);
    // A new tag that is deleted again simply goes away.
    QVERIFY(m_document->removeTag(QStringLiteral("show name")));
    QVERIFY(!m_model->indexForPath(QStringLiteral("tags[\"show name\"]")).isValid());
}

void TestStageEditing::tagLimitsAreEnforced()
{
    QString error;
    QVERIFY(!m_document->addTag(QString(), QStringLiteral("v"), &error));
    QVERIFY(error.contains(QLatin1String("cannot be empty")));
    QVERIFY(!m_document->addTag(QString(129, QLatin1Char('k')), QString(), &error));
    QVERIFY(error.contains(QLatin1String("128")));
    QVERIFY(!m_document->addTag(QStringLiteral("aws:created"), QString(), &error));
    QVERIFY(!m_document->addTag(QStringLiteral("owner"), QStringLiteral("x"), &error));
    QVERIFY(error.contains(QLatin1String("already")));
    QVERIFY(!m_document->renameTag(QStringLiteral("owner"), QStringLiteral("environment"), &error));
    for (int i = 0; i < 48; ++i)
        QVERIFY2(m_document->addTag(QStringLiteral("k%1").arg(i), QStringLiteral("日本語")),
                 qPrintable(QString::number(i)));
    QVERIFY(!m_document->addTag(QStringLiteral("one-too-many"), QString(), &error));
    QVERIFY2(error.contains(QLatin1String("at most 50")), qPrintable(error));
}

void TestStageEditing::everyEditCanBeUndoneAndRedone()
{
    QUndoStack *undo = m_document->undoStack();
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("first")));
    QVERIFY(edit(kRecording + QStringLiteral("recordingReconnectWindowSeconds"), 30));
    QVERIFY(m_document->addTag(QStringLiteral("new"), QStringLiteral("tag")));
    QCOMPARE(undo->count(), 3);
    QCOMPARE(undo->undoText(), QStringLiteral("Add tag \"new\""));

    undo->undo();
    QVERIFY(!m_model->indexForPath(QStringLiteral("tags[\"new\"]")).isValid());
    undo->undo();
    QCOMPARE(m_model->indexForPath(kRecording + QStringLiteral("recordingReconnectWindowSeconds"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("120"));
    undo->undo();
    QVERIFY(!m_document->hasPendingEdits());
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("name"))), EditState::Unchanged);

    undo->redo();
    undo->redo();
    undo->redo();
    QCOMPARE(m_document->pendingChanges().changes.size(), 3);
    QCOMPARE(m_model->indexForPath(QStringLiteral("name"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("first"));
}

void TestStageEditing::diffTurnsEditsIntoRequests()
{
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("renamed")));
    QVERIFY(edit(kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds"), 8));
    const ivs::StageChanges changes = m_document->pendingChanges();
    QVERIFY(changes.updateStageBody);
    const QJsonObject body = *changes.updateStageBody;
    QCOMPARE(body.value(QStringLiteral("arn")).toString(), seedStage().arn());
    QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("renamed"));
    // The whole recording configuration is sent, so nothing else silently returns to a default.
    const QJsonObject recording =
        body.value(QStringLiteral("autoParticipantRecordingConfiguration")).toObject();
    QCOMPARE(recording.value(QStringLiteral("hlsConfiguration"))
                 .toObject()
                 .value(QStringLiteral("targetSegmentDurationSeconds"))
                 .toInt(),
             8);
    QCOMPARE(recording.value(QStringLiteral("recordingReconnectWindowSeconds")).toInt(), 120);
    QCOMPARE(recording.value(QStringLiteral("mediaTypes")).toArray(),
             QJsonArray{QStringLiteral("AUDIO_ONLY")});
    QVERIFY(!changes.disablesRecording);
    const QString review = changes.reviewText();
    QVERIFY2(review.contains(QStringLiteral("name: \"seed-stage\" → \"renamed\"")),
             qPrintable(review));
    QVERIFY2(review.contains(QStringLiteral("targetSegmentDurationSeconds: 2 → 8")),
             qPrintable(review));
    QVERIFY2(review.contains(QLatin1String("POST /UpdateStage {")), qPrintable(review));
    QVERIFY(!review.contains(QLatin1String("/tags/")));
}

void TestStageEditing::disablingRecordingSendsOnlyTheEmptyArn()
{
    QVERIFY(edit(kRecording + QStringLiteral("storageConfigurationArn"), QString()));
    const ivs::StageChanges changes = m_document->pendingChanges();
    QVERIFY(changes.disablesRecording);
    QCOMPARE(changes.updateStageBody->value(QStringLiteral("autoParticipantRecordingConfiguration"))
                 .toObject(),
             (QJsonObject{{QStringLiteral("storageConfigurationArn"), QString()}}));
    QVERIFY2(changes.reviewText().contains(QLatin1String("Recording will be turned OFF")),
             qPrintable(changes.reviewText()));
    // What the service will do to the other settings shows in the tree before anything is sent.
    const QModelIndex segment = m_model->indexForPath(
        kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds"));
    QCOMPARE(segment.siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
             QStringLiteral("6"));
    QCOMPARE(stateOf(segment), EditState::Changed);
    QVERIFY2(changes.reviewText().contains(QStringLiteral("targetSegmentDurationSeconds: 2 → 6")),
             qPrintable(changes.reviewText()));
    QCOMPARE(changes.changes.size(), 8); // the ARN and the seven settings that reset

    // While recording is off, the other settings cannot be given values that would not stick.
    const QModelIndex reconnect =
        m_model->indexForPath(kRecording + QStringLiteral("recordingReconnectWindowSeconds"))
            .siblingAtColumn(StageTreeModel::ValueColumn);
    QVERIFY(!(m_model->flags(reconnect) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(reconnect, 60));
    QVERIFY(
        m_model->flags(m_model->indexForPath(kRecording + QStringLiteral("storageConfigurationArn"))
                           .siblingAtColumn(StageTreeModel::ValueColumn)) &
        Qt::ItemIsEditable);
    // Undo brings every reset value back in one step.
    m_document->undoStack()->undo();
    QVERIFY(!m_document->hasPendingEdits());
}

void TestStageEditing::revertDropsEverything()
{
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("gone")));
    QVERIFY(m_document->removeTag(QStringLiteral("owner")));
    m_document->revertEdits();
    QVERIFY(!m_document->hasPendingEdits());
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("tags[\"owner\"]"))),
             EditState::Unchanged);
}

void TestStageEditing::aNewStageStartsWithoutEdits()
{
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("gone")));
    m_document->setStage(seedStage());
    QVERIFY(!m_document->hasPendingEdits());
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestStageEditing::keepingEditsOverAFreshStageShowsOnlyWhatIsLeft()
{
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("renamed")));
    QVERIFY(m_document->addTag(QStringLiteral("new"), QStringLiteral("tag")));
    // The service took the rename but not the tag.
    QJsonObject json = seedStage().json();
    json.insert(QStringLiteral("name"), QStringLiteral("renamed"));
    m_document->replaceStageKeepingEdits(*ivs::Stage::fromJson(json, nullptr));
    const ivs::StageChanges left = m_document->pendingChanges();
    QCOMPARE(left.changes.size(), 1);
    QCOMPARE(left.changes.at(0).path, QStringLiteral("tags[\"new\"]"));
    QCOMPARE(stateOf(m_model->indexForPath(QStringLiteral("name"))), EditState::Unchanged);
}

QTEST_MAIN(TestStageEditing)
#include "tst_stage_editing.moc"
