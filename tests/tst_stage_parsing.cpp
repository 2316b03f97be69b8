#include "document/stage_document.h"
#include "ivs/stage.h"
#include "ivs/stage_schema.h"
#include "model/stage_tree_model.h"
#include "support/json_paths.h"
#include "support/test_data.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using model::StageTreeModel;
using model::ValueOrigin;
using testsupport::valueAtPath;

namespace {

QJsonObject seedStage()
{
    return QJsonDocument::fromJson(
               testsupport::readTestData(QStringLiteral("get_stage_seed_response.json")))
        .object()
        .value(QStringLiteral("stage"))
        .toObject();
}

// Every documented leaf and group path of the schema, e.g. "endpoints.whip".
void collectPaths(const ivs::FieldSpec &spec, const QString &prefix, QStringList &paths)
{
    for (const ivs::FieldSpec &child : spec.children) {
        const QString path = prefix.isEmpty() ? child.name : prefix + QLatin1Char('.') + child.name;
        paths.append(path);
        collectPaths(child, path, paths);
    }
}

QStringList documentedPaths()
{
    QStringList paths;
    collectPaths(ivs::stageSchema(), QString(), paths);
    return paths;
}

const ivs::FieldSpec *specAt(const QString &path)
{
    const ivs::FieldSpec *spec = &ivs::stageSchema();
    for (const QString &key : path.split(QLatin1Char('.')))
        spec = spec ? spec->child(key) : nullptr;
    return spec;
}

ValueOrigin originOf(const QModelIndex &index)
{
    return static_cast<ValueOrigin>(index.data(StageTreeModel::ValueOriginRole).toInt());
}

} // namespace

class TestStageParsing : public QObject {
    Q_OBJECT
private slots:
    void seedResponseShowsEveryFieldAsReturned();
    void omittedFieldShowsDocumentedDefault_data();
    void omittedFieldShowsDocumentedDefault();
    void unknownMembersAreIgnoredButKept();
    void wrongTypesAreRejectedNamingTheMember_data();
    void wrongTypesAreRejectedNamingTheMember();
    void malformedBodiesAreRejected_data();
    void malformedBodiesAreRejected();
    void nullMembersCountAsOmitted();
};

void TestStageParsing::seedResponseShowsEveryFieldAsReturned()
{
    const QByteArray body =
        testsupport::readTestData(QStringLiteral("get_stage_seed_response.json"));
    QString error;
    const auto stage = ivs::Stage::fromGetStageResponse(body, &error);
    QVERIFY2(stage, qPrintable(error));
    QCOMPARE(stage->arn(), QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh"));
    QCOMPARE(stage->name(), QStringLiteral("seed-stage"));

    document::StageDocument document;
    StageTreeModel tree(document);
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.setStage(*stage);
    const QStringList paths = documentedPaths();
    QCOMPARE(paths.size(), 20); // arn, name, activeSessionId, tags + recording (11) + endpoints (5)
    for (const QString &path : paths) {
        const QModelIndex index = tree.indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        QCOMPARE(originOf(index), ValueOrigin::Service);
        QCOMPARE(index.data(StageTreeModel::IsDefaultRole).toBool(), false);
        QCOMPARE(index.data(StageTreeModel::JsonValueRole).value<QJsonValue>(),
                 valueAtPath(seedStage(), path));
    }
    QCOMPARE(tree.indexForPath(QStringLiteral("tags[\"owner\"]"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("stream-ops"));
}

void TestStageParsing::omittedFieldShowsDocumentedDefault_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : documentedPaths()) {
        if (path != QLatin1String("arn")) // the one member the API always returns
            QTest::newRow(qPrintable(path)) << path;
    }
}

void TestStageParsing::omittedFieldShowsDocumentedDefault()
{
    QFETCH(QString, path);
    const QJsonObject stageJson = testsupport::withoutPath(seedStage(), path);
    QString error;
    const auto stage = ivs::Stage::fromJson(stageJson, &error);
    QVERIFY2(stage, qPrintable(error));

    document::StageDocument document;
    StageTreeModel tree(document);
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.setStage(*stage);
    const QModelIndex index = tree.indexForPath(path);
    QVERIFY2(index.isValid(), "an omitted field still has its row");
    const ivs::FieldSpec *spec = specAt(path);
    QVERIFY(spec);
    const QString note = index.siblingAtColumn(StageTreeModel::NoteColumn).data().toString();

    if (spec->type == ivs::FieldType::Object) {
        // A missing group still lists its members, each with its own default or absence.
        QCOMPARE(tree.rowCount(index), static_cast<int>(spec->children.size()));
        QVERIFY(originOf(index) != ValueOrigin::Service);
        QVERIFY2(!note.isEmpty(), "a missing group is marked");
        for (int row = 0; row < tree.rowCount(index); ++row) {
            const QModelIndex member = tree.index(row, 0, index);
            QVERIFY(originOf(member) != ValueOrigin::Service);
        }
    } else if (spec->hasDefault()) {
        QCOMPARE(originOf(index), ValueOrigin::Default);
        QVERIFY(index.data(StageTreeModel::IsDefaultRole).toBool());
        QCOMPARE(index.data(StageTreeModel::JsonValueRole).value<QJsonValue>(), spec->defaultValue);
        QVERIFY2(note.startsWith(QLatin1String("default")), qPrintable(note));
        QVERIFY(index.siblingAtColumn(StageTreeModel::ValueColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .italic());
    } else {
        QCOMPARE(originOf(index), ValueOrigin::NotReturned);
        QVERIFY(!index.data(StageTreeModel::IsDefaultRole).toBool());
        QVERIFY2(note.startsWith(QLatin1String("not returned")), qPrintable(note));
    }

    // Everything else is still shown as the service sent it.
    for (const QString &other : documentedPaths()) {
        if (other == path || other.startsWith(path + QLatin1Char('.')) ||
            path.startsWith(other + QLatin1Char('.')))
            continue;
        QCOMPARE(originOf(tree.indexForPath(other)), ValueOrigin::Service);
    }
}

void TestStageParsing::unknownMembersAreIgnoredButKept()
{
    QJsonObject stageJson = seedStage();
    stageJson.insert(QStringLiteral("futureFeature"),
                     QJsonObject{{QStringLiteral("enabled"), true}});
    stageJson = testsupport::withPath(
        stageJson, QStringLiteral("autoParticipantRecordingConfiguration.newKnob"), 7);
    QString error;
    const auto stage = ivs::Stage::fromJson(stageJson, &error);
    QVERIFY2(stage, qPrintable(error));
    QCOMPARE(stage->json()
                 .value(QStringLiteral("futureFeature"))
                 .toObject()
                 .value(QStringLiteral("enabled")),
             QJsonValue(true));

    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(*stage);
    QVERIFY(!tree.indexForPath(QStringLiteral("futureFeature")).isValid());
    QCOMPARE(tree.rowCount(), static_cast<int>(ivs::stageSchema().children.size()));
}

void TestStageParsing::wrongTypesAreRejectedNamingTheMember_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name number") << QStringLiteral("name") << QJsonValue(42)
                                 << QStringLiteral("a string");
    QTest::newRow("tags list") << QStringLiteral("tags") << QJsonValue(QJsonArray{1})
                               << QStringLiteral("an object of string values");
    QTest::newRow("tag value number") << QStringLiteral("tags.owner") << QJsonValue(3)
                                      << QStringLiteral("an object of string values");
    QTest::newRow("mediaTypes string")
        << QStringLiteral("autoParticipantRecordingConfiguration.mediaTypes")
        << QJsonValue(QStringLiteral("AUDIO_VIDEO")) << QStringLiteral("a list of strings");
    QTest::newRow("interval fraction")
        << QStringLiteral(
               "autoParticipantRecordingConfiguration.thumbnailConfiguration.targetIntervalSeconds")
        << QJsonValue(1.5) << QStringLiteral("an integer");
    QTest::newRow("segment string")
        << QStringLiteral("autoParticipantRecordingConfiguration.hlsConfiguration."
                          "targetSegmentDurationSeconds")
        << QJsonValue(QStringLiteral("6")) << QStringLiteral("an integer");
    QTest::newRow("replicas string")
        << QStringLiteral("autoParticipantRecordingConfiguration.recordParticipantReplicas")
        << QJsonValue(QStringLiteral("true")) << QStringLiteral("a boolean");
    QTest::newRow("endpoints list")
        << QStringLiteral("endpoints") << QJsonValue(QJsonArray{}) << QStringLiteral("an object");
    QTest::newRow("whip number") << QStringLiteral("endpoints.whip") << QJsonValue(1)
                                 << QStringLiteral("a string");
}

void TestStageParsing::wrongTypesAreRejectedNamingTheMember()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!ivs::Stage::fromJson(testsupport::withPath(seedStage(), path, value), &error));
    const QString memberPath =
        QStringLiteral("stage.") +
        (path.startsWith(QLatin1String("tags.")) ? QStringLiteral("tags") : path);
    QVERIFY2(error.contains(memberPath), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("should be ") + expected), qPrintable(error));
}

void TestStageParsing::malformedBodiesAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>")
                          << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << QByteArray("{\"stage\": {\"arn\": \"arn:aws")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("expected a JSON object");
    QTest::newRow("no stage") << QByteArray("{\"stages\": []}")
                              << QStringLiteral("no \"stage\" object");
    QTest::newRow("no arn") << QByteArray("{\"stage\": {\"name\": \"x\"}}")
                            << QStringLiteral("stage.arn is missing");
}

void TestStageParsing::malformedBodiesAreRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ivs::Stage::fromGetStageResponse(body, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestStageParsing::nullMembersCountAsOmitted()
{
    const QJsonObject stageJson = testsupport::withPath(
        seedStage(),
        QStringLiteral("autoParticipantRecordingConfiguration.recordingReconnectWindowSeconds"),
        QJsonValue(QJsonValue::Null));
    const auto stage = ivs::Stage::fromJson(stageJson, nullptr);
    QVERIFY(stage);
    document::StageDocument document;
    StageTreeModel tree(document);
    document.setStage(*stage);
    const QModelIndex index = tree.indexForPath(
        QStringLiteral("autoParticipantRecordingConfiguration.recordingReconnectWindowSeconds"));
    QCOMPARE(originOf(index), ValueOrigin::Default);
    QCOMPARE(index.data(StageTreeModel::JsonValueRole).value<QJsonValue>(), QJsonValue(0));
}

QTEST_GUILESS_MAIN(TestStageParsing)
#include "tst_stage_parsing.moc"
