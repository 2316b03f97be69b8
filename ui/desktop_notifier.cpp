#include "desktop_notifier.h"

#include "identity/app_identity.h"

#include <QApplication>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QIcon>
#include <QSystemTrayIcon>

namespace ui {

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");
// How long a notification stays up, where the service lets the sender say.
constexpr int kExpireMs = 15000;
// Keys of notifications that may still be clicked.
constexpr int kRememberedKeys = 64;

} // namespace

QString notificationText(const QString &text, bool markup)
{
    QString plain;
    plain.reserve(text.size());
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        const bool control =
            unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit == 0x2028 || unit == 0x2029;
        plain += control ? QLatin1Char(' ') : c;
    }
    return markup ? plain.toHtmlEscaped() : plain;
}

DesktopNotifier::DesktopNotifier(BusFactory bus, QObject *parent)
    : QObject(parent)
    , m_busFactory(std::move(bus))
{
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &summary, const QString &body, const QString &key)
{
    const Pending notification{summary, body, key};
    if (!m_bus) {
        m_bus = m_busFactory();
        m_useDBus = m_bus->isConnected();
    }
    if (!m_useDBus)
        return sendOverTray(notification);
    if (m_markup == Markup::Unknown || m_markup == Markup::Asking) {
        // The first notifications wait for the service to say how it shows text; the newest
        // replaces the rest, as it would on screen.
        m_waiting = {notification};
        askCapabilities();
        return;
    }
    send(notification);
}

void DesktopNotifier::askCapabilities()
{
    if (m_markup == Markup::Asking)
        return;
    m_markup = Markup::Asking;
    // Listened to from the first notification on, not before: a window that never notifies
    // never talks to the bus.
    m_bus->connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                   SLOT(onActionInvoked(uint, QString)));
    m_bus->connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                   SLOT(onClosed(uint, uint)));
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                             QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(call, kExpireMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isError()) {
            // No notification service on the bus: the tray, from now on.
            m_useDBus = false;
            m_markup = Markup::No;
        } else {
            m_markup =
                reply.value().contains(QStringLiteral("body-markup")) ? Markup::Yes : Markup::No;
        }
        const QList<Pending> waiting = std::exchange(m_waiting, {});
        for (const Pending &notification : waiting)
            m_useDBus ? send(notification) : sendOverTray(notification);
    });
}

void DesktopNotifier::send(const Pending &notification)
{
    const bool markup = m_markup == Markup::Yes;
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), identity::appId());
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(2))); // critical
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QCoreApplication::applicationName() << m_shownId << identity::appId()
         << notificationText(notification.summary, false)
         << notificationText(notification.body, markup) << QStringList{kDefaultAction, tr("Show")}
         << hints << kExpireMs;
    auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(call, kExpireMs), this);
    const QString key = notification.key;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key, notification](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    m_useDBus = false; // the service went away: the tray from now on
                    return sendOverTray(notification);
                }
                m_shownId = reply.value();
                if (m_keys.size() >= kRememberedKeys)
                    m_keys.clear();
                m_keys.insert(m_shownId, key);
                m_route = Route::DBus;
                emit delivered(m_route);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto key = m_keys.constFind(id);
    if (key == m_keys.cend() || action != kDefaultAction)
        return;
    emit activated(*key);
}

void DesktopNotifier::onClosed(uint id, uint /*reason*/)
{
    if (id == m_shownId)
        m_shownId = 0;
    m_keys.remove(id);
}

void DesktopNotifier::sendOverTray(const Pending &notification)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages()) {
        m_route = Route::None;
        emit unavailable(tr("This desktop has neither a notification service nor a system tray "
                            "that shows messages."));
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QCoreApplication::applicationName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this,
                [this] { emit activated(m_trayKey); });
    }
    m_tray->show();
    m_trayKey = notification.key;
    m_tray->showMessage(notificationText(notification.summary, false),
                        notificationText(notification.body, false), QSystemTrayIcon::Critical,
                        kExpireMs);
    m_route = Route::Tray;
    emit delivered(m_route);
}

} // namespace ui
