#pragma once

#include "workspace/monitor_time.h"

#include <functional>
#include <QPointer>
#include <QTimeZone>
#include <vector>

namespace testsupport {

// A MonitorTime that moves only when the test says: advance() runs what comes due in order of
// time, moving the clock to each in turn, and lets the event loop settle between them (loopback
// answers arrive) with `settle`.
class ManualMonitorTime final : public workspace::MonitorTime {
public:
    explicit ManualMonitorTime(QDateTime wallOrigin = QDateTime(QDate(2026, 5, 1), QTime(18, 0),
                                                                QTimeZone::utc()));

    qint64 elapsedMs() const override { return m_now; }
    QDateTime wallClock() const override { return m_wallOrigin.addMSecs(m_now); }
    void runLater(qint64 delayMs, QObject *context, std::function<void()> then) override;

    // Called before each due callback runs and once more at the end; typically waits until the
    // client has nothing under way.
    void setSettle(std::function<void()> settle) { m_settle = std::move(settle); }
    // Moves the clock `ms` forward, running everything that comes due on the way (and what that
    // schedules, if it is due by then too).
    void advance(qint64 ms);
    // Callbacks waiting, for checks that nothing is left.
    std::size_t pending() const { return m_pending.size(); }
    // The earliest time something waits for; -1 when nothing does.
    qint64 nextDue() const;

private:
    struct Pending {
        qint64 due;
        quint64 order;
        QPointer<QObject> context;
        std::function<void()> then;
    };

    void settle()
    {
        if (m_settle)
            m_settle();
    }

    QDateTime m_wallOrigin;
    qint64 m_now = 0;
    quint64 m_order = 0;
    std::vector<Pending> m_pending;
    std::function<void()> m_settle;
};

} // namespace testsupport
