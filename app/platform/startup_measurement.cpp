#include "platform/startup_measurement.h"

#include "platform/process_start.h"

#include <cstdio>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>

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
    if (const std::optional<double> age = platform::processAgeMilliseconds())
        return *age;
    return double(loadTimer.nsecsElapsed()) / 1e6;
}

} // namespace startup
