#include "workspace/request_budget.h"

#include "workspace/monitor_time.h"

#include <algorithm>
#include <cmath>

namespace workspace {

RequestBudget::RequestBudget(MonitorTime &time, RequestRate rate, QObject *parent)
    : QObject(parent)
    , m_time(time)
    , m_rate(rate)
{
    m_rate.perSecond = std::max(m_rate.perSecond, 0.01);
    m_rate.burst = std::max(m_rate.burst, 1);
}

void RequestBudget::refill(Bucket &bucket, qint64 now) const
{
    if (bucket.refilledAtMs < 0) {
        bucket.tokens = m_rate.burst;
    } else if (now > bucket.refilledAtMs) {
        bucket.tokens =
            std::min<double>(m_rate.burst, bucket.tokens + double(now - bucket.refilledAtMs) *
                                                               m_rate.perSecond / 1000.0);
    }
    bucket.refilledAtMs = std::max(bucket.refilledAtMs, now);
}

void RequestBudget::acquire(const QString &region, QObject *context, std::function<void()> send)
{
    m_buckets[region].queue.push_back({context, std::move(send)});
    drain(region);
}

void RequestBudget::holdOff(const QString &region, qint64 delayMs)
{
    const qint64 now = m_time.elapsedMs();
    Bucket &bucket = m_buckets[region];
    refill(bucket, now);
    bucket.heldUntilMs = std::max(bucket.heldUntilMs, now + std::max<qint64>(delayMs, 0));
    // After the hold one request may go, then the rate starts from there: no burst.
    bucket.tokens = 1;
    bucket.refilledAtMs = bucket.heldUntilMs;
}

void RequestBudget::drain(const QString &region)
{
    const qint64 now = m_time.elapsedMs();
    // Looked up afresh each time round: a sender may ask for another region, which can move the
    // buckets, or for more in this one.
    for (;;) {
        Bucket &bucket = m_buckets[region];
        refill(bucket, now);
        while (!bucket.queue.empty() && !bucket.queue.front().context)
            bucket.queue.pop_front();
        if (bucket.queue.empty())
            return;
        // A millionth of a token short is rounding, not a wait.
        if (now < bucket.heldUntilMs || bucket.tokens < 1.0 - 1e-6)
            return scheduleWake(region, bucket, now);
        bucket.tokens = std::max(0.0, bucket.tokens - 1.0);
        ++bucket.granted;
        const std::function<void()> send = std::move(bucket.queue.front().send);
        bucket.queue.pop_front();
        send();
    }
}

void RequestBudget::scheduleWake(const QString &region, Bucket &bucket, qint64 now)
{
    if (bucket.wakeScheduled)
        return;
    qint64 wakeAt = std::max(now, bucket.heldUntilMs);
    if (bucket.tokens < 1.0 - 1e-6) {
        const double missing = 1.0 - bucket.tokens;
        const qint64 refillAt = std::max(bucket.refilledAtMs, now) +
                                qint64(std::ceil(missing * 1000.0 / m_rate.perSecond));
        wakeAt = std::max(wakeAt, refillAt);
    }
    bucket.wakeScheduled = true;
    m_time.runLater(wakeAt - now, this, [this, region] {
        m_buckets[region].wakeScheduled = false;
        drain(region);
    });
}

} // namespace workspace
