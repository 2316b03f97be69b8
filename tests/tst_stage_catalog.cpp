#include "aws/environment_credential_provider.h"
#include "ivs/ivs_client.h"
#include "ivs/regions.h"
#include "model/stage_filter_model.h"
#include "model/stage_list_model.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "workspace/stage_catalog.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace testsupport;

namespace {

// The region a request was signed for, from its credential scope.
QString signedRegion(const net::HttpRequest &request)
{
    static const QRegularExpression scope(QStringLiteral("Credential=[^/]+/\\d{8}/([^/]+)/ivs/"));
    return scope.match(QString::fromLatin1(request.header("authorization"))).captured(1);
}

ivs::StageSummary summary(const QString &region, const QString &id, const QString &name,
                          QMap<QString, QString> tags = {})
{
    return {QStringLiteral("arn:aws:ivs:%1:123456789012:stage/%2").arg(region, id),
            name,
            {},
            std::move(tags)};
}

} // namespace

// The stage list: many regions at once, one failing without spoiling the others, and the
// filter proxy that searches it.
class TestStageCatalog : public QObject {
    Q_OBJECT
private slots:
    void regionsLoadConcurrentlyAndAFailureStaysLocal();
    void cancelStopsEveryRegion();
    void filterMatchesNameArnIdAndTags();
    void listModelPassesTheModelTester();
    void regionListIsKeptInOnePlace();
};

void TestStageCatalog::regionsLoadConcurrentlyAndAFailureStaysLocal()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        const QString region = signedRegion(request);
        if (region == QLatin1String("eu-west-1"))
            return awsErrorResponse(403, "AccessDeniedException",
                                    QStringLiteral("not in this region"));
        QJsonArray stages;
        for (int i = 0; i < (region == QLatin1String("us-east-1") ? 3 : 2); ++i)
            stages.append(QJsonObject{
                {QStringLiteral("arn"),
                 QStringLiteral("arn:aws:ivs:%1:123456789012:stage/s%2").arg(region).arg(i)},
                {QStringLiteral("name"), QStringLiteral("%1-%2").arg(region).arg(i)}});
        return net::HttpResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("stages"), stages}}).toJson());
    });
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    aws::StaticCredentialProvider provider(
        {QStringLiteral("AKIDCATALOG"), QStringLiteral("s"), {}, {}}, QStringLiteral("test"));
    aws::EndpointConfig config;
    config.overrideUrl = endpoint.url();
    ivs::IvsClient client(&network, &provider, config);
    ivs::RetryPolicy once;
    once.maxAttempts = 1;
    client.setRetryPolicy(once);
    model::StageListModel stages;
    QAbstractItemModelTester tester(&stages,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    workspace::StageCatalog catalog(client, stages);
    QSignalSpy finished(&catalog, &workspace::StageCatalog::finished);
    QSignalSpy failed(&catalog, &workspace::StageCatalog::regionFailed);
    QSignalSpy progress(&catalog, &workspace::StageCatalog::progress);

    catalog.load(
        {QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("us-west-2")});
    // All three requests are out before any answer: nothing waits for another region.
    QVERIFY(catalog.isLoading());
    QVERIFY(finished.wait());
    QCOMPARE(endpoint.requests().size(), 3);
    QCOMPARE(stages.rowCount(), 5);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("eu-west-1"));
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("Access denied")));
    QCOMPARE(finished.at(0).at(0).toInt(), 5);
    QCOMPARE(finished.at(0).at(1).toInt(), 1);
    QCOMPARE(progress.constLast().at(0).toInt(), 3);
    QVERIFY(catalog.failedRegions().contains(QStringLiteral("eu-west-1")));
}

void TestStageCatalog::cancelStopsEveryRegion()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    // Every region would have a stage to show, had its request gone on.
    const QJsonObject stage{
        {QStringLiteral("arn"), QStringLiteral("arn:aws:ivs:us-east-1:123456789012:stage/s0")},
        {QStringLiteral("name"), QStringLiteral("s0")}};
    endpoint.setFallback(net::HttpResponse::json(
        200, QJsonDocument(QJsonObject{{QStringLiteral("stages"), QJsonArray{stage}}}).toJson()));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    aws::StaticCredentialProvider provider(
        {QStringLiteral("AKIDCATALOG"), QStringLiteral("s"), {}, {}}, QStringLiteral("test"));
    aws::EndpointConfig config;
    config.overrideUrl = endpoint.url();
    ivs::IvsClient client(&network, &provider, config);
    model::StageListModel stages;
    workspace::StageCatalog catalog(client, stages);
    QSignalSpy loaded(&catalog, &workspace::StageCatalog::regionLoaded);
    catalog.load(ivs::realTimeRegions());
    catalog.cancel();
    QVERIFY(!catalog.isLoading());
    QVERIFY(waitUntilIdle(client)); // each region's answer, had its request gone on, is in
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(stages.rowCount(), 0);
}

void TestStageCatalog::filterMatchesNameArnIdAndTags()
{
    model::StageListModel stages;
    stages.appendStages(
        QStringLiteral("us-west-2"),
        {summary(QStringLiteral("us-west-2"), QStringLiteral("abcDEF1"),
                 QStringLiteral("studio-main"),
                 {{QStringLiteral("show"), QStringLiteral("Morning Live")}}),
         summary(QStringLiteral("us-west-2"), QStringLiteral("xyz9"), QStringLiteral("podcast")),
         summary(QStringLiteral("us-west-2"), QStringLiteral("qqq"), QStringLiteral("town-hall"),
                 {{QStringLiteral("team"), QStringLiteral("comms")}})});
    model::StageFilterModel filter;
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&stages);
    QCOMPARE(filter.rowCount(), 3);
    filter.setFilterText(QStringLiteral("MORNING"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("studio-main"));
    filter.setFilterText(QStringLiteral("xyz9"));
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("podcast"));
    filter.setFilterText(QStringLiteral("team comms"));
    QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("town-hall"));
    filter.setFilterText(QStringLiteral("stage/qqq"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setFilterText(QStringLiteral("studio podcast")); // every word must match
    QCOMPARE(filter.rowCount(), 0);
    filter.setFilterText(QString());
    QCOMPARE(filter.rowCount(), 3);
    // Rows arriving while a filter is set are filtered too.
    filter.setFilterText(QStringLiteral("eu"));
    stages.appendStages(
        QStringLiteral("eu-west-1"),
        {summary(QStringLiteral("eu-west-1"), QStringLiteral("e1"), QStringLiteral("field"))});
    QCOMPARE(filter.rowCount(), 1);
}

void TestStageCatalog::listModelPassesTheModelTester()
{
    model::StageListModel stages;
    QAbstractItemModelTester tester(&stages,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    stages.appendStages(
        QStringLiteral("us-west-2"),
        {summary(QStringLiteral("us-west-2"), QStringLiteral("a"), QStringLiteral("a"))});
    stages.appendStages(
        QStringLiteral("eu-west-1"),
        {summary(QStringLiteral("eu-west-1"), QStringLiteral("b"), QStringLiteral("b")),
         summary(QStringLiteral("eu-west-1"), QStringLiteral("c"), QStringLiteral("c"))});
    QCOMPARE(stages.rowCount(), 3);
    QCOMPARE(stages.index(1, model::StageListModel::RegionColumn).data().toString(),
             QStringLiteral("eu-west-1"));
    QCOMPARE(stages.index(2, model::StageListModel::IdColumn).data().toString(),
             QStringLiteral("c"));
    stages.removeRegion(QStringLiteral("eu-west-1"));
    QCOMPARE(stages.rowCount(), 1);
    QCOMPARE(stages.arnAt(0), QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/a"));
    stages.clear();
    QCOMPARE(stages.rowCount(), 0);
}

void TestStageCatalog::regionListIsKeptInOnePlace()
{
    const QStringList regions = ivs::realTimeRegions();
    QVERIFY(regions.contains(QStringLiteral("us-east-1")));
    QVERIFY(regions.contains(QStringLiteral("eu-central-1")));
    QCOMPARE(regions.size(), QSet<QString>(regions.begin(), regions.end()).size());
}

QTEST_GUILESS_MAIN(TestStageCatalog)
#include "tst_stage_catalog.moc"
