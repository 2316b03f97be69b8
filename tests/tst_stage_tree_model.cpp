#include "demo/demo_stages.h"
#include "document/stage_document.h"
#include "ivs/stage.h"
#include "model/stage_tree_model.h"
#include "model/tree_text.h"
#include "support/test_data.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using model::StageTreeModel;

namespace {

ivs::Stage seedStage()
{
    const auto stage = ivs::Stage::fromGetStageResponse(
        testsupport::readTestData(QStringLiteral("get_stage_seed_response.json")), nullptr);
    Q_ASSERT(stage);
    return *stage;
}

ivs::Stage demoStage(int which)
{
    const auto stage = ivs::Stage::fromJson(demo::sampleStages().at(which), nullptr);
    Q_ASSERT(stage);
    return *stage;
}

QString valueAt(const StageTreeModel &tree, const QString &path)
{
    return tree.indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn).data().toString();
}

} // namespace

class TestStageTreeModel : public QObject {
    Q_OBJECT
private slots:
    void emptyModelHasNoRows();
    void passesModelTesterThroughResetsAndClear();
    void topLevelRowsFollowTheApi();
    void displaysValuesReadably();
    void copiesLeafValuesAndGroupsAsJson();
    void mimeDataCarriesTheCopyText();
    void tooltipsCarryTheApiDescription();
    void endpointsAreFlagged();
    void treeTextMarksDefaults();
};

void TestStageTreeModel::emptyModelHasNoRows()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tree.rowCount(), 0);
    QVERIFY(!document.stage().has_value());
    QVERIFY(!tree.indexForPath(QStringLiteral("name")).isValid());
}

void TestStageTreeModel::passesModelTesterThroughResetsAndClear()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&tree, &QAbstractItemModel::modelReset);
    document.setStage(seedStage());
    document.setStage(demoStage(2));
    QCOMPARE(document.stage()->name(), QStringLiteral("town-hall"));
    document.clear();
    QCOMPARE(tree.rowCount(), 0);
    document.setStage(demoStage(1));
    QCOMPARE(resets.count(), 4);
    QCOMPARE(tree.columnCount(), 3);
    QCOMPARE(tree.headerData(StageTreeModel::NoteColumn, Qt::Horizontal).toString(),
             QStringLiteral("Note"));
}

void TestStageTreeModel::topLevelRowsFollowTheApi()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(seedStage());
    QStringList keys;
    for (int row = 0; row < tree.rowCount(); ++row)
        keys.append(tree.index(row, 0).data().toString());
    QCOMPARE(keys, (QStringList{QStringLiteral("arn"), QStringLiteral("name"),
                                QStringLiteral("activeSessionId"), QStringLiteral("tags"),
                                QStringLiteral("autoParticipantRecordingConfiguration"),
                                QStringLiteral("endpoints")}));
    const QModelIndex tags = tree.indexForPath(QStringLiteral("tags"));
    QCOMPARE(tree.rowCount(tags), 2);
    QCOMPARE(tree.index(0, 0, tags).data().toString(), QStringLiteral("environment"));
    QCOMPARE(tree.index(0, StageTreeModel::ValueColumn, tags).data().toString(),
             QStringLiteral("staging"));
}

void TestStageTreeModel::displaysValuesReadably()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(seedStage());
    QCOMPARE(valueAt(tree, QStringLiteral("tags")), QStringLiteral("2 tags"));
    QCOMPARE(
        valueAt(tree, QStringLiteral(
                          "autoParticipantRecordingConfiguration.thumbnailConfiguration.storage")),
        QStringLiteral("SEQUENTIAL, LATEST"));
    QCOMPARE(valueAt(tree, QStringLiteral(
                               "autoParticipantRecordingConfiguration.recordParticipantReplicas")),
             QStringLiteral("false"));
    QCOMPARE(valueAt(tree, QStringLiteral("autoParticipantRecordingConfiguration.hlsConfiguration."
                                          "targetSegmentDurationSeconds")),
             QStringLiteral("2"));

    document.setStage(demoStage(1)); // podcast-room: explicit "" storage configuration, no tags
    QCOMPARE(valueAt(tree, QStringLiteral("tags")), QStringLiteral("no tags"));
    const QModelIndex storage = tree.indexForPath(
        QStringLiteral("autoParticipantRecordingConfiguration.storageConfigurationArn"));
    QCOMPARE(storage.siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
             QStringLiteral("(empty)"));
    // Returned by the service, yet equal to the default: its meaning is still spelled out.
    QVERIFY(!storage.data(StageTreeModel::IsDefaultRole).toBool());
    QVERIFY(storage.siblingAtColumn(StageTreeModel::NoteColumn)
                .data()
                .toString()
                .contains(QLatin1String("recording is off")));
    QCOMPARE(valueAt(tree, QStringLiteral("activeSessionId")), QStringLiteral("—"));
}

void TestStageTreeModel::copiesLeafValuesAndGroupsAsJson()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(seedStage());
    const QModelIndex whip = tree.indexForPath(QStringLiteral("endpoints.whip"));
    QCOMPARE(whip.data(StageTreeModel::CopyTextRole).toString(),
             QStringLiteral("https://0123456789ab.global-bm.whip.live-video.net"));
    // Any column of the row copies the same thing.
    QCOMPARE(whip.siblingAtColumn(StageTreeModel::NoteColumn)
                 .data(StageTreeModel::CopyTextRole)
                 .toString(),
             whip.data(StageTreeModel::CopyTextRole).toString());

    const QModelIndex thumbnails = tree.indexForPath(
        QStringLiteral("autoParticipantRecordingConfiguration.thumbnailConfiguration"));
    const QJsonObject copied =
        QJsonDocument::fromJson(thumbnails.data(StageTreeModel::CopyTextRole).toString().toUtf8())
            .object();
    QCOMPARE(copied.value(QStringLiteral("targetIntervalSeconds")).toInt(), 10);
    QCOMPARE(copied.value(QStringLiteral("recordingMode")).toString(), QStringLiteral("INTERVAL"));
    QCOMPARE(copied.value(QStringLiteral("storage")).toArray().size(), 2);

    // Copying a group that the service omitted gives the effective (default) values.
    document.setStage(demoStage(2));
    const QJsonObject hls =
        QJsonDocument::fromJson(
            tree.indexForPath(
                    QStringLiteral("autoParticipantRecordingConfiguration.hlsConfiguration"))
                .data(StageTreeModel::CopyTextRole)
                .toString()
                .toUtf8())
            .object();
    QCOMPARE(hls, (QJsonObject{{QStringLiteral("targetSegmentDurationSeconds"), 6}}));
}

void TestStageTreeModel::mimeDataCarriesTheCopyText()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(seedStage());
    const QModelIndex name = tree.indexForPath(QStringLiteral("name"));
    std::unique_ptr<QMimeData> mime(
        tree.mimeData({name, name.siblingAtColumn(StageTreeModel::ValueColumn)}));
    QCOMPARE(mime->text(), QStringLiteral("seed-stage")); // one row, once
}

void TestStageTreeModel::tooltipsCarryTheApiDescription()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(demoStage(2));
    const QString segment =
        tree.indexForPath(QStringLiteral("autoParticipantRecordingConfiguration.hlsConfiguration."
                                         "targetSegmentDurationSeconds"))
            .data(Qt::ToolTipRole)
            .toString();
    QVERIFY2(segment.contains(QLatin1String("Defines the target duration for recorded segments")),
             qPrintable(segment));
    QVERIFY2(segment.contains(QLatin1String("did not return this field")), qPrintable(segment));
    const QString whip =
        tree.indexForPath(QStringLiteral("endpoints.whip")).data(Qt::ToolTipRole).toString();
    QVERIFY2(whip.contains(QLatin1String("WHIP protocol")), qPrintable(whip));
}

void TestStageTreeModel::endpointsAreFlagged()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(seedStage());
    for (const QString &name : {QStringLiteral("events"), QStringLiteral("whip"),
                                QStringLiteral("rtmp"), QStringLiteral("rtmps")})
        QVERIFY(tree.indexForPath(QStringLiteral("endpoints.") + name)
                    .data(StageTreeModel::IsEndpointRole)
                    .toBool());
    QVERIFY(
        !tree.indexForPath(QStringLiteral("name")).data(StageTreeModel::IsEndpointRole).toBool());
}

void TestStageTreeModel::treeTextMarksDefaults()
{
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(demoStage(2)); // town-hall: no recording configuration, no RTMP endpoints
    const QStringList lines =
        model::renderTreeText(tree).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 21); // 20 documented fields and groups + 1 tag
    auto lineFor = [&lines](const QString &prefix) {
        for (const QString &line : lines) {
            if (line.startsWith(prefix))
                return line;
        }
        return QString();
    };
    QVERIFY(lineFor(QStringLiteral("name ")).endsWith(QLatin1String("town-hall")));
    const QString segment = lineFor(QStringLiteral("    targetSegmentDurationSeconds"));
    QVERIFY2(segment.contains(QLatin1String(" 6  [default]")), qPrintable(segment));
    const QString rtmp = lineFor(QStringLiteral("  rtmp "));
    QVERIFY2(rtmp.contains(QLatin1String("[not returned")), qPrintable(rtmp));
    QVERIFY2(!lineFor(QStringLiteral("  whip")).contains(QLatin1Char('[')),
             "returned values carry no mark");
}

QTEST_MAIN(TestStageTreeModel)
#include "tst_stage_tree_model.moc"
