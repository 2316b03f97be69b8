#include "ivs/participant_events.h"

#include <optional>
#include <QCoreApplication>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::ParticipantEvents)
};

struct Advice {
    QString meaning;
    QString action;
};

// EventErrorCode of ivs-realtime 2020-07-14. The limits quoted are those of the IVS Real-Time
// user guide (Stream Ingest, Service Quotas): the numbers are what a producer has to set.
std::optional<Advice> adviceFor(const QString &code)
{
    if (code == QLatin1String("INSUFFICIENT_CAPABILITIES"))
        return Advice{
            Text::tr("The participant's token does not allow what it tried to do: publishing "
                     "needs a token with the PUBLISH capability, subscribing one with "
                     "SUBSCRIBE."),
            Text::tr("Create a new participant token (CreateParticipantToken) with the "
                     "capabilities the participant needs, and join with it.")};
    if (code == QLatin1String("QUOTA_EXCEEDED"))
        return Advice{
            Text::tr("Too many participants want to publish to or subscribe to the stage at "
                     "once: a service quota is reached."),
            Text::tr("Wait for a participant to leave or stop a publisher; see the IVS "
                     "Real-Time service quotas for the limits (some can be raised in Service "
                     "Quotas).")};
    if (code == QLatin1String("PUBLISHER_NOT_FOUND"))
        return Advice{
            Text::tr("The participant tried to subscribe to a publisher that is not on the "
                     "stage (any more)."),
            Text::tr("Usually harmless when that publisher has just left; if it keeps "
                     "happening, subscribe only to participants that are publishing.")};
    if (code == QLatin1String("BITRATE_EXCEEDED"))
        return Advice{
            Text::tr("The stream went over the maximum bitrate: video may use at most 8.5 "
                     "Mbps."),
            Text::tr("Set the encoder's video bitrate to 8.5 Mbps or less (and audio to 160 "
                     "kbps or less).")};
    if (code == QLatin1String("RESOLUTION_EXCEEDED"))
        return Advice{Text::tr("The video is larger than the maximum resolution of 720p."),
                      Text::tr("Set the encoder's output (scaled) resolution to 720p or lower.")};
    if (code == QLatin1String("STREAM_DURATION_EXCEEDED"))
        return Advice{
            Text::tr("The participant published or subscribed for longer than allowed: 24 "
                     "hours at most."),
            Text::tr("Join again to continue; plan longer events as several stretches of "
                     "less than 24 hours each.")};
    if (code == QLatin1String("INVALID_AUDIO_CODEC"))
        return Advice{
            Text::tr("The audio codec is not accepted: IVS takes Opus over WHIP and AAC "
                     "(AAC-LC) over RTMP or RTMPS."),
            Text::tr("Set the encoder's audio to Opus for WHIP or AAC for RTMP(S), mono or "
                     "stereo, 44.1 or 48 kHz, at most 160 kbps.")};
    if (code == QLatin1String("INVALID_VIDEO_CODEC"))
        return Advice{
            Text::tr("The video codec is not accepted: IVS takes H.264 with the Baseline (or "
                     "Constrained Baseline) profile."),
            Text::tr("Set the encoder to H.264, profile Baseline, with a keyframe every 1 or 2 "
                     "seconds and no B-frames.")};
    if (code == QLatin1String("INVALID_PROTOCOL"))
        return Advice{
            Text::tr("The participant's ingest configuration is for RTMPS, but it streamed "
                     "over plain RTMP."),
            Text::tr("Use the stage's rtmps endpoint in the encoder; plain RTMP needs an "
                     "ingest configuration created for RTMP with insecureIngest set.")};
    if (code == QLatin1String("INVALID_STREAM_KEY"))
        return Advice{
            Text::tr("The stream key is not valid: mistyped, from a deleted ingest "
                     "configuration, or from one not associated with a stage."),
            Text::tr("Copy the stream key again from the ingest configuration associated with "
                     "this stage (GetIngestConfiguration).")};
    if (code == QLatin1String("REUSE_OF_STREAM_KEY"))
        return Advice{Text::tr("The stream key is already in use by another active stage session."),
                      Text::tr("Stop the other stream first, or give each encoder its own ingest "
                               "configuration and stream key.")};
    if (code == QLatin1String("B_FRAME_PRESENT"))
        return Advice{
            Text::tr("The video contains B-frames, which IVS Real-Time does not accept: the "
                     "stream is disconnected."),
            Text::tr("Turn off B-frames in the encoder (B-frames = 0; with x264 in OBS, add "
                     "bframes=0 to the x264 options). OBS's WHIP output does this already.")};
    if (code == QLatin1String("INVALID_INPUT"))
        return Advice{
            Text::tr("The input stream is not valid (the service gives no more detail)."),
            Text::tr("Check the encoder against the ingest requirements: H.264 Baseline "
                     "without B-frames, at most 720p and 8.5 Mbps, Opus (WHIP) or AAC (RTMP) "
                     "audio.")};
    if (code == QLatin1String("INTERNAL_SERVER_EXCEPTION"))
        return Advice{
            Text::tr("Amazon IVS failed internally while handling the participant."),
            Text::tr("This is usually temporary: try again. If it persists, check the AWS "
                     "Health Dashboard for the region or contact AWS Support.")};
    return std::nullopt;
}

Advice unknownCodeAdvice(const QString &code)
{
    return {
        Text::tr("The service reported error %1, which this version of IVS Stage Browser does not "
                 "know.")
            .arg(code),
        Text::tr("Look up %1 under ListParticipantEvents in the Amazon IVS Real-Time API "
                 "reference.")
            .arg(code)};
}

Advice codeAdvice(const QString &code)
{
    if (auto known = adviceFor(code))
        return *known;
    return unknownCodeAdvice(code);
}

// withId has a %1 for the remote participant's ID.
QString remoteOr(const ParticipantEvent &event, const QString &withId, const QString &withoutId)
{
    return event.remoteParticipantId.isEmpty() ? withoutId : withId.arg(event.remoteParticipantId);
}

// EventName of ivs-realtime 2020-07-14. For subscribe events remoteParticipantId is the
// publisher; for the others the service leaves it out.
QString eventMeaning(const ParticipantEvent &event)
{
    const QString &name = event.name;
    if (name == QLatin1String("JOINED"))
        return Text::tr("The participant joined the stage.");
    if (name == QLatin1String("LEFT"))
        return Text::tr("The participant left the stage.");
    if (name == QLatin1String("JOIN_ERROR"))
        return Text::tr("The participant could not join the stage.");
    if (name == QLatin1String("PUBLISH_STARTED"))
        return Text::tr("The participant started publishing.");
    if (name == QLatin1String("PUBLISH_STOPPED"))
        return Text::tr("The participant stopped publishing.");
    if (name == QLatin1String("PUBLISH_ERROR"))
        return Text::tr("The participant's publishing failed.");
    if (name == QLatin1String("SUBSCRIBE_STARTED"))
        return remoteOr(event, Text::tr("The participant started receiving participant %1."),
                        Text::tr("The participant started receiving another participant."));
    if (name == QLatin1String("SUBSCRIBE_STOPPED"))
        return remoteOr(event, Text::tr("The participant stopped receiving participant %1."),
                        Text::tr("The participant stopped receiving another participant."));
    if (name == QLatin1String("SUBSCRIBE_ERROR"))
        return remoteOr(event, Text::tr("The participant could not receive participant %1."),
                        Text::tr("The participant could not receive another participant."));
    if (name == QLatin1String("REPLICATION_STARTED"))
        return Text::tr("The participant started being replicated to another stage.");
    if (name == QLatin1String("REPLICATION_STOPPED"))
        return Text::tr("The participant stopped being replicated to another stage.");
    if (name == QLatin1String("TOKEN_EXCHANGED"))
        return Text::tr("The participant's token was exchanged for a new one (new capabilities or "
                        "attributes) without leaving the stage.");
    return Text::tr("Event %1, which this version of IVS Stage Browser does not know.").arg(name);
}

} // namespace

EventExplanation explainParticipantEvent(const ParticipantEvent &event)
{
    EventExplanation explanation;
    explanation.meaning = eventMeaning(event);
    explanation.isError =
        event.name.endsWith(QLatin1String("_ERROR")) || !event.errorCode.isEmpty();
    if (!event.errorCode.isEmpty()) {
        const Advice advice = codeAdvice(event.errorCode);
        explanation.meaning += QLatin1Char(' ') + advice.meaning;
        explanation.action = advice.action;
    } else if (explanation.isError) {
        explanation.action = Text::tr("The service gave no error code: look at the participant's "
                                      "client or encoder logs for the reason.");
    }
    return explanation;
}

QString explainErrorCode(const QString &errorCode)
{
    if (errorCode.isEmpty())
        return {};
    const Advice advice = codeAdvice(errorCode);
    return advice.meaning + QLatin1Char(' ') + advice.action;
}

} // namespace ivs
