#pragma once

#include <deque>
#include <functional>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace workspace {

class MonitorTime;

// How many requests a live monitor may send in one region: a token bucket, `perSecond` on
// average with bursts of at most `burst`. Amazon IVS Real-Time allows 5 TPS for ListStageSessions,
// ListParticipants and ListParticipantEvents per account and region; the default of 2 keeps well
// under that, leaving room for the window and other tools on the same account.
struct RequestRate {
    double perSecond = 2.0;
    int burst = 2;
};

// Requests wait their turn here, per region, in the order they asked; nothing is ever sent faster
// than the rate. One budget can be shared by several monitors so that together they keep to it.
class RequestBudget final : public QObject {
    Q_OBJECT
public:
    RequestBudget(MonitorTime &time, RequestRate rate = {}, QObject *parent = nullptr);

    const RequestRate &rate() const { return m_rate; }

    // Runs `send` as soon as `region`'s budget allows (at once when it does now), unless
    // `context` is destroyed before.
    void acquire(const QString &region, QObject *context, std::function<void()> send);
    // Nothing more is sent in `region` for `delayMs` (the service said it was throttling).
    void holdOff(const QString &region, qint64 delayMs);

    // Requests sent (or about to be) in `region` since the budget was made.
    qint64 granted(const QString &region) const { return m_buckets.value(region).granted; }
    int waiting(const QString &region) const
    {
        return static_cast<int>(m_buckets.value(region).queue.size());
    }

private:
    struct Waiter {
        QPointer<QObject> context;
        std::function<void()> send;
    };
    struct Bucket {
        double tokens = 0;
        qint64 refilledAtMs = -1;
        qint64 heldUntilMs = 0;
        qint64 granted = 0;
        bool wakeScheduled = false;
        std::deque<Waiter> queue;
    };

    void refill(Bucket &bucket, qint64 now) const;
    void drain(const QString &region);
    void scheduleWake(const QString &region, Bucket &bucket, qint64 now);

    MonitorTime &m_time;
    RequestRate m_rate;
    QHash<QString, Bucket> m_buckets;
};

} // namespace workspace
