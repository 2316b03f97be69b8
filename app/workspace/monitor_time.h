#pragma once

#include <functional>
#include <QDateTime>
#include <QElapsedTimer>

class QObject;

namespace workspace {

// The live monitor's view of time: a monotonic clock, a wall clock, and a way to run something
// later. The monitor never reads the system clock or starts a QTimer of its own, so tests drive
// all three by hand and a long session passes in no real time.
class MonitorTime {
public:
    virtual ~MonitorTime() = default;
    // Milliseconds on a clock that never goes back (the origin is arbitrary).
    virtual qint64 elapsedMs() const = 0;
    // Now, in UTC, for times the monitor stamps itself (a recording seen FAILED).
    virtual QDateTime wallClock() const = 0;
    // Runs `then` after `delayMs` (0: as soon as the event loop runs), unless `context` is
    // destroyed first.
    virtual void runLater(qint64 delayMs, QObject *context, std::function<void()> then) = 0;
};

// The real clocks: QElapsedTimer, the system's UTC time and QTimer::singleShot.
class SystemMonitorTime final : public MonitorTime {
public:
    SystemMonitorTime() { m_elapsed.start(); }
    qint64 elapsedMs() const override { return m_elapsed.elapsed(); }
    QDateTime wallClock() const override { return QDateTime::currentDateTimeUtc(); }
    void runLater(qint64 delayMs, QObject *context, std::function<void()> then) override;

private:
    QElapsedTimer m_elapsed;
};

} // namespace workspace
