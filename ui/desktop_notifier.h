#pragma once

#include <functional>
#include <optional>
#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace ui {

// Tells the desktop about something the user asked to hear of, even while the window is hidden:
// a freedesktop notification over D-Bus (org.freedesktop.Notifications) where a notification
// service answers, else the system tray's message. Clicking the notification emits activated()
// with the key it was sent with.
//
// Nothing here waits: the calls are asynchronous, and notifications sent before the service has
// said whether it renders markup wait for that answer. Text from the network is shown as text:
// control characters become spaces, and markup is escaped for a service that renders it. A new
// notification replaces the one this notifier showed before, if that is still up, so a burst of
// failures is one notification rather than a column of them.
class DesktopNotifier final : public QObject {
    Q_OBJECT
public:
    enum class Route { Pending, DBus, Tray, None };

    using BusFactory = std::function<QDBusConnection()>;
    // `bus` gives the session bus in the app (tests give a private one); it is asked at the first
    // notification, so a window that never notifies never connects. Without a connected bus (or
    // where no notification service answers on it), the system tray.
    explicit DesktopNotifier(BusFactory bus, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void notify(const QString &summary, const QString &body, const QString &key);
    // How the last notification went out.
    Route lastRoute() const { return m_route; }
    // A notification of ours is up (over D-Bus), to be replaced by the next.
    bool isShowing() const { return m_shownId != 0; }

signals:
    void activated(const QString &key);
    // The last notification reached nobody: no notification service and no system tray.
    void unavailable(const QString &why);
    // The last notification was handed over (for tests).
    void delivered(ui::DesktopNotifier::Route route);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Pending {
        QString summary;
        QString body;
        QString key;
    };
    void send(const Pending &notification);
    void sendOverTray(const Pending &notification);
    void askCapabilities();

    BusFactory m_busFactory;
    std::optional<QDBusConnection> m_bus;
    bool m_useDBus = true;
    enum class Markup { Unknown, Asking, Yes, No } m_markup = Markup::Unknown;
    QList<Pending> m_waiting;
    QHash<uint, QString> m_keys; // shown notification → key
    uint m_shownId = 0;          // the notification a new one replaces; 0: none up
    Route m_route = Route::Pending;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_trayKey;
};

// `text` for a notification: control characters as spaces, and escaped when `markup`.
QString notificationText(const QString &text, bool markup);

} // namespace ui
