// The window's live view (ui::LivePanel) on a stage whose session the test changes between polls,
// on a hand-moved clock: counters, participants, the merged timeline, new rows and failures,
// pausing while minimised, another stage; and the panel in the real window on the demo.

#include "demo/demo_live_show.h"
#include "support/demo_stage_fixtures.h"
#include "support/monitor_rig.h"
#include "support/private_bus.h"
#include "support/window_rig.h"
#include "ui/desktop_notifier.h"
#include "ui/disconnect_dialog.h"
#include "ui/live_panel.h"
#include "workspace/live_monitor.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

constexpr int kInterval = workspace::LiveMonitor::kDefaultIntervalMs;

enum TimelineColumn { TimeColumn, WhoColumn, EventColumn, ErrorColumn, ExplanationColumn };

QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

bool isBold(const QTableView *view, int row)
{
    return view->model()->index(row, EventColumn).data(Qt::FontRole).value<QFont>().bold();
}

} // namespace

class TestLivePanel : public QObject {
    Q_OBJECT

private slots:
    void showsCountersParticipantsAndTheTimeline();
    void newRowsStandOutUntilSeen();
    void minimisingPausesAndReturnCatchesUp();
    void sessionEndIsSaid();
    void anotherStageStopsWatching();
    void windowWatchesTheShownStage();
    void failuresNotifyWhenAskedAndAClickShowsTheParticipant();
    void disconnectAsksNamingTheUserAndTheOutcomeIsInTheTimeline();

private:
    // A panel whose monitors run on `rig`'s server and clock.
    static std::unique_ptr<ui::LivePanel> panelOn(MonitorRig &rig)
    {
        return std::make_unique<ui::LivePanel>([&rig](const ivs::StageArn &stage) {
            return std::make_unique<workspace::LiveMonitor>(*rig.client->client, stage, &rig.time,
                                                            rig.budget.get());
        });
    }
    static void showStage(MonitorRig &rig)
    {
        rig.stage.participants[QStringLiteral("s1")] = {
            participant(QStringLiteral("a")),
            participant(QStringLiteral("b"), QStringLiteral("CONNECTED"), false)};
        rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1),
                                                 eventJson(QStringLiteral("PUBLISH_STARTED"), 2)};
        rig.stage.events[QStringLiteral("b")] = {
            eventJson(QStringLiteral("JOINED"), 3),
            eventJson(QStringLiteral("PUBLISH_ERROR"), 4, QStringLiteral("B_FRAME_PRESENT"))};
    }
};

void TestLivePanel::showsCountersParticipantsAndTheTimeline()
{
    MonitorRig rig;
    showStage(rig);
    auto panel = panelOn(rig);
    QVERIFY(!panel->watchButton()->isEnabled()); // no stage yet
    panel->setStage(kMonitorArn);
    QVERIFY(panel->watchButton()->isEnabled());
    QVERIFY(panel->statusLabel()->text().startsWith(QStringLiteral("Not watching.")));

    panel->watchButton()->click();
    QVERIFY(panel->monitor());
    QVERIFY(panel->watchButton()->isChecked());
    rig.time.advance(0);

    QCOMPARE(panel->countersLabel()->text(),
             QStringLiteral("Connected 2 · Publishing 1 · Recording 0 · Failed 1"));
    QVERIFY(panel->statusLabel()->text().startsWith(QStringLiteral("Session s1, in progress")));
    QCOMPARE(panel->participantsView()->model()->rowCount(), 2);
    QCOMPARE(cell(panel->participantsView(), 0, 0), QStringLiteral("user-a"));

    const QTableView *timeline = panel->timelineView();
    QCOMPARE(timeline->model()->rowCount(), 4);
    // Newest first, merged across participants, the failure explained and in red.
    QCOMPARE(cell(timeline, 0, EventColumn), QStringLiteral("PUBLISH_ERROR"));
    QCOMPARE(cell(timeline, 0, WhoColumn), QStringLiteral("user-b"));
    QCOMPARE(cell(timeline, 0, ErrorColumn), QStringLiteral("B_FRAME_PRESENT"));
    QVERIFY(!cell(timeline, 0, ExplanationColumn).isEmpty());
    QCOMPARE(cell(timeline, 3, EventColumn), QStringLiteral("JOINED"));
    // Joined in progress: what happened before is not news.
    QVERIFY(!isBold(timeline, 0));
    const auto red = timeline->model()->index(0, EventColumn).data(Qt::ForegroundRole);
    const auto plain = timeline->model()->index(1, EventColumn).data(Qt::ForegroundRole);
    QVERIFY(red.isValid());
    QVERIFY(red != plain);

    // The same events listed again make no new rows; a new one goes on top.
    rig.stage.events[QStringLiteral("a")].append(eventJson(QStringLiteral("LEFT"), 9));
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("a"), QStringLiteral("DISCONNECTED")));
    rig.time.advance(kInterval);
    QCOMPARE(timeline->model()->rowCount(), 5);
    QCOMPARE(cell(timeline, 0, EventColumn), QStringLiteral("LEFT"));
    QCOMPARE(panel->countersLabel()->text(),
             QStringLiteral("Connected 1 · Publishing 0 · Recording 0 · Failed 1"));

    panel->watchButton()->click(); // stop
    QVERIFY(!panel->monitor());
    const qsizetype requests = rig.stage.total();
    rig.time.advance(60 * 1000);
    QCOMPARE(rig.stage.total(), requests);
}

void TestLivePanel::newRowsStandOutUntilSeen()
{
    MonitorRig rig;
    rig.stage.sessions.clear(); // the show starts while the panel watches
    auto panel = panelOn(rig);
    panel->setStage(kMonitorArn);
    panel->startWatching();
    rig.time.advance(0);
    QCOMPARE(panel->statusLabel()->text(),
             QStringLiteral("No session in progress; waiting for one to start."));
    QCOMPARE(panel->timelineView()->model()->rowCount(), 0);

    rig.stage.sessions = {session(QStringLiteral("s1"), 0)};
    showStage(rig);
    rig.time.advance(kInterval);
    QCOMPARE(panel->timelineView()->model()->rowCount(), 4);
    QVERIFY(isBold(panel->timelineView(), 0));
    QVERIFY(isBold(panel->timelineView(), 3));
    panel->markSeen();
    QVERIFY(!isBold(panel->timelineView(), 0));

    rig.stage.events[QStringLiteral("b")].append(eventJson(QStringLiteral("LEFT"), 9));
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("b"), QStringLiteral("DISCONNECTED")));
    rig.time.advance(kInterval);
    QCOMPARE(cell(panel->timelineView(), 0, EventColumn), QStringLiteral("LEFT"));
    QVERIFY(isBold(panel->timelineView(), 0));
    QVERIFY(!isBold(panel->timelineView(), 1));
    // Looking at the panel again marks them seen.
    panel->show();
    QVERIFY(!isBold(panel->timelineView(), 0));
}

void TestLivePanel::minimisingPausesAndReturnCatchesUp()
{
    MonitorRig rig;
    showStage(rig);
    auto panel = panelOn(rig);
    panel->setStage(kMonitorArn);
    panel->startWatching();
    rig.time.advance(0);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 1);

    panel->setWindowMinimised(true);
    QVERIFY(panel->monitor()->isPaused());
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Paused while the window")));
    rig.time.advance(60 * 1000);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 1);

    rig.stage.events[QStringLiteral("a")].append(eventJson(QStringLiteral("LEFT"), 50));
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("a"), QStringLiteral("DISCONNECTED")));
    panel->setWindowMinimised(false);
    rig.time.advance(0);
    QVERIFY(!panel->monitor()->isPaused());
    QCOMPARE(rig.stage.count("/ListStageSessions"), 2);
    QCOMPARE(cell(panel->timelineView(), 0, EventColumn), QStringLiteral("LEFT"));
    QVERIFY(!panel->statusLabel()->text().contains(QStringLiteral("Paused")));
}

void TestLivePanel::sessionEndIsSaid()
{
    MonitorRig rig;
    showStage(rig);
    auto panel = panelOn(rig);
    panel->setStage(kMonitorArn);
    panel->startWatching();
    rig.time.advance(0);
    rig.stage.sessions = {session(QStringLiteral("s1"), 0, 30)};
    rig.time.advance(kInterval);
    QVERIFY2(panel->statusLabel()->text().startsWith(QStringLiteral("Session s1 ended at")),
             qPrintable(panel->statusLabel()->text()));

    rig.stage.failNext = 100;
    rig.time.advance(3 * kInterval);
    QVERIFY(panel->monitor()->isStale());
    QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("Stale:")),
             qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("The last poll failed:")));
}

void TestLivePanel::anotherStageStopsWatching()
{
    MonitorRig rig;
    showStage(rig);
    auto panel = panelOn(rig);
    panel->setStage(kMonitorArn);
    panel->startWatching();
    rig.time.advance(0);
    QCOMPARE(panel->timelineView()->model()->rowCount(), 4);

    panel->setStage(QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/otherStage1"));
    QVERIFY(!panel->monitor());
    QVERIFY(!panel->watchButton()->isChecked());
    QCOMPARE(panel->timelineView()->model()->rowCount(), 0);
    QCOMPARE(panel->participantsView()->model()->rowCount(), 0);
    QVERIFY(panel->countersLabel()->text().isEmpty());
    const qsizetype requests = rig.stage.total();
    rig.time.advance(60 * 1000);
    QCOMPARE(rig.stage.total(), requests);
}

void TestLivePanel::windowWatchesTheShownStage()
{
    WindowRig rig;
    QString error;
    rig.backend = WindowRig::demoBackend(&error);
    QVERIFY2(rig.backend, qPrintable(error));
    rig.assemble();
    ui::LivePanel *panel = rig.window->livePanel();
    QVERIFY(panel);
    QVERIFY(rig.window->findChild<QDockWidget *>(QStringLiteral("liveDock")));
    QVERIFY(!panel->watchButton()->isEnabled());

    QSignalSpy shown(rig.browser, &workspace::StageBrowser::stageShown);
    rig.browser->lookUp(demo::LiveShow::kStageArn);
    QTRY_COMPARE(shown.size(), 1);
    QVERIFY(panel->watchButton()->isEnabled());
    panel->watchButton()->click();
    QVERIFY(panel->monitor());
    QCOMPARE(panel->monitor()->stage().text(), demo::LiveShow::kStageArn);
    QTRY_VERIFY(!panel->monitor()->sessionId().isEmpty());

    // Another stage: the monitor of the first stops.
    rig.browser->lookUp(kDefaultsDemoArn);
    QTRY_COMPARE(shown.size(), 2);
    QVERIFY(!panel->monitor());
    QVERIFY(!panel->watchButton()->isChecked());
}

void TestLivePanel::failuresNotifyWhenAskedAndAClickShowsTheParticipant()
{
    PrivateBus bus;
    QVERIFY(bus.isRunning());
    FakeNotifications fake({QStringLiteral("body"), QStringLiteral("actions")});
    QVERIFY(fake.publishOn(bus.connect(QStringLiteral("service"))));
    const QDBusConnection client = bus.connect(QStringLiteral("client"));
    ui::DesktopNotifier notifier([client] { return client; });
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);

    MonitorRig rig;
    showStage(rig);
    auto panel = panelOn(rig);
    QVERIFY(panel->notifyBox()->isHidden()); // nowhere to announce failures yet
    panel->setNotifications(&notifier, &settings);
    QVERIFY(!panel->notifyBox()->isHidden());
    panel->setStage(kMonitorArn, QStringLiteral("town-hall"));
    QVERIFY(!panel->notifyBox()->isChecked()); // off by default
    QSignalSpy attention(panel.get(), &ui::LivePanel::attentionRequested);
    panel->startWatching();
    rig.time.advance(0);

    // A new failure while not asked to notify: none is sent (the one below is the first).
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("c"), QStringLiteral("CONNECTED"), false));
    rig.stage.events[QStringLiteral("c")] = {
        eventJson(QStringLiteral("PUBLISH_ERROR"), 6, QStringLiteral("B_FRAME_PRESENT"))};
    rig.time.advance(kInterval);
    QCOMPARE(cell(panel->timelineView(), 0, WhoColumn), QStringLiteral("user-c"));

    panel->notifyBox()->click();
    QCOMPARE(settings.value(QStringLiteral("live/notifyFailuresOf")).toStringList(),
             QStringList{kMonitorArn});
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("d"), QStringLiteral("CONNECTED"), false));
    rig.stage.events[QStringLiteral("d")] = {
        eventJson(QStringLiteral("PUBLISH_ERROR"), 11, QStringLiteral("B_FRAME_PRESENT"))};
    rig.time.advance(kInterval);
    QTRY_COMPARE(fake.calls.size(), 1);
    const FakeNotifications::Call &call = fake.calls.constFirst();
    QCOMPARE(call.summary, QStringLiteral("PUBLISH_ERROR on town-hall"));
    QVERIFY2(call.body.startsWith(QStringLiteral("user-d: PUBLISH_ERROR B_FRAME_PRESENT. ")),
             qPrintable(call.body));

    // The click: the participant is selected and the window asked to show the panel.
    emit fake.ActionInvoked(call.id, QStringLiteral("default"));
    QTRY_COMPARE(attention.size(), 1);
    const QModelIndex current = panel->participantsView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(cell(panel->participantsView(), current.row(), 4), QStringLiteral("d"));

    // Remembered for this stage, and for no other.
    auto again = panelOn(rig);
    again->setNotifications(&notifier, &settings);
    again->setStage(kMonitorArn);
    QVERIFY(again->notifyBox()->isChecked());
    again->setStage(QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/otherStage1"));
    QVERIFY(!again->notifyBox()->isChecked());
}

void TestLivePanel::disconnectAsksNamingTheUserAndTheOutcomeIsInTheTimeline()
{
    MonitorRig rig;
    showStage(rig);
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("c"), QStringLiteral("DISCONNECTED")));
    auto panel = panelOn(rig);
    panel->setStage(kMonitorArn);
    panel->startWatching();
    rig.time.advance(0);
    QCOMPARE(cell(panel->participantsView(), 2, 4), QStringLiteral("c"));
    QVERIFY(!panel->askToDisconnect(2)); // it has left already

    ui::DisconnectDialog *dialog = panel->askToDisconnect(1);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->participantId(), QStringLiteral("b"));
    const auto labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text().contains(QStringLiteral("\"user-b\""));
    }));
    // Enter in the reason field must not disconnect.
    QVERIFY(!dialog->disconnectButton()->isDefault());
    dialog->reasonEdit()->setText(QString(129, QLatin1Char('x')));
    QVERIFY(!dialog->disconnectButton()->isEnabled());
    QVERIFY2(dialog->problemText().contains(QStringLiteral("129")),
             qPrintable(dialog->problemText()));
    QCOMPARE(dialog->reasonEdit()->text().size(), 129); // refused, never cut
    dialog->reasonEdit()->setText(QStringLiteral("Echo on the line"));
    QVERIFY(dialog->disconnectButton()->isEnabled());
    QVERIFY(dialog->problemText().isEmpty());
    dialog->disconnectButton()->click();
    QTRY_COMPARE(rig.stage.disconnects.size(), 1);
    rig.settle();
    QCOMPARE(rig.stage.disconnects.at(0).value(QStringLiteral("participantId")).toString(),
             QStringLiteral("b"));
    QCOMPARE(rig.stage.disconnects.at(0).value(QStringLiteral("reason")).toString(),
             QStringLiteral("Echo on the line"));
    const QTableView *timeline = panel->timelineView();
    QCOMPARE(cell(timeline, 0, EventColumn), QStringLiteral("DISCONNECT_REQUESTED"));
    QCOMPARE(cell(timeline, 0, WhoColumn), QStringLiteral("user-b"));
    QVERIFY(cell(timeline, 0, ExplanationColumn).contains(QStringLiteral("Echo on the line")));

    // Cancel sends nothing.
    ui::DisconnectDialog *second = panel->askToDisconnect(0);
    QVERIFY(second);
    second->reject();
    rig.settle();
    QCOMPARE(rig.stage.disconnects.size(), 1);
}

QTEST_MAIN(TestLivePanel)
#include "tst_live_panel.moc"
