#pragma once

#include <memory>
#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

namespace testsupport {

// A D-Bus bus of the test's own: a dbus-daemon on a socket in a temporary folder, with no service
// activation (nothing on it but what the test puts there). Stopped with the object.
class PrivateBus {
public:
    PrivateBus();
    ~PrivateBus();
    bool isRunning() const { return !m_address.isEmpty(); }
    QString address() const { return m_address; }
    // A new connection to the bus, named `name` within this process.
    QDBusConnection connect(const QString &name) const;

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    mutable QStringList m_connections;
};

// What a desktop's notification service does with org.freedesktop.Notifications, as far as the
// app uses it: it records every Notify and answers with an id (the one to replace, if given).
class FakeNotifications final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
        uint id = 0;
    };

    explicit FakeNotifications(QStringList capabilities);
    // Takes the service's name and path on `bus`.
    bool publishOn(QDBusConnection bus);

    QList<Call> calls;
    int capabilityQuestions = 0;

public slots:
    QStringList GetCapabilities();
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout);

signals:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    QStringList m_capabilities;
    uint m_nextId = 1;
};

} // namespace testsupport
