#include "ivs/ivs_client.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/idle.h"
#include "support/raw_tcp_server.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/busy_indicator.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <algorithm>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// Once a stage is shown the window also lists its region's storage configurations and checks
// the stage (its storage configuration, its sessions). These tests are about GetStage: the other
// requests get plain answers at once and stay out of the counts.
void scriptGetStage(ScriptedEndpoint &endpoint, QList<net::HttpResponse> answers,
                    const net::HttpResponse &fallback)
{
    endpoint.setHandler([answers, fallback](const net::HttpRequest &request) mutable {
        if (request.path == "/ListStorageConfigurations")
            return net::HttpResponse::json(200, "{\"storageConfigurations\": []}");
        if (request.path == "/ListStageSessions")
            return net::HttpResponse::json(200, "{\"stageSessions\": []}");
        if (request.path == "/GetStorageConfiguration")
            return awsErrorResponse(404, "ResourceNotFoundException", QStringLiteral("not here"));
        return answers.isEmpty() ? fallback : answers.takeFirst();
    });
}

qsizetype getStageRequests(const ScriptedEndpoint &endpoint)
{
    return std::count_if(
        endpoint.requests().cbegin(), endpoint.requests().cend(),
        [](const net::HttpRequest &request) { return request.path == "/GetStage"; });
}

} // namespace

// The window when the service misbehaves: what the user sees, and what is kept.
class TestWindowFaults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void failedRefreshKeepsTheTreeAndMarksItStale();
    void retriesAreShownWhileTheyHappen();
    void slowRequestShowsProgressAndCancelReallyAborts();
    void closingTheWindowDuringARequestIsSafe();
    void storageListThatRepeatsItsTokenStopsAndIsReported();
    void aConnectionsProblemGoesWithTheConnection();

private:
    void openWindow(const QString &endpointUrl);
    void typeAndSubmit(const QString &text);

    QTemporaryDir m_home;
    QList<int> m_delays;
    testsupport::WindowRig m_rig;
};

void TestWindowFaults::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
}

void TestWindowFaults::openWindow(const QString &endpointUrl)
{
    workspace::BackendOptions options;
    options.endpointUrl = endpointUrl;
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDWINDOW"));
    options.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                               QStringLiteral("window-secret"));
    options.environment.insert(QStringLiteral("HOME"), m_home.path());
    QString error;
    m_rig.backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.backend->client().setDelayScheduler(
        [this](int ms, QObject *context, std::function<void()> then) {
            m_delays.append(ms);
            QTimer::singleShot(0, context, std::move(then));
        });
    m_rig.assemble();
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestWindowFaults::aConnectionsProblemGoesWithTheConnection()
{
    // No request is made: the endpoint is never reached.
    openWindow(QStringLiteral("http://127.0.0.1:9"));
    const QString problem = QStringLiteral("No keychain service is available.");
    emit m_rig.profiles->connectionProblem(problem);
    ui::MessageBanner *banner = m_rig.window->banner();
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->text(), problem);

    // Another connection: the old one's complaint is gone.
    const auto choices = m_rig.profiles->choices();
    const auto demo = std::find_if(choices.cbegin(), choices.cend(), [](const auto &choice) {
        return choice.kind == workspace::ConnectionChoice::Kind::Demo;
    });
    QVERIFY(demo != choices.cend());
    QString error;
    QVERIFY2(m_rig.profiles->choose(*demo, &error), qPrintable(error));
    QVERIFY2(banner->isHidden() || banner->text() != problem, qPrintable(banner->text()));
}

void TestWindowFaults::cleanup()
{
    m_rig.reset();
    m_delays.clear();
}

void TestWindowFaults::typeAndSubmit(const QString &text)
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestWindowFaults::failedRefreshKeepsTheTreeAndMarksItStale()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    net::HttpResponse page;
    page.status = 502;
    page.headers = {{"Content-Type", "text/html"}};
    page.body = "<html><title>502 Bad Gateway</title></html>";
    scriptGetStage(endpoint,
                   {net::HttpResponse::json(
                       200, readTestData(QStringLiteral("get_stage_seed_response.json")))},
                   page);
    openWindow(endpoint.url().toString());

    typeAndSubmit(kArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    QVERIFY(!m_rig.document->isStale());
    QSignalSpy failed(m_rig.browser, &workspace::StageBrowser::lookupFailed);
    typeAndSubmit(QStringLiteral("  ") + kArn); // the same stage again, as pasted
    QTRY_COMPARE(failed.count(), 1);

    QCOMPARE(getStageRequests(endpoint), 4); // one good answer, then three attempts
    const QString message = m_rig.window->banner()->text();
    QVERIFY2(message.contains(QLatin1String("Unexpected response (text/html) (HTTP 502)")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Gave up after 3 attempts")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("marked stale")), qPrintable(message));
    QCOMPARE(m_rig.window->arnInput()->text(), QStringLiteral("  ") + kArn);
    QCOMPARE(m_rig.model->rowCount(), 6);
    QCOMPARE(m_rig.model->indexForPath(QStringLiteral("name"))
                 .siblingAtColumn(StageTreeModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("seed-stage"));
    QVERIFY(m_rig.document->isStale());
    QVERIFY(m_rig.model->headerData(StageTreeModel::ValueColumn, Qt::Horizontal)
                .toString()
                .contains(QLatin1String("stale")));
    QCOMPARE(m_delays.size(), 2);
}

void TestWindowFaults::retriesAreShownWhileTheyHappen()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const net::HttpResponse stage =
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json")));
    scriptGetStage(
        endpoint,
        {awsErrorResponse(429, "ThrottlingException", QStringLiteral("Rate exceeded")), stage},
        stage);
    openWindow(endpoint.url().toString());
    QStringList messages;
    connect(m_rig.window->statusBar(), &QStatusBar::messageChanged, this,
            [&messages](const QString &text) { messages.append(text); });
    typeAndSubmit(kArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    QVERIFY2(messages.filter(QStringLiteral("retrying in")).size() == 1,
             qPrintable(messages.join(QLatin1Char('|'))));
    QVERIFY(!m_rig.document->isStale());
}

void TestWindowFaults::slowRequestShowsProgressAndCancelReallyAborts()
{
    RawTcpServer server(RawTcpServer::Behaviour::NeverAnswer);
    QVERIFY(server.start());
    openWindow(server.url());
    ui::BusyIndicator *busy = m_rig.window->busyIndicator();
    QVERIFY(busy->isHidden());

    typeAndSubmit(kArn);
    QVERIFY(m_rig.browser->isBusy());
    QVERIFY2(busy->isHidden(), "not shown for the first moments");
    QTRY_VERIFY_WITH_TIMEOUT(busy->isVisible(), 2000);
    QTRY_COMPARE(server.connectionsAccepted(), 1);

    QTest::mouseClick(busy->cancelButton(), Qt::LeftButton);
    QVERIFY(!m_rig.browser->isBusy());
    QVERIFY(busy->isHidden());
    QTRY_COMPARE(server.connectionsClosedByPeer(), 1); // the request was aborted, not abandoned
    QCOMPARE(m_rig.window->arnInput()->text(), kArn);
    QVERIFY(m_rig.window->banner()->text().isEmpty()); // cancelling is not an error
    QCOMPARE(m_rig.window->statusBar()->currentMessage(), QStringLiteral("Cancelled."));
}

void TestWindowFaults::closingTheWindowDuringARequestIsSafe()
{
    RawTcpServer server(RawTcpServer::Behaviour::NeverAnswer);
    QVERIFY(server.start());
    openWindow(server.url());
    typeAndSubmit(kArn);
    QTRY_COMPARE(server.connectionsAccepted(), 1);
    m_rig.window->close();
    cleanup(); // window, controller, browser, model and backend go while the request is open
    QTRY_COMPARE(server.connectionsClosedByPeer(), 1);
    // The network manager waited for its thread as it went: whatever that posted for the
    // destroyed objects is queued, and runs now (ASan would tell).
    QVERIFY(drainPostedEvents());
}

// The storage configuration picker is filled once a stage is shown. A server that answers
// ListStorageConfigurations with the same token every time is asked twice, and the window says
// why the picker is empty.
void TestWindowFaults::storageListThatRepeatsItsTokenStopsAndIsReported()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const net::HttpResponse stage =
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json")));
    endpoint.setHandler([stage](const net::HttpRequest &request) {
        if (request.path == "/ListStorageConfigurations")
            return listPage(QStringLiteral("storageConfigurations"), {}, QStringLiteral("same"));
        if (request.path == "/ListStageSessions")
            return net::HttpResponse::json(200, "{\"stageSessions\": []}");
        if (request.path == "/GetStorageConfiguration")
            return awsErrorResponse(404, "ResourceNotFoundException", QStringLiteral("not here"));
        return stage;
    });
    openWindow(endpoint.url().toString());
    QSignalSpy failed(m_rig.editor, &workspace::StageEditor::storageChoicesFailed);

    typeAndSubmit(kArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(endpoint.requestsTo("/ListStorageConfigurations"), 2);
    // In the status bar: the stage is shown, only the picker is short of choices.
    const QString message = m_rig.window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("storage configurations in us-west-2 could not be "
                                            "listed")),
             qPrintable(message));
    QVERIFY2(
        message.contains(QLatin1String("ListStorageConfigurations sent a repeated page token")),
        qPrintable(message));
    QVERIFY(!m_rig.window->banner()->isVisible());

    // Reading the stage again lists again, and again stops: two more requests, no more. Had the
    // first listing gone on, it would have sent many by the time the second one ended.
    m_rig.window->reload();
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(endpoint.requestsTo("/ListStorageConfigurations"), 4);
    QCOMPARE(getStageRequests(endpoint), 2);
}

QTEST_MAIN(TestWindowFaults)
#include "tst_window_faults.moc"
