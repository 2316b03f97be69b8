#include "aws/environment_credential_provider.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "model/stage_tree_model.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "workspace/stage_browser.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace testsupport;

namespace {
const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kOtherArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/other");
} // namespace

// The controller between the window and the client: validation, supersession, keeping the
// last good tree.
class TestStageBrowser : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void invalidTextIsRejectedWithoutARequest_data();
    void invalidTextIsRejectedWithoutARequest();
    void successFillsTheModel();
    void failureKeepsTheLastGoodTree();
    void newerLookupSupersedesAnOlderOne();
    void cancelStopsTheLookup();
    void refreshLooksTheShownStageUpAgain();
    void refreshSupersedesALookupInFlight();

private:
    std::unique_ptr<ScriptedEndpoint> m_endpoint;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::StaticCredentialProvider> m_credentials;
    std::unique_ptr<ivs::IvsClient> m_client;
    std::unique_ptr<document::StageDocument> m_document;
    std::unique_ptr<model::StageTreeModel> m_model;
    std::unique_ptr<workspace::StageBrowser> m_browser;
};

void TestStageBrowser::init()
{
    m_endpoint = std::make_unique<ScriptedEndpoint>();
    QVERIFY(m_endpoint->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_credentials = std::make_unique<aws::StaticCredentialProvider>(
        aws::Credentials{QStringLiteral("AKIDTEST"), QStringLiteral("secret"), {}, {}},
        QStringLiteral("test"));
    aws::EndpointConfig endpoint;
    endpoint.overrideUrl = m_endpoint->url();
    m_client = std::make_unique<ivs::IvsClient>(m_network.get(), m_credentials.get(), endpoint);
    m_document = std::make_unique<document::StageDocument>();
    m_model = std::make_unique<model::StageTreeModel>(*m_document);
    m_browser = std::make_unique<workspace::StageBrowser>(*m_client, *m_document);
}

void TestStageBrowser::cleanup()
{
    m_browser.reset();
    m_model.reset();
    m_document.reset();
    m_client.reset();
    m_credentials.reset();
    m_network.reset();
    m_endpoint.reset();
}

void TestStageBrowser::invalidTextIsRejectedWithoutARequest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no stage id") << QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/")
                                 << QStringLiteral("no stage ID");
    // Signed for a region that does not exist, it would go to a host that does not exist.
    QTest::newRow("region without dashes")
        << QStringLiteral("arn:aws:ivs:uswest2:123456789012:stage/abcdABCDefgh")
        << QStringLiteral("Region \"uswest2\" is not valid");
    QTest::newRow("five-digit account")
        << QStringLiteral("arn:aws:ivs:us-west-2:12345:stage/abcdABCDefgh")
        << QStringLiteral("12-digit number");
}

void TestStageBrowser::invalidTextIsRejectedWithoutARequest()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QSignalSpy rejected(m_browser.get(), &workspace::StageBrowser::inputRejected);
    QSignalSpy busy(m_browser.get(), &workspace::StageBrowser::busyChanged);
    m_browser->lookUp(text);
    QCOMPARE(rejected.count(), 1);
    QVERIFY2(rejected.at(0).at(0).toString().contains(reason),
             qPrintable(rejected.at(0).at(0).toString()));
    QVERIFY(waitUntilIdle(*m_client)); // a request sent after all would be answered by now
    QCOMPARE(busy.count(), 0);
    QVERIFY(m_endpoint->requests().isEmpty());
}

void TestStageBrowser::successFillsTheModel()
{
    m_endpoint->enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    QSignalSpy busy(m_browser.get(), &workspace::StageBrowser::busyChanged);
    m_browser->lookUp(QStringLiteral("  ") + kArn);
    QVERIFY(m_browser->isBusy());
    QVERIFY(shown.wait());
    QCOMPARE(shown.at(0).at(0).toString(), kArn);
    QCOMPARE(shown.at(0).at(1).toString(), QStringLiteral("seed-stage"));
    QCOMPARE(m_browser->shownArn(), kArn);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestStageBrowser::failureKeepsTheLastGoodTree()
{
    m_endpoint->enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    m_endpoint->enqueue(
        awsErrorResponse(403, "AccessDeniedException", QStringLiteral("User is not authorized")));
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    QSignalSpy failed(m_browser.get(), &workspace::StageBrowser::lookupFailed);
    m_browser->lookUp(kArn);
    QVERIFY(shown.wait());
    m_browser->lookUp(kOtherArn);
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).toString(), kOtherArn);
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("Access denied")));
    QCOMPARE(m_browser->shownArn(), kArn);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestStageBrowser::newerLookupSupersedesAnOlderOne()
{
    QByteArray second = readTestData(QStringLiteral("get_stage_seed_response.json"));
    second.replace("seed-stage", "second-stage");
    m_endpoint->setHandler([second](const net::HttpRequest &request) {
        return request.body.contains("other")
                   ? net::HttpResponse::json(200, second)
                   : net::HttpResponse::json(
                         200, readTestData(QStringLiteral("get_stage_seed_response.json")));
    });
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    m_browser->lookUp(kArn);
    m_browser->lookUp(kOtherArn);
    QVERIFY(shown.wait());
    QVERIFY(waitUntilIdle(*m_client)); // the first answer, had it not been dropped, is in too
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(1).toString(), QStringLiteral("second-stage"));
}

void TestStageBrowser::cancelStopsTheLookup()
{
    m_endpoint->enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    QSignalSpy busy(m_browser.get(), &workspace::StageBrowser::busyChanged);
    QSignalSpy cancelled(m_browser.get(), &workspace::StageBrowser::lookupCancelled);
    m_browser->lookUp(kArn);
    m_browser->cancel();
    QVERIFY(!m_browser->isBusy());
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.at(0).at(0).toString(), kArn);
    m_browser->cancel(); // nothing in flight: nothing to tell
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(waitUntilIdle(*m_client)); // the answer, had the request gone on, is in by now
    QCOMPARE(shown.count(), 0);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestStageBrowser::refreshLooksTheShownStageUpAgain()
{
    QSignalSpy started(m_browser.get(), &workspace::StageBrowser::lookupStarted);
    m_browser->refresh(); // nothing asked for yet
    QCOMPARE(started.count(), 0);

    QByteArray renamed = readTestData(QStringLiteral("get_stage_seed_response.json"));
    renamed.replace("seed-stage", "renamed-stage");
    m_endpoint->enqueue(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    m_endpoint->enqueue(net::HttpResponse::json(200, renamed));
    m_endpoint->enqueue(
        awsErrorResponse(403, "AccessDeniedException", QStringLiteral("User is not authorized")));
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    QSignalSpy failed(m_browser.get(), &workspace::StageBrowser::lookupFailed);
    m_browser->lookUp(kArn);
    QVERIFY(shown.wait());

    m_browser->refresh();
    QCOMPARE(started.count(), 2);
    QVERIFY(shown.wait());
    QCOMPARE(shown.at(1).at(1).toString(), QStringLiteral("renamed-stage"));
    QCOMPARE(m_endpoint->requests().size(), 2);
    QVERIFY(m_endpoint->requests().at(1).body.contains(kArn.toUtf8()));

    // A failed refresh keeps the last good tree, as a failed lookup does.
    m_browser->refresh();
    QVERIFY(failed.wait());
    QCOMPARE(m_browser->shownArn(), kArn);
    QCOMPARE(m_model->rowCount(), 6);
}

void TestStageBrowser::refreshSupersedesALookupInFlight()
{
    m_endpoint->setFallback(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QSignalSpy started(m_browser.get(), &workspace::StageBrowser::lookupStarted);
    QSignalSpy shown(m_browser.get(), &workspace::StageBrowser::stageShown);
    QSignalSpy busy(m_browser.get(), &workspace::StageBrowser::busyChanged);
    m_browser->lookUp(kArn);
    // The request in flight was made for the old connection: it is replaced, not awaited.
    m_browser->refresh();
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).at(0).toString(), kArn);
    QVERIFY(m_browser->isBusy());
    QVERIFY(shown.wait());
    // A second answer, had the first request not been dropped, is in by now.
    QVERIFY(waitUntilIdle(*m_client));
    QCOMPARE(shown.count(), 1);
    QCOMPARE(busy.count(), 2);
}

QTEST_GUILESS_MAIN(TestStageBrowser)
#include "tst_stage_browser.moc"
