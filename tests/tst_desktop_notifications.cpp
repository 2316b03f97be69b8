// Desktop notifications (ui::DesktopNotifier) over a D-Bus bus of the test's own, with a fake
// notification service on it: what is sent, text kept as text, one notification replacing the
// last, a click coming back, and the fallbacks when no service or no bus answers.

#include "support/private_bus.h"
#include "ui/desktop_notifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace testsupport;
using ui::DesktopNotifier;

class TestDesktopNotifications : public QObject {
    Q_OBJECT

private slots:
    void notifiesOverDBus();
    void textStaysTextWhereMarkupIsShown();
    void plainTextServiceGetsPlainText();
    void aClickComesBackWithItsKey();
    void noServiceOnTheBusSaysSo();
    void noBusSaysSo();
};

namespace {

struct Rig {
    explicit Rig(const QStringList &capabilities)
        : fake(capabilities)
    {
        if (!bus.isRunning())
            qFatal("dbus-daemon did not start");
        if (!fake.publishOn(bus.connect(QStringLiteral("service"))))
            qFatal("could not publish the fake notification service");
        const QDBusConnection client = bus.connect(QStringLiteral("client"));
        notifier = std::make_unique<DesktopNotifier>([client] { return client; });
    }
    PrivateBus bus;
    FakeNotifications fake;
    std::unique_ptr<DesktopNotifier> notifier;
};

const QStringList kMarkup{QStringLiteral("body"), QStringLiteral("body-markup"),
                          QStringLiteral("actions")};

} // namespace

void TestDesktopNotifications::notifiesOverDBus()
{
    Rig rig(kMarkup);
    QSignalSpy delivered(rig.notifier.get(), &DesktopNotifier::delivered);
    rig.notifier->notify(QStringLiteral("PUBLISH_ERROR on town-hall"),
                         QStringLiteral("guest-ben: B_FRAME_PRESENT"), QStringLiteral("k1"));
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(rig.notifier->lastRoute(), DesktopNotifier::Route::DBus);
    QCOMPARE(rig.fake.capabilityQuestions, 1);
    QCOMPARE(rig.fake.calls.size(), 1);
    const FakeNotifications::Call &call = rig.fake.calls.constFirst();
    QCOMPARE(call.summary, QStringLiteral("PUBLISH_ERROR on town-hall"));
    QCOMPARE(call.body, QStringLiteral("guest-ben: B_FRAME_PRESENT"));
    QCOMPARE(call.replacesId, 0u);
    QVERIFY(call.actions.contains(QStringLiteral("default")));
    QVERIFY(call.hints.contains(QStringLiteral("desktop-entry")));
    QVERIFY(call.expireTimeout > 0);

    // The next replaces it while it is up; once closed, a new one stands on its own.
    rig.notifier->notify(QStringLiteral("2 failures on town-hall"), QStringLiteral("b"),
                         QStringLiteral("k2"));
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(rig.fake.calls.at(1).replacesId, call.id);
    QCOMPARE(rig.fake.capabilityQuestions, 1); // asked once
    QVERIFY(rig.notifier->isShowing());
    emit rig.fake.NotificationClosed(call.id, 2);
    QTRY_VERIFY(!rig.notifier->isShowing());
    rig.notifier->notify(QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("k3"));
    QTRY_COMPARE(delivered.size(), 3);
    QCOMPARE(rig.fake.calls.constLast().replacesId, 0u);
}

void TestDesktopNotifications::textStaysTextWhereMarkupIsShown()
{
    Rig rig(kMarkup);
    QSignalSpy delivered(rig.notifier.get(), &DesktopNotifier::delivered);
    // A user id from the network with markup and a terminal escape in it.
    rig.notifier->notify(QStringLiteral("PUBLISH_ERROR on <b>show</b>"),
                         QStringLiteral("<a href=\"x\">me</a> & \x1b[31mred\nnext"),
                         QStringLiteral("k"));
    QTRY_COMPARE(delivered.size(), 1);
    const FakeNotifications::Call &call = rig.fake.calls.constFirst();
    QCOMPARE(call.body,
             QStringLiteral("&lt;a href=&quot;x&quot;&gt;me&lt;/a&gt; &amp;  [31mred next"));
    // The summary is never markup.
    QCOMPARE(call.summary, QStringLiteral("PUBLISH_ERROR on <b>show</b>"));
}

void TestDesktopNotifications::plainTextServiceGetsPlainText()
{
    Rig rig({QStringLiteral("body"), QStringLiteral("actions")});
    QSignalSpy delivered(rig.notifier.get(), &DesktopNotifier::delivered);
    rig.notifier->notify(QStringLiteral("s"), QStringLiteral("a < b & c\x07"), QStringLiteral("k"));
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(rig.fake.calls.constFirst().body, QStringLiteral("a < b & c "));
}

void TestDesktopNotifications::aClickComesBackWithItsKey()
{
    Rig rig(kMarkup);
    QSignalSpy delivered(rig.notifier.get(), &DesktopNotifier::delivered);
    QSignalSpy activated(rig.notifier.get(), &DesktopNotifier::activated);
    rig.notifier->notify(QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("stage\nguest"));
    QTRY_COMPARE(delivered.size(), 1);
    const uint id = rig.fake.calls.constFirst().id;
    // Another notification's click, and another action, are not ours.
    emit rig.fake.ActionInvoked(id + 100, QStringLiteral("default"));
    emit rig.fake.ActionInvoked(id, QStringLiteral("other"));
    emit rig.fake.ActionInvoked(id, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("stage\nguest"));
    // Signals arrive in order: had either of the first two been taken, it would have come first.
}

void TestDesktopNotifications::noServiceOnTheBusSaysSo()
{
    PrivateBus bus;
    QVERIFY(bus.isRunning());
    const QDBusConnection client = bus.connect(QStringLiteral("lonely"));
    DesktopNotifier notifier([client] { return client; });
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    notifier.notify(QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("k"));
    // Offscreen there is no system tray either.
    QTRY_COMPARE(unavailable.size(), 1);
    QCOMPARE(notifier.lastRoute(), DesktopNotifier::Route::None);
    QVERIFY(unavailable.at(0).at(0).toString().contains(QStringLiteral("notification service")));
}

void TestDesktopNotifications::noBusSaysSo()
{
    DesktopNotifier notifier([] { return QDBusConnection(QStringLiteral("never connected")); });
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    notifier.notify(QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("k"));
    QCOMPARE(unavailable.size(), 1); // at once: nothing to wait for
    QCOMPARE(notifier.lastRoute(), DesktopNotifier::Route::None);
}

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktop_notifications.moc"
