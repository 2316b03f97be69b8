#include "workspace/monitor_timeline.h"

#include <algorithm>
#include <cstring>
#include <QCryptographicHash>

namespace workspace {

bool isFailureEvent(const ivs::ParticipantEvent &event)
{
    if (event.name == QLatin1String("PUBLISH_ERROR") || event.name == kRecordingFailedEvent)
        return true;
    return event.name == QLatin1String("LEFT") && !event.errorCode.isEmpty();
}

MonitorTimeline::MonitorTimeline(int capacity)
    : m_capacity(std::max(capacity, 1))
{
}

quint64 MonitorTimeline::identity(const MonitorEvent &event)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Each field ends with a byte no field contains, so "ab"+"c" and "a"+"bc" differ.
    const auto field = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    };
    field(event.sessionId);
    field(event.participantId);
    field(event.event.name);
    field(QString::number(event.event.eventTime.toMSecsSinceEpoch()));
    field(event.event.errorCode);
    field(event.event.remoteParticipantId);
    const QByteArray digest = hash.result();
    quint64 value = 0;
    std::memcpy(&value, digest.constData(), sizeof value);
    return value;
}

QList<MonitorEvent> MonitorTimeline::add(const QList<MonitorEvent> &events)
{
    QList<MonitorEvent> fresh;
    for (const MonitorEvent &event : events) {
        const quint64 id = identity(event);
        if (m_seen.contains(id))
            continue;
        m_seen.insert(id);
        m_seenOrder.push_back(id);
        fresh.append(event);
    }
    const auto byTime = [](const MonitorEvent &a, const MonitorEvent &b) {
        return a.event.eventTime < b.event.eventTime;
    };
    // Oldest first for the insertion; events of the same time keep the order they were seen.
    std::stable_sort(fresh.begin(), fresh.end(), byTime);
    for (const MonitorEvent &event : std::as_const(fresh)) {
        const auto place = std::upper_bound(m_events.begin(), m_events.end(), event, byTime);
        m_events.insert(place, event);
    }
    if (m_events.size() > m_capacity)
        m_events.remove(0, m_events.size() - m_capacity);
    const std::size_t remembered = std::size_t(m_capacity) * kRememberedPerEvent;
    while (m_seenOrder.size() > remembered) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
    std::reverse(fresh.begin(), fresh.end());
    return fresh;
}

void MonitorTimeline::clear()
{
    m_events.clear();
    m_seen.clear();
    m_seenOrder.clear();
}

} // namespace workspace
