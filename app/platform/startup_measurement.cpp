#include "platform/startup_measurement.h"

#include <cstdio>
#include <ctime>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace startup {

namespace {

constexpr int kPaintDeadlineMs = 60000;

// Started while the program loads, before main(): the fallback where the kernel keeps no start
// time for us.
QElapsedTimer startedAtLoad()
{
    QElapsedTimer timer;
    timer.start();
    return timer;
}
const QElapsedTimer loadTimer = startedAtLoad();

#ifdef Q_OS_LINUX
// Field 22 of /proc/self/stat: the start time in clock ticks since boot. The command name
// (field 2) is in parentheses and may hold spaces, so fields are counted after its last ')'.
double processStartSecondsSinceBoot()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype nameEnd = line.lastIndexOf(')');
    if (nameEnd < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(nameEnd + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3; // fields 3, 4, ... follow the name
    bool ok = false;
    const qulonglong ticks = fields.value(kStartTimeAfterName).toULongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    return double(ticks) / double(ticksPerSecond);
}
#endif

class FirstPaintWatcher final : public QObject {
public:
    explicit FirstPaintWatcher(QObject &painted)
        : QObject(&painted)
    {
        painted.installEventFilter(this);
        QTimer::singleShot(kPaintDeadlineMs, this, [] {
            std::fprintf(stderr, "startup: the window was not painted within %d s\n",
                         kPaintDeadlineMs / 1000);
            QCoreApplication::exit(1);
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Counted once this paint has been done, as the user sees it.
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::printf("startup: %.0f ms\n", millisecondsSinceProcessStart());
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

QCommandLineOption measureStartupOption()
{
    return QCommandLineOption(
        QStringLiteral("measure-startup"),
        QCoreApplication::translate("startup",
                                    "Print how many milliseconds passed from start until the "
                                    "window was first drawn, then quit."));
}

void reportFirstPaint(QObject &painted)
{
    new FirstPaintWatcher(painted);
}

double millisecondsSinceProcessStart()
{
#ifdef Q_OS_LINUX
    const double startedAt = processStartSecondsSinceBoot();
    timespec now{};
    if (startedAt >= 0 && clock_gettime(CLOCK_BOOTTIME, &now) == 0)
        return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startedAt) * 1000.0;
#endif
    return double(loadTimer.nsecsElapsed()) / 1e6;
}

} // namespace startup
