#include "demo/demo_live_show.h"

#include <algorithm>
#include <QSet>

namespace demo {

namespace {

const QString kSecondSessionId = QStringLiteral("st-TownHallRun0002");
constexpr qint64 kFirstSessionStartMs = -600 * 1000;
constexpr qint64 kFirstSessionEndMs = 240 * 1000;
constexpr qint64 kSecondSessionStartMs = 255 * 1000;

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject eventObject(const QString &name, const QDateTime &time, const QString &errorCode)
{
    QJsonObject object{{QStringLiteral("name"), name}, {QStringLiteral("eventTime"), iso(time)}};
    if (!errorCode.isEmpty())
        object.insert(QStringLiteral("errorCode"), errorCode);
    return object;
}

} // namespace

const QString LiveShow::kStageArn =
    QStringLiteral("arn:aws:ivs:ap-northeast-1:123456789012:stage/Tn4Hall2026x");
const QString LiveShow::kFirstSessionId = QStringLiteral("st-9ZyXwVuTsRqPoNm");

LiveShow::LiveShow(const QDateTime &origin)
    : m_origin(origin.toUTC())
{
    const QString whip = QStringLiteral("WHIP");
    const QString viewer = QStringLiteral("pE5viewer0000005");
    const QString maya = QStringLiteral("pF6hostMaya00006");
    const QString omar = QStringLiteral("pG7guestOmar0007");
    const QString camera = QStringLiteral("pH8obsCam0000008");
    const QString omarAgain = QStringLiteral("pJ9guestOmar0009");
    const QString mayaNext = QStringLiteral("pK1hostMaya00010");
    const auto s = [](int seconds) { return qint64(seconds) * 1000; };
    m_steps = {
        {0,
         viewer,
         QStringLiteral("viewer-1"),
         QStringLiteral("UNKNOWN"),
         s(-500),
         QStringLiteral("JOINED"),
         {}},
        {0, viewer, {}, {}, s(-499), QStringLiteral("SUBSCRIBE_STARTED"), {}},
        {0, maya, QStringLiteral("host-maya"), whip, s(5), QStringLiteral("JOINED"), {}},
        {0, maya, {}, {}, s(7), QStringLiteral("PUBLISH_STARTED"), {}},
        {0, omar, QStringLiteral("guest-omar"), whip, s(15), QStringLiteral("JOINED"), {}},
        {0,
         omar,
         {},
         {},
         s(18),
         QStringLiteral("PUBLISH_ERROR"),
         QStringLiteral("B_FRAME_PRESENT")},
        {0,
         camera,
         QStringLiteral("obs-stage-cam"),
         QStringLiteral("RTMPS"),
         s(30),
         QStringLiteral("JOINED"),
         {}},
        {0, camera, {}, {}, s(31), QStringLiteral("PUBLISH_STARTED"), {}},
        {0, omar, {}, {}, s(60), QStringLiteral("LEFT"), {}},
        {0, omarAgain, QStringLiteral("guest-omar"), whip, s(75), QStringLiteral("JOINED"), {}},
        {0, omarAgain, {}, {}, s(77), QStringLiteral("PUBLISH_STARTED"), {}},
        {1, mayaNext, QStringLiteral("host-maya"), whip, s(256), QStringLiteral("JOINED"), {}},
        {1, mayaNext, {}, {}, s(258), QStringLiteral("PUBLISH_STARTED"), {}},
    };
}

int LiveShow::sessionIndex(const QString &sessionId) const
{
    if (sessionId == kFirstSessionId)
        return 0;
    if (sessionId == kSecondSessionId)
        return 1;
    return -1;
}

QList<QJsonObject> LiveShow::sessions(const QDateTime &now) const
{
    const qint64 t = m_origin.msecsTo(now);
    QList<QJsonObject> list;
    if (t >= kSecondSessionStartMs)
        list.append(QJsonObject{{QStringLiteral("sessionId"), kSecondSessionId},
                                {QStringLiteral("startTime"), iso(at(kSecondSessionStartMs))}});
    QJsonObject first{{QStringLiteral("sessionId"), kFirstSessionId},
                      {QStringLiteral("startTime"), iso(at(kFirstSessionStartMs))}};
    if (t >= kFirstSessionEndMs)
        first.insert(QStringLiteral("endTime"), iso(at(kFirstSessionEndMs)));
    list.append(first);
    return list;
}

QString LiveShow::activeSessionId(const QDateTime &now) const
{
    const qint64 t = m_origin.msecsTo(now);
    if (t >= kSecondSessionStartMs)
        return kSecondSessionId;
    return t < kFirstSessionEndMs ? kFirstSessionId : QString();
}

bool LiveShow::hasSession(const QString &sessionId, const QDateTime &now) const
{
    const int index = sessionIndex(sessionId);
    return index == 0 || (index == 1 && m_origin.msecsTo(now) >= kSecondSessionStartMs);
}

LiveShow::State LiveShow::stateAt(int session, const QString &participantId,
                                  const QDateTime &now) const
{
    const qint64 t = m_origin.msecsTo(now);
    const QDateTime disconnectedAt = m_disconnected.value(participantId);
    State state;
    for (const Step &step : m_steps) {
        if (step.session != session || step.participantId != participantId || step.atMs > t)
            continue;
        const QDateTime time = at(step.atMs);
        if (disconnectedAt.isValid() && time > disconnectedAt)
            break;
        if (!state.known) {
            state.known = true;
            state.firstJoin = time;
            state.userId = step.userId;
            state.protocol = step.protocol;
        }
        state.events.append(eventObject(step.event, time, step.errorCode));
        if (step.event == QLatin1String("JOINED"))
            state.connected = true;
        else if (step.event == QLatin1String("PUBLISH_STARTED"))
            state.published = true;
        else if (step.event == QLatin1String("PUBLISH_ERROR"))
            state.published = false;
        else if (step.event == QLatin1String("LEFT"))
            state.connected = state.published = false;
    }
    if (!state.known || !state.connected)
        return state;
    QDateTime leftAt;
    if (disconnectedAt.isValid() && disconnectedAt <= now)
        leftAt = disconnectedAt;
    else if (session == 0 && t >= kFirstSessionEndMs)
        leftAt = at(kFirstSessionEndMs);
    if (leftAt.isValid()) {
        state.events.append(eventObject(QStringLiteral("LEFT"), leftAt, {}));
        state.connected = state.published = false;
    }
    return state;
}

QList<QJsonObject> LiveShow::participants(const QString &sessionId, const QDateTime &now) const
{
    const int session = sessionIndex(sessionId);
    QList<QJsonObject> list;
    QSet<QString> done;
    for (const Step &step : m_steps) {
        if (step.session != session || done.contains(step.participantId))
            continue;
        done.insert(step.participantId);
        const State state = stateAt(session, step.participantId, now);
        if (!state.known)
            continue;
        list.append(QJsonObject{
            {QStringLiteral("participantId"), step.participantId},
            {QStringLiteral("userId"), state.userId},
            {QStringLiteral("state"),
             state.connected ? QStringLiteral("CONNECTED") : QStringLiteral("DISCONNECTED")},
            {QStringLiteral("published"), state.published},
            {QStringLiteral("recordingState"), QStringLiteral("DISABLED")},
            {QStringLiteral("protocol"), state.protocol},
            {QStringLiteral("replicationType"), QStringLiteral("NONE")},
            {QStringLiteral("firstJoinTime"), iso(state.firstJoin)},
        });
    }
    return list;
}

QList<QJsonObject> LiveShow::events(const QString &sessionId, const QString &participantId,
                                    const QDateTime &now) const
{
    return stateAt(sessionIndex(sessionId), participantId, now).events;
}

bool LiveShow::disconnect(const QString &participantId, const QDateTime &now)
{
    const QString active = activeSessionId(now);
    if (active.isEmpty() || !stateAt(sessionIndex(active), participantId, now).connected)
        return false;
    m_disconnected.insert(participantId, now.toUTC());
    return true;
}

} // namespace demo
