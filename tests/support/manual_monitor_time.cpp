#include "support/manual_monitor_time.h"

#include <algorithm>

namespace testsupport {

ManualMonitorTime::ManualMonitorTime(QDateTime wallOrigin)
    : m_wallOrigin(std::move(wallOrigin))
{
}

void ManualMonitorTime::runLater(qint64 delayMs, QObject *context, std::function<void()> then)
{
    m_pending.push_back(
        {m_now + std::max<qint64>(delayMs, 0), m_order++, context, std::move(then)});
}

qint64 ManualMonitorTime::nextDue() const
{
    qint64 earliest = -1;
    for (const Pending &pending : m_pending) {
        if (earliest < 0 || pending.due < earliest)
            earliest = pending.due;
    }
    return earliest;
}

void ManualMonitorTime::advance(qint64 ms)
{
    const qint64 target = m_now + std::max<qint64>(ms, 0);
    for (;;) {
        settle();
        const auto next = std::min_element(
            m_pending.begin(), m_pending.end(), [](const Pending &a, const Pending &b) {
                return a.due != b.due ? a.due < b.due : a.order < b.order;
            });
        if (next == m_pending.end() || next->due > target)
            break;
        Pending due = std::move(*next);
        m_pending.erase(next);
        m_now = std::max(m_now, due.due);
        if (due.context)
            due.then();
    }
    m_now = target;
}

} // namespace testsupport
