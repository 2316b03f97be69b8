#include "support/private_bus.h"

#include <QDeadlineTimer>
#include <QFile>

namespace testsupport {

PrivateBus::PrivateBus()
{
    if (!m_dir.isValid())
        return;
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(QStringLiteral(
                   "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                   "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                   "<auth>EXTERNAL</auth><policy context=\"default\">"
                   "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                   "<allow own=\"*\"/></policy></busconfig>\n")
                   .arg(m_dir.path())
                   .toUtf8());
    file.close();
    m_daemon.start(QStringLiteral("dbus-daemon"),
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                    QStringLiteral("--print-address")});
    // The address is the first line it prints; waited for with a deadline, read with a cap.
    QByteArray out;
    const QDeadlineTimer deadline(10000);
    while (!out.contains('\n') && out.size() < 4096 && !deadline.hasExpired() &&
           m_daemon.state() != QProcess::NotRunning) {
        if (m_daemon.waitForReadyRead(int(deadline.remainingTime())))
            out += m_daemon.read(4096 - out.size());
    }
    if (out.contains('\n'))
        m_address = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
}

PrivateBus::~PrivateBus()
{
    for (const QString &name : std::as_const(m_connections))
        QDBusConnection::disconnectFromBus(name);
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000))
            m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
}

QDBusConnection PrivateBus::connect(const QString &name) const
{
    m_connections.append(name);
    return QDBusConnection::connectToBus(m_address, name);
}

FakeNotifications::FakeNotifications(QStringList capabilities)
    : m_capabilities(std::move(capabilities))
{
}

bool FakeNotifications::publishOn(QDBusConnection bus)
{
    return bus.registerService(QStringLiteral("org.freedesktop.Notifications")) &&
           bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                              QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals);
}

QStringList FakeNotifications::GetCapabilities()
{
    ++capabilityQuestions;
    return m_capabilities;
}

uint FakeNotifications::Notify(const QString &appName, uint replacesId, const QString &,
                               const QString &summary, const QString &body,
                               const QStringList &actions, const QVariantMap &hints,
                               int expireTimeout)
{
    const uint id = replacesId != 0 ? replacesId : m_nextId++;
    calls.append({appName, replacesId, summary, body, actions, hints, expireTimeout, id});
    return id;
}

} // namespace testsupport
