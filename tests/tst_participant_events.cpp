#include "ivs/participant_events.h"

#include <QSet>
#include <QTest>

namespace {

// EventErrorCode as @aws-sdk/client-ivs-realtime (ivs-realtime 2020-07-14) lists it.
const QStringList kModelErrorCodes = {
    QStringLiteral("BITRATE_EXCEEDED"),
    QStringLiteral("B_FRAME_PRESENT"),
    QStringLiteral("INSUFFICIENT_CAPABILITIES"),
    QStringLiteral("INTERNAL_SERVER_EXCEPTION"),
    QStringLiteral("INVALID_AUDIO_CODEC"),
    QStringLiteral("INVALID_INPUT"),
    QStringLiteral("INVALID_PROTOCOL"),
    QStringLiteral("INVALID_STREAM_KEY"),
    QStringLiteral("INVALID_VIDEO_CODEC"),
    QStringLiteral("PUBLISHER_NOT_FOUND"),
    QStringLiteral("QUOTA_EXCEEDED"),
    QStringLiteral("RESOLUTION_EXCEEDED"),
    QStringLiteral("REUSE_OF_STREAM_KEY"),
    QStringLiteral("STREAM_DURATION_EXCEEDED"),
};

const QLatin1String kUnknownMarker("does not know");

ivs::ParticipantEvent makeEvent(const QString &name, const QString &errorCode = {},
                                const QString &remoteParticipantId = {})
{
    ivs::ParticipantEvent result;
    result.name = name;
    result.eventTime = QDateTime::currentDateTimeUtc();
    result.errorCode = errorCode;
    result.remoteParticipantId = remoteParticipantId;
    return result;
}

} // namespace

// Participant events and their error codes in plain words, each with the advice a producer needs.
class TestParticipantEvents : public QObject {
    Q_OBJECT
private slots:
    void errorCodeAdvice_data();
    void errorCodeAdvice();
    void everyErrorCodeOfTheModelIsExplained();
    void anUnknownCodeIsNamedHonestly();
    void noCodeNoExplanation();
    void eventNames_data();
    void eventNames();
    void subscribeEventsNameThePublisher();
    void anErrorEventCarriesTheCodeAdvice();
    void anErrorEventWithoutCodeStillSaysWhereToLook();
    void anUnknownErrorCodeMakesTheEventAnError();
};

void TestParticipantEvents::errorCodeAdvice_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("mentions");
    auto row = [](const char *code, QStringList mentions) {
        QTest::newRow(code) << QString::fromLatin1(code) << mentions;
    };
    row("INSUFFICIENT_CAPABILITIES",
        {QStringLiteral("token"), QStringLiteral("PUBLISH"), QStringLiteral("SUBSCRIBE"),
         QStringLiteral("CreateParticipantToken")});
    row("QUOTA_EXCEEDED", {QStringLiteral("Too many participants"), QStringLiteral("quota")});
    row("PUBLISHER_NOT_FOUND", {QStringLiteral("subscribe"), QStringLiteral("publisher")});
    row("BITRATE_EXCEEDED", {QStringLiteral("8.5 Mbps"), QStringLiteral("bitrate")});
    row("RESOLUTION_EXCEEDED", {QStringLiteral("720p"), QStringLiteral("resolution")});
    row("STREAM_DURATION_EXCEEDED", {QStringLiteral("24 hours")});
    row("INVALID_AUDIO_CODEC", {QStringLiteral("Opus"), QStringLiteral("WHIP"),
                                QStringLiteral("AAC"), QStringLiteral("RTMP")});
    row("INVALID_VIDEO_CODEC", {QStringLiteral("H.264"), QStringLiteral("Baseline"),
                                QStringLiteral("Constrained Baseline")});
    row("INVALID_PROTOCOL",
        {QStringLiteral("RTMPS"), QStringLiteral("plain RTMP"), QStringLiteral("rtmps endpoint")});
    row("INVALID_STREAM_KEY",
        {QStringLiteral("stream key"), QStringLiteral("ingest configuration")});
    row("REUSE_OF_STREAM_KEY", {QStringLiteral("stream key"), QStringLiteral("already in use")});
    row("B_FRAME_PRESENT",
        {QStringLiteral("B-frames"), QStringLiteral("Turn off"), QStringLiteral("OBS")});
    row("INVALID_INPUT", {QStringLiteral("input stream"), QStringLiteral("H.264"),
                          QStringLiteral("720p"), QStringLiteral("8.5 Mbps")});
    row("INTERNAL_SERVER_EXCEPTION",
        {QStringLiteral("internally"), QStringLiteral("try again"), QStringLiteral("AWS Support")});
    row("SOMETHING_NEW", {QStringLiteral("SOMETHING_NEW"), QString(kUnknownMarker)});
}

void TestParticipantEvents::errorCodeAdvice()
{
    QFETCH(QString, code);
    QFETCH(QStringList, mentions);
    const QString text = ivs::explainErrorCode(code);
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(text.contains(mention),
                 qPrintable(QStringLiteral("%1 lacks \"%2\": %3").arg(code, mention, text)));
}

void TestParticipantEvents::everyErrorCodeOfTheModelIsExplained()
{
    QSet<QString> distinct;
    for (const QString &code : kModelErrorCodes) {
        const QString text = ivs::explainErrorCode(code);
        QVERIFY2(!text.contains(kUnknownMarker), qPrintable(code));
        QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
        distinct.insert(text);
    }
    QCOMPARE(distinct.size(), kModelErrorCodes.size());
}

void TestParticipantEvents::anUnknownCodeIsNamedHonestly()
{
    const QString text = ivs::explainErrorCode(QStringLiteral("TEMPORAL_ANOMALY"));
    QVERIFY(text.contains(QLatin1String("TEMPORAL_ANOMALY")));
    QVERIFY(text.contains(kUnknownMarker));
    QVERIFY(text.contains(QLatin1String("ListParticipantEvents")));
}

void TestParticipantEvents::noCodeNoExplanation()
{
    QVERIFY(ivs::explainErrorCode(QString()).isEmpty());
}

void TestParticipantEvents::eventNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mention");
    QTest::addColumn<bool>("isError");
    auto row = [](const char *name, const char *mention, bool isError) {
        QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(mention) << isError;
    };
    row("JOINED", "joined the stage", false);
    row("LEFT", "left the stage", false);
    row("JOIN_ERROR", "could not join", true);
    row("PUBLISH_STARTED", "started publishing", false);
    row("PUBLISH_STOPPED", "stopped publishing", false);
    row("PUBLISH_ERROR", "publishing failed", true);
    row("SUBSCRIBE_STARTED", "started receiving", false);
    row("SUBSCRIBE_STOPPED", "stopped receiving", false);
    row("SUBSCRIBE_ERROR", "could not receive", true);
    row("REPLICATION_STARTED", "started being replicated", false);
    row("REPLICATION_STOPPED", "stopped being replicated", false);
    row("TOKEN_EXCHANGED", "token was exchanged", false);
    row("TELEPORTED", "TELEPORTED", false);
}

void TestParticipantEvents::eventNames()
{
    QFETCH(QString, name);
    QFETCH(QString, mention);
    QFETCH(bool, isError);
    const ivs::EventExplanation explanation = ivs::explainParticipantEvent(makeEvent(name));
    QVERIFY2(explanation.meaning.contains(mention), qPrintable(explanation.meaning));
    QCOMPARE(explanation.isError, isError);
    // Only errors ask for something to be done.
    QCOMPARE(explanation.action.isEmpty(), !isError);
}

void TestParticipantEvents::subscribeEventsNameThePublisher()
{
    const auto withPublisher = ivs::explainParticipantEvent(
        makeEvent(QStringLiteral("SUBSCRIBE_STARTED"), {}, QStringLiteral("pub-42")));
    QVERIFY(withPublisher.meaning.contains(QLatin1String("pub-42")));
    const auto failed = ivs::explainParticipantEvent(
        makeEvent(QStringLiteral("SUBSCRIBE_ERROR"), QStringLiteral("PUBLISHER_NOT_FOUND"),
                  QStringLiteral("pub-43")));
    QVERIFY(failed.meaning.contains(QLatin1String("pub-43")));
    QVERIFY(failed.meaning.contains(QLatin1String("publisher that is not on the stage")));
}

void TestParticipantEvents::anErrorEventCarriesTheCodeAdvice()
{
    const auto explanation = ivs::explainParticipantEvent(
        makeEvent(QStringLiteral("PUBLISH_ERROR"), QStringLiteral("B_FRAME_PRESENT")));
    QVERIFY(explanation.isError);
    QVERIFY(explanation.meaning.contains(QLatin1String("publishing failed")));
    QVERIFY(explanation.meaning.contains(QLatin1String("B-frames")));
    QVERIFY(explanation.action.contains(QLatin1String("Turn off B-frames")));
    // The same words as the code on its own, so the window and the command line agree.
    QVERIFY(ivs::explainErrorCode(QStringLiteral("B_FRAME_PRESENT")).contains(explanation.action));

    const auto join = ivs::explainParticipantEvent(
        makeEvent(QStringLiteral("JOIN_ERROR"), QStringLiteral("INSUFFICIENT_CAPABILITIES")));
    QVERIFY(join.isError);
    QVERIFY(join.action.contains(QLatin1String("CreateParticipantToken")));
}

void TestParticipantEvents::anErrorEventWithoutCodeStillSaysWhereToLook()
{
    const auto explanation = ivs::explainParticipantEvent(makeEvent(QStringLiteral("JOIN_ERROR")));
    QVERIFY(explanation.isError);
    QVERIFY(explanation.action.contains(QLatin1String("no error code")));
}

void TestParticipantEvents::anUnknownErrorCodeMakesTheEventAnError()
{
    // A code on an event this app does not know is still an error, and says which code.
    const auto explanation = ivs::explainParticipantEvent(
        makeEvent(QStringLiteral("RELAY_HICCUP"), QStringLiteral("NEW_LIMIT_EXCEEDED")));
    QVERIFY(explanation.isError);
    QVERIFY(explanation.meaning.contains(QLatin1String("RELAY_HICCUP")));
    QVERIFY(explanation.meaning.contains(QLatin1String("NEW_LIMIT_EXCEEDED")));
    QVERIFY(explanation.action.contains(QLatin1String("NEW_LIMIT_EXCEEDED")));
}

QTEST_GUILESS_MAIN(TestParticipantEvents)
#include "tst_participant_events.moc"
