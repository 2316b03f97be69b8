#include "demo/demo_sessions.h"

namespace demo {

namespace {

const QString kStudio = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kPodcast = QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:stage/Qx7Rk2LmPz9W");
const QString kStudioLive = QStringLiteral("st-a1b2C3d4E5f6G7h");

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QJsonObject session(const QString &id, const QDateTime &start, const QDateTime &end = {})
{
    QJsonObject object{{QStringLiteral("sessionId"), id},
                       {QStringLiteral("startTime"), iso(start)}};
    if (end.isValid())
        object.insert(QStringLiteral("endTime"), iso(end));
    return object;
}

QJsonObject participant(const QString &id, const QString &userId, const QString &state,
                        bool published, const QString &recordingState, const QString &protocol,
                        const QString &replication, const QDateTime &joined)
{
    QJsonObject object{
        {QStringLiteral("participantId"), id},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("state"), state},
        {QStringLiteral("published"), published},
        {QStringLiteral("recordingState"), recordingState},
        {QStringLiteral("protocol"), protocol},
        {QStringLiteral("replicationType"), replication},
        {QStringLiteral("firstJoinTime"), iso(joined)},
    };
    if (recordingState != QLatin1String("DISABLED")) {
        object.insert(QStringLiteral("recordingS3BucketName"),
                      QStringLiteral("studio-recordings-us-west-2"));
        object.insert(QStringLiteral("recordingS3Prefix"),
                      QStringLiteral("abcdABCDefgh/%1/%2").arg(kStudioLive, id));
    }
    return object;
}

QJsonObject event(const QString &name, const QDateTime &time, const QString &errorCode = {})
{
    QJsonObject object{{QStringLiteral("name"), name}, {QStringLiteral("eventTime"), iso(time)}};
    if (!errorCode.isEmpty())
        object.insert(QStringLiteral("errorCode"), errorCode);
    return object;
}

} // namespace

DemoSessions DemoSessions::sample(const QDateTime &now)
{
    const QDateTime liveStart = now.addSecs(-2 * 3600);
    DemoSessions demo;
    demo.sessionsByStage.insert(kStudio, {session(QStringLiteral("st-Old1Session0001"),
                                                  now.addDays(-2), now.addDays(-2).addSecs(5400)),
                                          session(kStudioLive, liveStart),
                                          session(QStringLiteral("st-Old2Session0002"),
                                                  now.addDays(-1), now.addDays(-1).addSecs(3600))});
    demo.sessionsByStage.insert(kPodcast,
                                {session(QStringLiteral("st-PodcastEp00041"), now.addDays(-7),
                                         now.addDays(-7).addSecs(4000))});

    demo.participantsBySession.insert(
        kStudioLive,
        {participant(QStringLiteral("pA1hostAnna00001"), QStringLiteral("host-anna"),
                     QStringLiteral("CONNECTED"), true, QStringLiteral("ACTIVE"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), liveStart.addSecs(60)),
         participant(QStringLiteral("pB2guestBen00002"), QStringLiteral("guest-ben"),
                     QStringLiteral("CONNECTED"), false, QStringLiteral("FAILED"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), liveStart.addSecs(300)),
         participant(QStringLiteral("pC3obsRtmps00003"), QStringLiteral("obs-rtmps"),
                     QStringLiteral("DISCONNECTED"), false, QStringLiteral("STOPPED"),
                     QStringLiteral("RTMPS"), QStringLiteral("NONE"), liveStart.addSecs(900)),
         participant(QStringLiteral("pD4replicaEu0004"), QStringLiteral("replica-eu"),
                     QStringLiteral("CONNECTED"), true, QStringLiteral("DISABLED"),
                     QStringLiteral("UNKNOWN"), QStringLiteral("REPLICA"),
                     liveStart.addSecs(1200))});

    auto key = [](const QString &sessionId, const QString &participantId) {
        return sessionId + QLatin1Char('/') + participantId;
    };
    demo.eventsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pA1hostAnna00001")),
        {event(QStringLiteral("JOINED"), liveStart.addSecs(60)),
         event(QStringLiteral("PUBLISH_STARTED"), liveStart.addSecs(62))});
    demo.eventsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pB2guestBen00002")),
        {event(QStringLiteral("JOINED"), liveStart.addSecs(300)),
         event(QStringLiteral("PUBLISH_ERROR"), liveStart.addSecs(302),
               QStringLiteral("B_FRAME_PRESENT")),
         event(QStringLiteral("SUBSCRIBE_STARTED"), liveStart.addSecs(303))});
    demo.eventsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pC3obsRtmps00003")),
        {event(QStringLiteral("JOINED"), liveStart.addSecs(900)),
         event(QStringLiteral("PUBLISH_STARTED"), liveStart.addSecs(901)),
         event(QStringLiteral("PUBLISH_ERROR"), liveStart.addSecs(1500),
               QStringLiteral("BITRATE_EXCEEDED")),
         event(QStringLiteral("LEFT"), liveStart.addSecs(1501))});
    demo.eventsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pD4replicaEu0004")),
        {event(QStringLiteral("JOINED"), liveStart.addSecs(1200)),
         event(QStringLiteral("PUBLISH_STARTED"), liveStart.addSecs(1201))});
    return demo;
}

} // namespace demo
