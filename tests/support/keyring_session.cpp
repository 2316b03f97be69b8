#include "support/keyring_session.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

namespace testsupport {

namespace {
constexpr int kStartTimeoutMs = 10000;
}

KeyringSession::KeyringSession() = default;

KeyringSession::~KeyringSession()
{
    for (QProcess *process : {m_keyring.get(), m_bus.get()}) {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(3000)) {
                process->kill();
                process->waitForFinished(1000);
            }
        }
    }
}

QString KeyringSession::homePath() const
{
    return m_dir.filePath(QStringLiteral("home"));
}

QString KeyringSession::keyringStorePath() const
{
    return m_dir.filePath(QStringLiteral("home/.local/share/keyrings"));
}

QProcessEnvironment KeyringSession::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = homePath();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
    for (const char *variable :
         {"DISPLAY", "WAYLAND_DISPLAY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"})
        environment.remove(QString::fromLatin1(variable));
    return environment;
}

bool KeyringSession::start(QString *error, Service service)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    QDir().mkpath(m_dir.filePath(QStringLiteral("home/.local/share")));
    QDir().mkpath(m_dir.filePath(QStringLiteral("home/.config")));
    QDir().mkpath(m_dir.filePath(QStringLiteral("run")));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("run")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A bus configuration without service directories: nothing gets started on demand, so a
    // bus without a Secret Service really has none (the stock session bus would activate
    // gnome-keyring by itself).
    QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the bus configuration");
        return false;
    }
    config.write(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
        "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:path=" +
        m_dir.filePath(QStringLiteral("bus")).toUtf8() +
        "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
        "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
        "<allow own=\"*\"/></policy></busconfig>\n");
    config.close();

    m_bus = std::make_unique<QProcess>();
    m_bus->setProcessChannelMode(QProcess::SeparateChannels);
    m_bus->start(QStringLiteral("dbus-daemon"),
                 {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                  QStringLiteral("--print-address=1")});
    if (!m_bus->waitForStarted(kStartTimeoutMs)) {
        *error = QStringLiteral("dbus-daemon did not start (install the dbus package): ") +
                 m_bus->errorString();
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!m_bus->canReadLine() && !deadline.hasExpired())
        m_bus->waitForReadyRead(100);
    m_busAddress = QString::fromUtf8(m_bus->readLine()).trimmed();
    if (m_busAddress.isEmpty()) {
        *error = QStringLiteral("dbus-daemon printed no address");
        return false;
    }
    if (service == Service::None)
        return true;

    m_keyring = std::make_unique<QProcess>();
    m_keyring->setProcessEnvironment(environment());
    m_keyring->start(QStringLiteral("gnome-keyring-daemon"),
                     {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                      QStringLiteral("--components=secrets")});
    if (!m_keyring->waitForStarted(kStartTimeoutMs)) {
        *error = QStringLiteral("gnome-keyring-daemon did not start (install gnome-keyring): ") +
                 m_keyring->errorString();
        return false;
    }
    // --unlock reads the new keyring's password from standard input.
    m_keyring->write("test-keyring-password");
    m_keyring->waitForBytesWritten(kStartTimeoutMs); // no event loop runs here to send it
    m_keyring->closeWriteChannel();

    while (!deadline.hasExpired()) {
        QByteArray reply;
        if (runTool(QStringLiteral("dbus-send"),
                    {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                     QStringLiteral("--dest=org.freedesktop.DBus"),
                     QStringLiteral("/org/freedesktop/DBus"),
                     QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                     QStringLiteral("string:org.freedesktop.secrets")},
                    &reply, nullptr) &&
            reply.contains("boolean true"))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("gnome-keyring-daemon did not register the Secret Service (%1, exit "
                            "code %2): %3")
                 .arg(m_keyring->state() == QProcess::Running ? QStringLiteral("running")
                                                              : QStringLiteral("not running"))
                 .arg(m_keyring->exitCode())
                 .arg(QString::fromLocal8Bit(m_keyring->readAllStandardError()));
    return false;
}

void KeyringSession::exportToThisProcess() const
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    qputenv("XDG_RUNTIME_DIR", m_dir.filePath(QStringLiteral("run")).toUtf8());
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
}

bool KeyringSession::runTool(const QString &program, const QStringList &arguments,
                             QByteArray *output, QString *error) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program, arguments);
    if (!process.waitForFinished(kStartTimeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed: %2")
                         .arg(program, QString::fromLocal8Bit(process.readAllStandardError()));
        process.kill();
        process.waitForFinished(1000);
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool KeyringSession::lockLoginCollection(QString *error) const
{
    return runTool(QStringLiteral("gdbus"),
                   {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                    QStringLiteral("org.freedesktop.secrets"), QStringLiteral("--object-path"),
                    QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("--method"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("['/org/freedesktop/secrets/collection/login']")},
                   nullptr, error);
}

QByteArray KeyringSession::lookupWithSecretTool(const QString &service, const QString &key) const
{
    QByteArray output;
    runTool(
        QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"), service},
        &output, nullptr);
    return output;
}

} // namespace testsupport
