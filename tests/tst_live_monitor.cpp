// The live monitor (workspace::LiveMonitor) on a loopback stage whose session the test changes
// between polls, on a hand-moved clock: polling, events once and in order, back-off, pause,
// sessions ending and starting, the rate, memory bounds, disconnect, and the demo show.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "demo/demo_endpoint.h"
#include "demo/demo_live_show.h"
#include "support/monitor_rig.h"
#include "workspace/live_monitor.h"
#include "workspace/monitor_timeline.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace testsupport;
using workspace::LiveMonitor;
using workspace::MonitorEvent;

namespace {

QStringList names(const QList<MonitorEvent> &events)
{
    QStringList list;
    for (const MonitorEvent &event : events)
        list.append(event.participantId + QLatin1Char(':') + event.event.name);
    return list;
}

} // namespace

class TestLiveMonitor : public QObject {
    Q_OBJECT

private slots:
    void firstLookReadsEveryoneThenOnlyTheChanged();
    void failuresAreAnnouncedOnlyWhenNew();
    void duplicatesAndLateEventsAreShownOnce();
    void participantListedTwiceIsReadOnce();
    void throttlingBacksOffExponentially();
    void repeatedErrorsBackOffAndRecover();
    void pauseStopsPollingAndResumeCatchesUp();
    void sessionEndIsAnnouncedAndTheNextSessionFollowed();
    void vanishedSessionCountsAsEnded();
    void requestsNeverExceedTheRate();
    void quietParticipantsAreSweptSlowly();
    void fiftyParticipantsCostAboutSeventyRequestsAMinute();
    void longSessionKeepsTheTimelineBounded();
    void timelineKeepsItsBounds();
    void disconnectJoinsTheTimeline();
    void demoShowEvolves();
};

void TestLiveMonitor::firstLookReadsEveryoneThenOnlyTheChanged()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a")),
                                                    participant(QStringLiteral("b"))};
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1),
                                             eventJson(QStringLiteral("PUBLISH_STARTED"), 3)};
    rig.stage.events[QStringLiteral("b")] = {eventJson(QStringLiteral("JOINED"), 2)};
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    QSignalSpy changed(rig.monitor.get(), &LiveMonitor::participantsChanged);
    QSignalSpy started(rig.monitor.get(), &LiveMonitor::sessionStarted);

    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(started.size(), 1);
    QCOMPARE(rig.monitor->sessionId(), QStringLiteral("s1"));
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 2);
    QCOMPARE(added.size(), 1);
    // Newest first, merged across participants.
    QCOMPARE(names(rig.announced(added)),
             (QStringList{QStringLiteral("a:PUBLISH_STARTED"), QStringLiteral("b:JOINED"),
                          QStringLiteral("a:JOINED")}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QList<workspace::ParticipantChange>>().size(), 2);
    QCOMPARE(rig.monitor->timeline().events().size(), 3);
    QCOMPARE(rig.monitor->timeline().events().constFirst().userId, QStringLiteral("user-a"));

    // Nothing changed: sessions and participants only.
    rig.time.advance(4999);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 1);
    rig.time.advance(1);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 2);
    QCOMPARE(rig.stage.count("/ListParticipants"), 2);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 2);
    QCOMPARE(added.size(), 1);
    QCOMPARE(changed.size(), 1);

    // b stops publishing: only b's events are read, and only the new one is announced.
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("b"), QStringLiteral("CONNECTED"), false));
    rig.stage.events[QStringLiteral("b")].append(eventJson(QStringLiteral("PUBLISH_STOPPED"), 7));
    rig.time.advance(5000);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 3);
    QCOMPARE(added.size(), 2);
    QCOMPARE(names(added.at(1).at(0).value<QList<MonitorEvent>>()),
             QStringList{QStringLiteral("b:PUBLISH_STOPPED")});
    const auto change = changed.at(1).at(0).value<QList<workspace::ParticipantChange>>();
    QCOMPARE(change.size(), 1);
    QVERIFY(change.at(0).before.has_value());
    QCOMPARE(change.at(0).before->published, true);
    QCOMPARE(change.at(0).after.published, false);
    QVERIFY(!rig.monitor->isStale());
}

void TestLiveMonitor::failuresAreAnnouncedOnlyWhenNew()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    // Already there when the monitor starts: part of the timeline, not a new failure.
    rig.stage.events[QStringLiteral("a")] = {
        eventJson(QStringLiteral("JOINED"), 1),
        eventJson(QStringLiteral("PUBLISH_ERROR"), 2, QStringLiteral("BITRATE_EXCEEDED"))};
    QSignalSpy failures(rig.monitor.get(), &LiveMonitor::failure);
    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(rig.monitor->timeline().events().size(), 2);
    QVERIFY(rig.monitor->timeline().events().at(1).failure);
    QVERIFY(rig.monitor->timeline().events().at(1).backlog);
    QCOMPARE(failures.size(), 0);

    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("a"), QStringLiteral("CONNECTED"), false,
                                         QStringLiteral("FAILED")));
    rig.stage.events[QStringLiteral("a")].append(
        eventJson(QStringLiteral("PUBLISH_ERROR"), 8, QStringLiteral("B_FRAME_PRESENT")));
    rig.time.advance(5000);
    QCOMPARE(failures.size(), 2);
    const auto first = failures.at(0).at(0).value<MonitorEvent>();
    const auto second = failures.at(1).at(0).value<MonitorEvent>();
    QStringList failed{first.event.name, second.event.name};
    failed.sort();
    QCOMPARE(failed,
             (QStringList{QStringLiteral("PUBLISH_ERROR"), workspace::kRecordingFailedEvent}));
    const MonitorEvent &publish =
        first.event.name == QLatin1String("PUBLISH_ERROR") ? first : second;
    QCOMPARE(publish.event.errorCode, QStringLiteral("B_FRAME_PRESENT"));
    QVERIFY2(publish.explanation.contains(QLatin1String("B-frames")),
             qPrintable(publish.explanation));
    const MonitorEvent &recording = first.observed ? first : second;
    QVERIFY(recording.observed);
    QCOMPARE(recording.event.eventTime, rig.time.wallClock());

    // Still FAILED at the next poll: not announced again.
    rig.time.advance(5000);
    QCOMPARE(failures.size(), 2);
}

void TestLiveMonitor::duplicatesAndLateEventsAreShownOnce()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    // Listed out of order, one of them twice.
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("PUBLISH_STARTED"), 5),
                                             eventJson(QStringLiteral("JOINED"), 1),
                                             eventJson(QStringLiteral("PUBLISH_STARTED"), 5)};
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(names(rig.announced(added)),
             (QStringList{QStringLiteral("a:PUBLISH_STARTED"), QStringLiteral("a:JOINED")}));

    // A change brings a re-read: the service now also lists an event from before the newest one
    // it had listed (it turned up late), and a new one.
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("a"), QStringLiteral("CONNECTED"), false));
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1),
                                             eventJson(QStringLiteral("SUBSCRIBE_STARTED"), 3),
                                             eventJson(QStringLiteral("PUBLISH_STARTED"), 5),
                                             eventJson(QStringLiteral("PUBLISH_STOPPED"), 9)};
    rig.time.advance(5000);
    QCOMPARE(added.size(), 2);
    QCOMPARE(
        names(added.at(1).at(0).value<QList<MonitorEvent>>()),
        (QStringList{QStringLiteral("a:PUBLISH_STOPPED"), QStringLiteral("a:SUBSCRIBE_STARTED")}));
    // The timeline is in time order, the late event in its place, each event once.
    QStringList timeline = names(rig.monitor->timeline().events());
    QCOMPARE(
        timeline,
        (QStringList{QStringLiteral("a:JOINED"), QStringLiteral("a:SUBSCRIBE_STARTED"),
                     QStringLiteral("a:PUBLISH_STARTED"), QStringLiteral("a:PUBLISH_STOPPED")}));

    // The same event with another error code is another event.
    rig.stage.setParticipant(QStringLiteral("s1"), participant(QStringLiteral("a")));
    rig.stage.events[QStringLiteral("a")].append(
        eventJson(QStringLiteral("PUBLISH_ERROR"), 9, QStringLiteral("INVALID_INPUT")));
    rig.stage.events[QStringLiteral("a")].append(
        eventJson(QStringLiteral("PUBLISH_ERROR"), 9, QStringLiteral("BITRATE_EXCEEDED")));
    rig.time.advance(5000);
    QCOMPARE(rig.monitor->timeline().events().size(), 6);
    QCOMPARE(rig.announced(added).size(), 6);
}

void TestLiveMonitor::participantListedTwiceIsReadOnce()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {
        participant(QStringLiteral("a"), QStringLiteral("CONNECTED"), false),
        participant(QStringLiteral("b")), participant(QStringLiteral("a"))};
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1)};
    rig.stage.events[QStringLiteral("b")] = {eventJson(QStringLiteral("JOINED"), 1)};
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 2);
    QCOMPARE(rig.monitor->participants().size(), 2);
    QCOMPARE(rig.announced(added).size(), 2);
    // The later entry counts.
    const auto participants = rig.monitor->participants();
    const auto a = std::find_if(participants.cbegin(), participants.cend(), [](const auto &p) {
        return p.participantId == QLatin1String("a");
    });
    QVERIFY(a != participants.cend());
    QVERIFY(a->published);
}

void TestLiveMonitor::throttlingBacksOffExponentially()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    rig.stage.throttleNext = 4;
    QSignalSpy errors(rig.monitor.get(), &LiveMonitor::error);
    rig.monitor->start();
    // Throttled at 0 → waits 10 s; at 10 s → 20 s; at 30 s → 40 s; at 70 s → 80 s; at 150 s fine.
    const QList<qint64> expected{0, 10000, 30000, 70000, 150000};
    rig.time.advance(0);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 1);
    QCOMPARE(rig.monitor->currentDelayMs(), 10000);
    QCOMPARE(rig.budget->waiting(QStringLiteral("us-west-2")), 0);
    rig.time.advance(160000);
    QList<qint64> sessionsAt;
    for (const auto &[path, when] : std::as_const(rig.stage.log)) {
        if (path == "/ListStageSessions")
            sessionsAt.append(when);
    }
    QCOMPARE(sessionsAt.mid(0, 5), expected);
    QCOMPARE(errors.size(), 4);
    QVERIFY2(errors.at(0).at(0).toString().contains(QLatin1String("ThrottlingException")),
             qPrintable(errors.at(0).at(0).toString()));
    // Recovered at 150 s: back to every 5 s, no error left.
    QCOMPARE(sessionsAt.mid(5), (QList<qint64>{155000, 160000}));
    QVERIFY(!rig.monitor->lastError());
    QCOMPARE(rig.monitor->consecutiveFailures(), 0);
}

void TestLiveMonitor::repeatedErrorsBackOffAndRecover()
{
    MonitorRig rig;
    rig.stage.failNext = 30;
    rig.monitor->start();
    rig.time.advance(0);
    // One failure is tried again after the interval; from the second on, the wait doubles.
    QCOMPARE(rig.monitor->currentDelayMs(), 5000);
    rig.time.advance(5000);
    QCOMPARE(rig.monitor->currentDelayMs(), 10000);
    rig.time.advance(10000);
    QCOMPARE(rig.monitor->currentDelayMs(), 20000);
    QCOMPARE(rig.stage.total(), 3);
    QVERIFY(rig.monitor->isStale());
    // Capped at five minutes however long it fails.
    rig.time.advance(3600 * 1000);
    QCOMPARE(rig.monitor->currentDelayMs(), LiveMonitor::kMaxBackoffMs);
    const qsizetype afterAnHour = rig.stage.total();
    QVERIFY2(afterAnHour < 20, qPrintable(QString::number(afterAnHour)));
    rig.stage.failNext = 0;
    rig.time.advance(LiveMonitor::kMaxBackoffMs);
    QVERIFY(!rig.monitor->lastError());
    QVERIFY(!rig.monitor->isStale());
    QCOMPARE(rig.monitor->currentDelayMs(), 5000);
}

void TestLiveMonitor::pauseStopsPollingAndResumeCatchesUp()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    QSignalSpy stale(rig.monitor.get(), &LiveMonitor::staleChanged);
    rig.monitor->start();
    rig.time.advance(0);
    const qsizetype before = rig.stage.total();
    rig.monitor->pause();
    QVERIFY(rig.monitor->isPaused());
    rig.time.advance(10000);
    QCOMPARE(stale.size(), 0); // exactly two intervals is not yet older than two intervals
    rig.time.advance(1);
    QCOMPARE(stale.size(), 1);
    QVERIFY(rig.monitor->isStale());
    rig.time.advance(60000);
    QCOMPARE(rig.stage.total(), before);

    // Meanwhile someone joined; resume reads at once.
    rig.stage.setParticipant(QStringLiteral("s1"), participant(QStringLiteral("b")));
    rig.stage.events[QStringLiteral("b")] = {eventJson(QStringLiteral("JOINED"), 30)};
    rig.monitor->resume();
    rig.time.advance(0);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 2);
    QCOMPARE(rig.monitor->participants().size(), 2);
    QCOMPARE(stale.size(), 2);
    QVERIFY(!rig.monitor->isStale());

    // A pause while a poll is under way (here: when it has just listed a new participant) lets
    // it finish, and starts no other.
    rig.stage.setParticipant(QStringLiteral("s1"), participant(QStringLiteral("c")));
    QObject::connect(rig.monitor.get(), &LiveMonitor::participantsChanged, rig.monitor.get(),
                     [&rig] { rig.monitor->pause(); });
    rig.time.advance(5000);
    QVERIFY(rig.monitor->isPaused());
    QCOMPARE(rig.stage.eventReads.value(QStringLiteral("c")), 1);
    QVERIFY(!rig.monitor->isPolling());
    const qsizetype afterPoll = rig.stage.total();
    rig.time.advance(30000);
    QCOMPARE(rig.stage.total(), afterPoll);
}

void TestLiveMonitor::sessionEndIsAnnouncedAndTheNextSessionFollowed()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1)};
    QSignalSpy ended(rig.monitor.get(), &LiveMonitor::sessionEnded);
    QSignalSpy started(rig.monitor.get(), &LiveMonitor::sessionStarted);
    QSignalSpy waiting(rig.monitor.get(), &LiveMonitor::waitingForSession);
    QSignalSpy failures(rig.monitor.get(), &LiveMonitor::failure);
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    rig.monitor->start();
    rig.time.advance(0);

    // The session ends: the last look still reads who left.
    rig.stage.sessions = {session(QStringLiteral("s1"), 0, 9)};
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("a"), QStringLiteral("DISCONNECTED")));
    rig.stage.events[QStringLiteral("a")].append(eventJson(QStringLiteral("LEFT"), 9));
    rig.time.advance(5000);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("s1"));
    QCOMPARE(ended.at(0).at(1).toDateTime(), kShowOrigin.addSecs(9));
    QCOMPARE(names(rig.monitor->timeline().events()).constLast(), QStringLiteral("a:LEFT"));
    QCOMPARE(waiting.size(), 1);
    QVERIFY(rig.monitor->sessionId().isEmpty());

    // Waiting costs one ListStageSessions an interval.
    const qsizetype participantsReads = rig.stage.count("/ListParticipants");
    rig.time.advance(20000);
    QCOMPARE(rig.stage.count("/ListParticipants"), participantsReads);
    QCOMPARE(rig.stage.count("/ListStageSessions"), 6);

    // A new session: followed, and what fails in it is new.
    rig.stage.sessions = {session(QStringLiteral("s2"), 30), session(QStringLiteral("s1"), 0, 9)};
    rig.stage.participants[QStringLiteral("s2")] = {participant(QStringLiteral("b"))};
    rig.stage.events[QStringLiteral("b")] = {
        eventJson(QStringLiteral("JOINED"), 31),
        eventJson(QStringLiteral("PUBLISH_ERROR"), 32, QStringLiteral("B_FRAME_PRESENT"))};
    rig.time.advance(5000);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(0).toString(), QStringLiteral("s2"));
    QCOMPARE(rig.monitor->sessionId(), QStringLiteral("s2"));
    QCOMPARE(rig.monitor->participants().size(), 1);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).at(0).value<MonitorEvent>().sessionId, QStringLiteral("s2"));
    QCOMPARE(rig.announced(added).size(), 4);
}

void TestLiveMonitor::vanishedSessionCountsAsEnded()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    QSignalSpy ended(rig.monitor.get(), &LiveMonitor::sessionEnded);
    QSignalSpy errors(rig.monitor.get(), &LiveMonitor::error);
    rig.monitor->start();
    rig.time.advance(0);
    rig.stage.sessions.clear();
    rig.stage.participants.clear();
    rig.time.advance(5000);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(1).toDateTime(), rig.time.wallClock());
    QCOMPARE(errors.size(), 0);
}

void TestLiveMonitor::requestsNeverExceedTheRate()
{
    MonitorRig rig(workspace::RequestRate{}); // the default: 2 a second, bursts of 2
    QList<QJsonObject> many;
    for (int i = 0; i < 30; ++i) {
        const QString id = QStringLiteral("p%1").arg(i, 2, 10, QLatin1Char('0'));
        many.append(participant(id));
        rig.stage.events[id] = {eventJson(QStringLiteral("JOINED"), i)};
    }
    rig.stage.participants[QStringLiteral("s1")] = many;
    QSignalSpy finished(rig.monitor.get(), &LiveMonitor::pollFinished);
    rig.monitor->start();
    rig.time.advance(60000);
    QVERIFY(finished.size() >= 1);
    QCOMPARE(rig.stage.count("/ListParticipantEvents", 0, 20000), 30);
    QCOMPARE(rig.monitor->timeline().events().size(), 30);
    // Never more than the burst plus the rate: the k-th request (from 0) not before
    // (k - 1) × 500 ms.
    for (qsizetype k = 0; k < rig.stage.log.size(); ++k) {
        QVERIFY2(rig.stage.log.at(k).second >= (k - 1) * 500,
                 qPrintable(
                     QStringLiteral("request %1 at %2 ms").arg(k).arg(rig.stage.log.at(k).second)));
    }
    // The first poll took its time; the next started an interval after it began or at its end.
    QVERIFY(rig.monitor->budget().granted(QStringLiteral("us-west-2")) == rig.stage.total());
}

void TestLiveMonitor::quietParticipantsAreSweptSlowly()
{
    MonitorRig rig;
    QList<QJsonObject> list;
    for (int i = 0; i < 12; ++i) {
        const QString id = QStringLiteral("q%1").arg(i);
        list.append(participant(id));
        rig.stage.events[id] = {eventJson(QStringLiteral("JOINED"), i)};
    }
    rig.stage.participants[QStringLiteral("s1")] = list;
    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 12);
    // Nobody changes; within the next minute nobody is read again, then about one per poll
    // (12 participants × 5 s / 60 s) until each was read again once.
    rig.time.advance(55000);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 12);
    rig.time.advance(60000);
    QCOMPARE(rig.stage.count("/ListParticipantEvents"), 24);
    // An event that turned up meanwhile is found by the sweep.
    rig.stage.events[QStringLiteral("q3")].append(
        eventJson(QStringLiteral("SUBSCRIBE_STARTED"), 90));
    rig.time.advance(60000);
    QVERIFY(
        names(rig.monitor->timeline().events()).contains(QStringLiteral("q3:SUBSCRIBE_STARTED")));

    // Someone who has left is read once after leaving, then no more.
    rig.stage.setParticipant(QStringLiteral("s1"),
                             participant(QStringLiteral("q0"), QStringLiteral("DISCONNECTED")));
    rig.time.advance(5000);
    const QHash<QString, int> before = rig.stage.eventReads;
    rig.time.advance(600000);
    QCOMPARE(rig.stage.eventReads.value(QStringLiteral("q0")), before.value(QStringLiteral("q0")));
    // The 11 still connected: about once a minute each (a poll later when two are due at once).
    for (int i = 1; i < 12; ++i) {
        const QString id = QStringLiteral("q%1").arg(i);
        const int reads = rig.stage.eventReads.value(id) - before.value(id);
        QVERIFY2(reads >= 9 && reads <= 10,
                 qPrintable(QStringLiteral("%1: %2").arg(id).arg(reads)));
    }
}

void TestLiveMonitor::fiftyParticipantsCostAboutSeventyRequestsAMinute()
{
    // The README's figure: a quiet 50-participant session, default interval, rate and sweep.
    MonitorRig rig(workspace::RequestRate{});
    QList<QJsonObject> list;
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("p%1").arg(i);
        list.append(participant(id));
        rig.stage.events[id] = {eventJson(QStringLiteral("JOINED"), i)};
    }
    rig.stage.participants[QStringLiteral("s1")] = list;
    rig.monitor->start();
    rig.time.advance(10 * 60000);
    // Minutes 5 to 10, once the first look is long over.
    const double perMinute = double(rig.stage.count("/ListStageSessions", 300000, 599999) +
                                    rig.stage.count("/ListParticipants", 300000, 599999) +
                                    rig.stage.count("/ListParticipantEvents", 300000, 599999)) /
                             5.0;
    qInfo("50 participants, nobody changing: %.1f requests a minute", perMinute);
    QVERIFY2(perMinute >= 60 && perMinute <= 80, qPrintable(QString::number(perMinute)));
    QCOMPARE(rig.stage.count("/ListStageSessions", 300000, 599999), 60);
}

void TestLiveMonitor::longSessionKeepsTheTimelineBounded()
{
    // Eight hours of a 50-participant session on a local server, polled once a minute: each
    // minute two participants change and get three new events. The timeline keeps the newest
    // 1000; every event is announced exactly once.
    MonitorRig rig;
    rig.monitor->setInterval(60000);
    rig.monitor->setSweepInterval(8 * 3600 * 1000);
    rig.monitor->setTimelineCapacity(1000);
    QList<QJsonObject> list;
    for (int i = 0; i < 50; ++i) {
        const QString id = QStringLiteral("p%1").arg(i);
        list.append(participant(id));
        rig.stage.events[id] = {eventJson(QStringLiteral("JOINED"), 0)};
    }
    rig.stage.participants[QStringLiteral("s1")] = list;
    qsizetype eventsAtServer = 50;
    QSet<quint64> identities;
    qsizetype announced = 0;
    QObject::connect(rig.monitor.get(), &LiveMonitor::eventsAdded,
                     [&](const QList<MonitorEvent> &events) {
                         announced += events.size();
                         for (const MonitorEvent &event : events)
                             identities.insert(workspace::MonitorTimeline::identity(event));
                     });
    rig.monitor->start();
    rig.time.advance(0);
    QHash<QString, bool> publishing;
    for (int minute = 1; minute <= 8 * 60; ++minute) {
        for (const int which : {minute % 50, (minute + 25) % 50}) {
            const QString id = QStringLiteral("p%1").arg(which);
            const bool now = !publishing.value(id, true);
            publishing.insert(id, now);
            rig.stage.setParticipant(QStringLiteral("s1"),
                                     participant(id, QStringLiteral("CONNECTED"), now));
            for (int k = 0; k < 3; ++k)
                rig.stage.events[id].append(
                    eventJson(QStringLiteral("SUBSCRIBE_STARTED"), minute * 60 + k));
            eventsAtServer += 3;
        }
        rig.time.advance(60000);
    }
    QCOMPARE(announced, eventsAtServer);
    QCOMPARE(identities.size(), announced);
    QCOMPARE(rig.monitor->timeline().events().size(), 1000);
    QCOMPARE(rig.monitor->timeline().events().constLast().event.eventTime,
             kShowOrigin.addSecs(8 * 3600 + 2));
    QVERIFY(rig.monitor->timeline().rememberedIdentities() <=
            1000 * workspace::MonitorTimeline::kRememberedPerEvent);
    QVERIFY(!rig.monitor->isStale());
}

void TestLiveMonitor::disconnectJoinsTheTimeline()
{
    MonitorRig rig;
    rig.stage.participants[QStringLiteral("s1")] = {participant(QStringLiteral("a"))};
    rig.stage.events[QStringLiteral("a")] = {eventJson(QStringLiteral("JOINED"), 1)};
    rig.monitor->start();
    rig.time.advance(0);
    const int readsBefore = rig.stage.eventReads.value(QStringLiteral("a"));
    // Read once, settled: a quiet poll does not read it again.
    rig.time.advance(5000);
    QCOMPARE(rig.stage.eventReads.value(QStringLiteral("a")), readsBefore);

    QSignalSpy finished(rig.monitor.get(), &LiveMonitor::disconnectFinished);
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    QSignalSpy failures(rig.monitor.get(), &LiveMonitor::failure);
    const qsizetype listsBefore = rig.stage.total();
    rig.monitor->disconnectParticipant(QStringLiteral("a"), QStringLiteral("Bad audio"));
    rig.settle();
    // Sent at once, not at the next poll, and nothing else with it.
    QCOMPARE(rig.stage.total(), listsBefore + 1);
    QCOMPARE(rig.stage.disconnects.size(), 1);
    QCOMPARE(rig.stage.disconnects.at(0).value(QStringLiteral("participantId")).toString(),
             QStringLiteral("a"));
    QCOMPARE(rig.stage.disconnects.at(0).value(QStringLiteral("reason")).toString(),
             QStringLiteral("Bad audio"));
    QCOMPARE(rig.stage.disconnects.at(0).value(QStringLiteral("stageArn")).toString(), kMonitorArn);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QCOMPARE(added.size(), 1);
    const MonitorEvent done = rig.announced(added).constFirst();
    QCOMPARE(done.event.name, workspace::kDisconnectRequestedEvent);
    QCOMPARE(done.userId, QStringLiteral("user-a"));
    QVERIFY(done.observed);
    QVERIFY(!done.failure);
    QVERIFY2(done.explanation.contains(QStringLiteral("Bad audio")), qPrintable(done.explanation));
    QCOMPARE(failures.size(), 0);

    // The next poll reads its events again although ListParticipants says nothing new yet.
    rig.time.advance(5000);
    QCOMPARE(rig.stage.eventReads.value(QStringLiteral("a")), readsBefore + 1);

    // A participant the service does not know: the refusal is in the timeline, with its reason.
    rig.monitor->disconnectParticipant(QStringLiteral("ghost"), QString());
    rig.settle();
    QCOMPARE(finished.size(), 2);
    QVERIFY(!finished.at(1).at(1).toString().isEmpty());
    QVERIFY(!rig.stage.disconnects.at(1).contains(QStringLiteral("reason")));
    const MonitorEvent refused = rig.announced(added).constLast();
    QCOMPARE(refused.event.name, workspace::kDisconnectFailedEvent);
    QCOMPARE(refused.participantId, QStringLiteral("ghost"));
    QVERIFY2(refused.explanation.contains(finished.at(1).at(1).toString()),
             qPrintable(refused.explanation));
}

void TestLiveMonitor::timelineKeepsItsBounds()
{
    workspace::MonitorTimeline timeline;
    QCOMPARE(timeline.capacity(), 10000);
    QList<MonitorEvent> batch;
    for (int i = 0; i < 25000; ++i) {
        MonitorEvent row;
        row.sessionId = QStringLiteral("s");
        row.participantId = QStringLiteral("p%1").arg(i % 50);
        row.event = {QStringLiteral("SUBSCRIBE_STARTED"), kShowOrigin.addMSecs(i), {}, {}};
        batch.append(row);
    }
    QCOMPARE(timeline.add(batch).size(), 25000);
    QCOMPARE(timeline.events().size(), 10000);
    QCOMPARE(timeline.events().constFirst().event.eventTime, kShowOrigin.addMSecs(15000));
    QCOMPARE(timeline.add(batch.mid(24000)).size(), 0);

    // The identities remembered are bounded too: 20 per event kept.
    workspace::MonitorTimeline small(10);
    QCOMPARE(small.add(batch.mid(0, 300)).size(), 300);
    QCOMPARE(small.events().size(), 10);
    QCOMPARE(small.rememberedIdentities(), 200);
    QCOMPARE(small.add(batch.mid(150, 150)).size(), 0); // still remembered
}

void TestLiveMonitor::demoShowEvolves()
{
    // The demo's town-hall show, on the monitor's clock: started at 0, watched as it goes.
    MonitorRig rig;
    demo::DemoEndpoint endpoint;
    QVERIFY(endpoint.start());
    const QDateTime showStart = QDateTime::currentDateTimeUtc();
    endpoint.setLiveShowClock(showStart, [&] { return showStart.addMSecs(rig.time.elapsedMs()); });
    rig.connect(endpoint.url(), {1000.0, 1000}, demo::DemoEndpoint::credentials(),
                demo::LiveShow::kStageArn);
    QSignalSpy failures(rig.monitor.get(), &LiveMonitor::failure);
    QSignalSpy ended(rig.monitor.get(), &LiveMonitor::sessionEnded);
    QSignalSpy started(rig.monitor.get(), &LiveMonitor::sessionStarted);
    QSignalSpy added(rig.monitor.get(), &LiveMonitor::eventsAdded);
    QSignalSpy errors(rig.monitor.get(), &LiveMonitor::error);
    rig.monitor->start();
    rig.time.advance(0);
    QCOMPARE(rig.monitor->sessionId(), demo::LiveShow::kFirstSessionId);
    QCOMPARE(rig.monitor->participants().size(), 1); // viewer-1

    rig.time.advance(20000);
    QCOMPARE(failures.size(), 1);
    const auto failure = failures.at(0).at(0).value<MonitorEvent>();
    QCOMPARE(failure.userId, QStringLiteral("guest-omar"));
    QCOMPARE(failure.event.errorCode, QStringLiteral("B_FRAME_PRESENT"));
    QVERIFY(!failure.explanation.isEmpty());

    rig.time.advance(250000);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(started.size(), 2);
    rig.time.advance(10000);
    QCOMPARE(errors.size(), 0);

    // Each event of the show exactly once, in time order per the timeline.
    const QList<MonitorEvent> all = rig.announced(added);
    QSet<quint64> seen;
    for (const MonitorEvent &row : all)
        seen.insert(workspace::MonitorTimeline::identity(row));
    QCOMPARE(seen.size(), all.size());
    const QStringList timeline = names(rig.monitor->timeline().events());
    QCOMPARE(timeline.count(QStringLiteral("pG7guestOmar0007:LEFT")), 1);
    QCOMPARE(timeline.count(QStringLiteral("pE5viewer0000005:LEFT")), 1);
    QCOMPARE(timeline.constLast(), QStringLiteral("pK1hostMaya00010:PUBLISH_STARTED"));
    const auto &events = rig.monitor->timeline().events();
    for (qsizetype i = 1; i < events.size(); ++i)
        QVERIFY(events.at(i - 1).event.eventTime <= events.at(i).event.eventTime);
    QCOMPARE(all.size(), 17);
}

QTEST_GUILESS_MAIN(TestLiveMonitor)
#include "tst_live_monitor.moc"
