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

QJsonObject participant(const QString &sessionId, const QString &id, const QString &userId,
                        const QString &state, bool published, const QString &recordingState,
                        const QString &protocol, const QString &replication,
                        const QDateTime &joined)
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
                      QStringLiteral("abcdABCDefgh/%1/%2").arg(sessionId, id));
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
        {participant(kStudioLive, QStringLiteral("pA1hostAnna00001"), QStringLiteral("host-anna"),
                     QStringLiteral("CONNECTED"), true, QStringLiteral("ACTIVE"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), liveStart.addSecs(60)),
         participant(kStudioLive, QStringLiteral("pB2guestBen00002"), QStringLiteral("guest-ben"),
                     QStringLiteral("CONNECTED"), false, QStringLiteral("FAILED"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), liveStart.addSecs(300)),
         participant(kStudioLive, QStringLiteral("pC3obsRtmps00003"), QStringLiteral("obs-rtmps"),
                     QStringLiteral("DISCONNECTED"), false, QStringLiteral("STOPPED"),
                     QStringLiteral("RTMPS"), QStringLiteral("NONE"), liveStart.addSecs(900)),
         participant(kStudioLive, QStringLiteral("pD4replicaEu0004"), QStringLiteral("replica-eu"),
                     QStringLiteral("CONNECTED"), true, QStringLiteral("DISABLED"),
                     QStringLiteral("UNKNOWN"), QStringLiteral("REPLICA"),
                     liveStart.addSecs(1200))});

    const QString yesterday = QStringLiteral("st-Old2Session0002");
    const QDateTime yesterdayStart = now.addDays(-1);
    demo.participantsBySession.insert(
        yesterday,
        {participant(yesterday, QStringLiteral("pE5hostAnna00005"), QStringLiteral("host-anna"),
                     QStringLiteral("DISCONNECTED"), true, QStringLiteral("STOPPED"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), yesterdayStart.addSecs(30)),
         participant(yesterday, QStringLiteral("pF6guestCara0006"), QStringLiteral("guest-cara"),
                     QStringLiteral("DISCONNECTED"), true, QStringLiteral("STOPPED"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), yesterdayStart.addSecs(120)),
         participant(yesterday, QStringLiteral("pG7guestDan00007"), QStringLiteral("guest-dan"),
                     QStringLiteral("DISCONNECTED"), true, QStringLiteral("FAILED"),
                     QStringLiteral("WHIP"), QStringLiteral("NONE"), yesterdayStart.addSecs(240))});

    auto key = [](const QString &sessionId, const QString &participantId) {
        return sessionId + QLatin1Char('/') + participantId;
    };
    using Recording = DemoSessions::Recording;
    demo.recordingsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pA1hostAnna00001")),
        Recording{Recording::Kind::InProgress, liveStart.addSecs(62), {}, true, {}});
    demo.recordingsByParticipant.insert(
        key(kStudioLive, QStringLiteral("pC3obsRtmps00003")),
        Recording{
            Recording::Kind::Ended, liveStart.addSecs(901), liveStart.addSecs(1501), true, {}});
    demo.recordingsByParticipant.insert(key(yesterday, QStringLiteral("pE5hostAnna00005")),
                                        Recording{Recording::Kind::Ended,
                                                  yesterdayStart.addSecs(32),
                                                  yesterdayStart.addSecs(3540),
                                                  true,
                                                  {}});
    demo.recordingsByParticipant.insert(key(yesterday, QStringLiteral("pF6guestCara0006")),
                                        Recording{Recording::Kind::Empty,
                                                  yesterdayStart.addSecs(122),
                                                  yesterdayStart.addSecs(2400),
                                                  false,
                                                  {}});
    demo.recordingsByParticipant.insert(
        key(yesterday, QStringLiteral("pG7guestDan00007")),
        Recording{Recording::Kind::Failed, yesterdayStart.addSecs(242), yesterdayStart.addSecs(600),
                  false,
                  QStringLiteral("The recording could not be written to the S3 bucket: access "
                                 "denied. Check the bucket policy and its default encryption "
                                 "(SSE-S3).")});
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
