#include "cli/disconnect_command.h"
#include "cli/exit_codes.h"
#include "cli/watch_command.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_live_show.h"
#include "ivs/browse_operations.h"
#include "ivs/stage_arn.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"

#include <algorithm>
#include <csignal>
#include <functional>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <signal.h>

using namespace testsupport;

namespace {

// The demo's town-hall stage, whose show evolves (demo::LiveShow).
const QString kTownHall = kOlderDemoArn;
const QString kScriptedArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/watchTest01");

QProcessEnvironment demoEnvironment()
{
    return environmentWith(demo::DemoEndpoint::credentials().accessKeyId,
                           demo::DemoEndpoint::credentials().secretAccessKey);
}

// The demo endpoint with its town-hall show on a clock the test sets: `showMs` after its start.
struct DemoShow {
    DemoShow()
    {
        if (!endpoint.start())
            qFatal("no demo endpoint");
        const QDateTime start = QDateTime::currentDateTimeUtc();
        endpoint.setLiveShowClock(start, [this, start] { return start.addMSecs(showMs); });
    }
    QString url() const { return endpoint.url().toString(); }

    demo::DemoEndpoint endpoint;
    qint64 showMs = 0;
};

// The app's binary running `watch` (or anything long-running), its output read as it comes.
class Running {
public:
    Running(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype end;
            while ((end = m_buffer.indexOf('\n')) >= 0) {
                lines.append(QString::fromUtf8(m_buffer.left(end)));
                m_buffer.remove(0, end + 1);
            }
        });
        m_process.start(QStringLiteral(IVS_APP_BINARY), arguments);
        m_process.closeWriteChannel();
    }
    ~Running()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Waits (running the event loop, so endpoints here answer) for a line `matches` accepts.
    bool waitForLine(const std::function<bool(const QString &)> &matches, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return std::any_of(lines.cbegin(), lines.cend(), matches); },
                               timeoutMs);
    }
    bool waitForExit(int timeoutMs = 30000)
    {
        return QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; },
                               timeoutMs);
    }
    void signal(int number) { ::kill(static_cast<pid_t>(m_process.processId()), number); }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

    QStringList lines;

private:
    QProcess m_process;
    QByteArray m_buffer;
};

QJsonObject object(const QString &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

std::function<bool(const QString &)> eventLine(const QString &participantId, const QString &name)
{
    return [=](const QString &line) {
        const QJsonObject o = object(line);
        return o.value(QStringLiteral("type")) == QLatin1String("event") &&
               o.value(QStringLiteral("participantId")) == participantId &&
               o.value(QStringLiteral("name")) == name;
    };
}

QStringList watchArguments(const QString &url, const QString &arn = kTownHall)
{
    return {QStringLiteral("watch"),
            QStringLiteral("--arn"),
            arn,
            QStringLiteral("--endpoint-url"),
            url,
            QStringLiteral("--interval"),
            QStringLiteral("1")};
}

QJsonObject participantJson(const QString &id, const QString &userId)
{
    return {{QStringLiteral("participantId"), id},
            {QStringLiteral("userId"), userId},
            {QStringLiteral("state"), QStringLiteral("CONNECTED")},
            {QStringLiteral("published"), true},
            {QStringLiteral("recordingState"), QStringLiteral("DISABLED")}};
}

} // namespace

// `watch` and `disconnect`: the real binary against the demo endpoint and scripted servers.
class TestWatchCli : public QObject {
    Q_OBJECT
private slots:
    void watchPrintsEachEventOnceAsJsonLines();
    void textLinesAreAlignedAndShowControlsVisibly();
    void interruptEndsCleanly_data();
    void interruptEndsCleanly();
    void watchRefusesBadOptions_data();
    void watchRefusesBadOptions();
    void watchErrorsExitAsOtherCommands();
    void disconnectNeedsYesWithoutTerminal();
    void disconnectRefusesBadInputBeforeAnyRequest_data();
    void disconnectRefusesBadInputBeforeAnyRequest();
    void disconnectSendsTheRequestAfterConfirmation();
    void disconnectEndsTheDemoParticipant();
    void helpNamesTheCommands();
};

void TestWatchCli::watchPrintsEachEventOnceAsJsonLines()
{
    DemoShow show;
    show.showMs = 20000; // host-maya publishing, guest-omar's publish refused
    Running watch(watchArguments(show.url()) +
                      QStringList{QStringLiteral("--output"), QStringLiteral("jsonl"),
                                  QStringLiteral("--until-session-ends"),
                                  QStringLiteral("--max-duration"), QStringLiteral("120")},
                  demoEnvironment());
    QVERIFY2(watch.waitForLine(
                 eventLine(QStringLiteral("pG7guestOmar0007"), QStringLiteral("PUBLISH_ERROR"))),
             qPrintable(watch.lines.join(QLatin1Char('\n')) + watch.errors()));
    show.showMs = 100000; // omar left and came back with a fixed encoder
    QVERIFY(watch.waitForLine(
        eventLine(QStringLiteral("pJ9guestOmar0009"), QStringLiteral("PUBLISH_STARTED"))));
    show.showMs = 245000; // the session is over
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), int(cli::Success));

    QSet<QString> seen;
    QDateTime previous;
    int events = 0;
    for (const QString &line : std::as_const(watch.lines)) {
        const QJsonObject o = object(line);
        QVERIFY2(!o.isEmpty(), qPrintable(line));
        QCOMPARE(o.value(QStringLiteral("stageArn")).toString(), kTownHall);
        if (o.value(QStringLiteral("type")) != QLatin1String("event"))
            continue;
        ++events;
        for (const char *key : {"sessionId", "participantId", "userId", "name", "eventTime",
                                "errorCode", "explanation"})
            QVERIFY2(o.value(QLatin1String(key)).isString(), key);
        const QString identity = QStringList{o.value(QStringLiteral("participantId")).toString(),
                                             o.value(QStringLiteral("name")).toString(),
                                             o.value(QStringLiteral("eventTime")).toString(),
                                             o.value(QStringLiteral("errorCode")).toString()}
                                     .join(QLatin1Char('|'));
        QVERIFY2(!seen.contains(identity), qPrintable(QStringLiteral("twice: ") + line));
        seen.insert(identity);
        const QDateTime time = QDateTime::fromString(
            o.value(QStringLiteral("eventTime")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QVERIFY2(!previous.isValid() || previous <= time, qPrintable(line));
        previous = time;
        if (o.value(QStringLiteral("name")) == QLatin1String("PUBLISH_ERROR")) {
            QCOMPARE(o.value(QStringLiteral("errorCode")).toString(),
                     QStringLiteral("B_FRAME_PRESENT"));
            QCOMPARE(o.value(QStringLiteral("userId")).toString(), QStringLiteral("guest-omar"));
            QVERIFY2(o.value(QStringLiteral("explanation"))
                         .toString()
                         .contains(QLatin1String("B-frames")),
                     qPrintable(line));
        }
    }
    // Five participants, each JOINED, then publishing (or refused, or subscribing), then LEFT.
    QCOMPARE(events, 15);
    // Participant changes and the session's end are lines of their own.
    QVERIFY(std::any_of(watch.lines.cbegin(), watch.lines.cend(), [](const QString &line) {
        const QJsonObject o = object(line);
        return o.value(QStringLiteral("type")) == QLatin1String("participant") &&
               o.value(QStringLiteral("participantId")) == QLatin1String("pG7guestOmar0007") &&
               o.value(QStringLiteral("state")) == QLatin1String("DISCONNECTED") &&
               o.value(QStringLiteral("previousState")) == QLatin1String("CONNECTED");
    }));
    const QJsonObject last = object(watch.lines.constLast());
    QCOMPARE(last.value(QStringLiteral("name")).toString(), QStringLiteral("SESSION_ENDED"));
    QCOMPARE(last.value(QStringLiteral("sessionId")).toString(), demo::LiveShow::kFirstSessionId);
}

void TestWatchCli::textLinesAreAlignedAndShowControlsVisibly()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([](const net::HttpRequest &request) {
        if (request.path == "/ListStageSessions")
            return listPage(QStringLiteral("stageSessions"),
                            {QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("st-1")},
                                         {QStringLiteral("startTime"),
                                          QStringLiteral("2026-05-01T18:00:00Z")}}});
        if (request.path == "/ListParticipants")
            return listPage(
                QStringLiteral("participants"),
                {participantJson(QStringLiteral("pA"), QStringLiteral("ev\x1b]0;x\x07")),
                 participantJson(QStringLiteral("pLongerId"), QStringLiteral("x"))});
        return listPage(
            QStringLiteral("events"),
            {QJsonObject{{QStringLiteral("name"), QStringLiteral("JOINED")},
                         {QStringLiteral("eventTime"), QStringLiteral("2026-05-01T18:00:01Z")}},
             QJsonObject{{QStringLiteral("name"), QStringLiteral("PUBLISH_ERROR")},
                         {QStringLiteral("errorCode"), QStringLiteral("B_FRAME_PRESENT")},
                         {QStringLiteral("eventTime"), QStringLiteral("2026-05-01T18:00:02Z")}}});
    });
    Running watch(watchArguments(endpoint.url().toString(), kScriptedArn),
                  environmentWith(QStringLiteral("AKIDWATCH"), QStringLiteral("s")));
    QVERIFY(watch.waitForLine([](const QString &line) {
        return line.contains(QLatin1String("pLongerId")) &&
               line.contains(QLatin1String("PUBLISH_ERROR"));
    }));
    watch.signal(SIGINT);
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), int(cli::Success));
    const QString all = watch.lines.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QChar(0x1b)) && !all.contains(QChar(0x07)), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("ev\\x1b]0;x\\x07")), qPrintable(all));
    // Every event line has its name at the same column.
    QList<qsizetype> columns;
    for (const QString &line : std::as_const(watch.lines)) {
        if (line.contains(QLatin1String("JOINED")))
            columns.append(line.indexOf(QLatin1String("JOINED")));
    }
    QCOMPARE(columns.size(), 2);
    QCOMPARE(columns.at(0), columns.at(1));
    QVERIFY(all.contains(QLatin1String("B_FRAME_PRESENT: ")));
}

void TestWatchCli::interruptEndsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void TestWatchCli::interruptEndsCleanly()
{
    QFETCH(int, signalNumber);
    DemoShow show;
    show.showMs = 10000;
    Running watch(watchArguments(show.url()) +
                      QStringList{QStringLiteral("--output"), QStringLiteral("jsonl")},
                  demoEnvironment());
    QVERIFY(watch.waitForLine(
        eventLine(QStringLiteral("pF6hostMaya00006"), QStringLiteral("PUBLISH_STARTED"))));
    watch.signal(signalNumber);
    QVERIFY(watch.waitForExit());
    QCOMPARE(watch.exitCode(), int(cli::Success));
    // Whatever was printed is whole lines of JSON.
    for (const QString &line : std::as_const(watch.lines))
        QVERIFY2(!object(line).isEmpty(), qPrintable(line));
}

void TestWatchCli::watchRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList base{QStringLiteral("--arn"), kScriptedArn};
    QTest::newRow("no arn") << QStringList{} << QStringLiteral("--arn is required");
    QTest::newRow("interval 0") << base + QStringList{QStringLiteral("--interval"),
                                                      QStringLiteral("0")}
                                << QStringLiteral("--interval");
    QTest::newRow("interval words")
        << base + QStringList{QStringLiteral("--interval"), QStringLiteral("soon")}
        << QStringLiteral("--interval");
    QTest::newRow("output") << base + QStringList{QStringLiteral("--output"), QStringLiteral("xml")}
                            << QStringLiteral("--output");
    QTest::newRow("max duration") << base + QStringList{QStringLiteral("--max-duration"),
                                                        QStringLiteral("-1")}
                                  << QStringLiteral("--max-duration");
    QTest::newRow("other region") << base + QStringList{QStringLiteral("--region"),
                                                        QStringLiteral("eu-west-1")}
                                  << QStringLiteral("--region");
}

void TestWatchCli::watchRefusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    const Run run = runInProcess(
        cli::runWatch,
        arguments + QStringList{QStringLiteral("--endpoint-url"), endpoint.url().toString()},
        environmentWith(QStringLiteral("AKIDWATCH"), QStringLiteral("s")));
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestWatchCli::watchErrorsExitAsOtherCommands()
{
    DemoShow show;
    const QString missing =
        QStringLiteral("arn:aws:ivs:ap-northeast-1:123456789012:stage/noSuchStage1");
    Run run =
        runInProcess(cli::runWatch, watchArguments(show.url(), missing).mid(1), demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::NotFound));
    QVERIFY2(run.err.contains(QLatin1String("not found")), qPrintable(run.err));

    run = runInProcess(cli::runWatch, watchArguments(show.url()).mid(1),
                       environmentWith(demo::DemoEndpoint::credentials().accessKeyId,
                                       QStringLiteral("not-the-secret")));
    QCOMPARE(run.exitCode, int(cli::AuthError));

    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close(); // nothing listens there now
    run = runInProcess(cli::runWatch,
                       watchArguments(QStringLiteral("http://127.0.0.1:%1").arg(port)).mid(1),
                       demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::NetworkError));

    // Nothing in progress, and a time limit: waits, says so, and ends well.
    show.showMs = 250000;
    run = runInProcess(cli::runWatch,
                       watchArguments(show.url()).mid(1) +
                           QStringList{QStringLiteral("--max-duration"), QStringLiteral("1")},
                       demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.contains(QLatin1String("waiting")), qPrintable(run.err));
}

void TestWatchCli::disconnectNeedsYesWithoutTerminal()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, QByteArray()));
    const Run run =
        runAppBinary({QStringLiteral("disconnect"), QStringLiteral("--arn"), kScriptedArn,
                      QStringLiteral("--participant-id"), QStringLiteral("pA1"),
                      QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                     environmentWith(QStringLiteral("AKIDWATCH"), QStringLiteral("s")));
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QLatin1String("--yes")), qPrintable(run.err));
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestWatchCli::disconnectRefusesBadInputBeforeAnyRequest_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no participant") << QStringList{} << QStringLiteral("--participant-id");
    QTest::newRow("empty participant")
        << QStringList{QStringLiteral("--participant-id"), QString()} << QStringLiteral("empty");
    QTest::newRow("space in id") << QStringList{QStringLiteral("--participant-id"),
                                                QStringLiteral("pA 1")}
                                 << QStringLiteral("space");
    const QStringList id{QStringLiteral("--participant-id"), QStringLiteral("pA1")};
    QTest::newRow("129 characters")
        << id + QStringList{QStringLiteral("--reason"), QString(129, QLatin1Char('r'))}
        << QStringLiteral("128");
    QTest::newRow("line break") << id + QStringList{QStringLiteral("--reason"),
                                                    QStringLiteral("one\ntwo")}
                                << QStringLiteral("control character");
    QTest::newRow("bad arn") << QStringList{QStringLiteral("--arn"), QStringLiteral("stage/x")} + id
                             << QStringLiteral("ARN");
}

void TestWatchCli::disconnectRefusesBadInputBeforeAnyRequest()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, QByteArray()));
    QStringList all{QStringLiteral("--endpoint-url"), endpoint.url().toString(),
                    QStringLiteral("--yes")};
    if (!arguments.contains(QStringLiteral("--arn")))
        all += QStringList{QStringLiteral("--arn"), kScriptedArn};
    bool asked = false;
    const auto command = [&asked](const QStringList &a, const QProcessEnvironment &e,
                                  QTextStream &out, QTextStream &err) {
        return cli::runDisconnect(a, e, out, err, [&asked](const QString &) {
            asked = true;
            return true;
        });
    };
    const Run run = runInProcess(command, all + arguments,
                                 environmentWith(QStringLiteral("AKIDWATCH"), QStringLiteral("s")));
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(endpoint.requests().size(), 0);
    QVERIFY(!asked);
}

void TestWatchCli::disconnectSendsTheRequestAfterConfirmation()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(net::HttpResponse::json(200, QByteArray()));
    const QStringList arguments{QStringLiteral("--arn"),
                                kScriptedArn,
                                QStringLiteral("--participant-id"),
                                QStringLiteral("pA1"),
                                QStringLiteral("--reason"),
                                QStringLiteral("encoder loops"),
                                QStringLiteral("--endpoint-url"),
                                endpoint.url().toString()};
    const auto environment = environmentWith(QStringLiteral("AKIDWATCH"), QStringLiteral("s"));
    QString question;
    bool answer = false;
    const auto command = [&](const QStringList &a, const QProcessEnvironment &e, QTextStream &out,
                             QTextStream &err) {
        return cli::runDisconnect(a, e, out, err, [&](const QString &asked) {
            question = asked;
            return answer;
        });
    };
    Run run = runInProcess(command, arguments, environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(question.contains(QLatin1String("pA1")), qPrintable(question));
    QVERIFY2(run.out.contains(QLatin1String("Nothing was sent")), qPrintable(run.out));
    QCOMPARE(endpoint.requests().size(), 0);

    answer = true;
    run = runInProcess(command, arguments, environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(endpoint.requestsTo("/DisconnectParticipant"), 1);
    const QJsonObject body = QJsonDocument::fromJson(endpoint.requests().constLast().body).object();
    QCOMPARE(body, (QJsonObject{{QStringLiteral("stageArn"), kScriptedArn},
                                {QStringLiteral("participantId"), QStringLiteral("pA1")},
                                {QStringLiteral("reason"), QStringLiteral("encoder loops")}}));
}

void TestWatchCli::disconnectEndsTheDemoParticipant()
{
    DemoShow show;
    show.showMs = 20000;
    const QStringList base{QStringLiteral("disconnect"),
                           QStringLiteral("--arn"),
                           kTownHall,
                           QStringLiteral("--endpoint-url"),
                           show.url(),
                           QStringLiteral("--yes"),
                           QStringLiteral("--participant-id")};
    Run run =
        runAppBinary(base + QStringList{QStringLiteral("pF6hostMaya00006")}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QLatin1String("pF6hostMaya00006")), qPrintable(run.out));

    SingleAttemptClient client(show.endpoint.url(), demo::DemoEndpoint::credentials());
    const auto listed =
        client.run<ivs::ParticipantsResult>([](ivs::IvsClient &c, QObject *context, auto done) {
            ivs::listParticipants(c, *ivs::StageArn::parse(kTownHall),
                                  demo::LiveShow::kFirstSessionId, context, done);
        });
    QVERIFY(!listed.error);
    const auto maya = std::find_if(listed.participants.cbegin(), listed.participants.cend(),
                                   [](const ivs::ParticipantSummary &p) {
                                       return p.participantId == QLatin1String("pF6hostMaya00006");
                                   });
    QVERIFY(maya != listed.participants.cend());
    QCOMPARE(maya->state, QStringLiteral("DISCONNECTED"));

    // Gone already, or never there: not found.
    run = runAppBinary(base + QStringList{QStringLiteral("pF6hostMaya00006")}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::NotFound));
    run = runAppBinary(base + QStringList{QStringLiteral("pNobody")}, demoEnvironment());
    QCOMPARE(run.exitCode, int(cli::NotFound));
}

void TestWatchCli::helpNamesTheCommands()
{
    const QString watch = cli::watchHelpText();
    for (const char *option : {"--interval", "--output", "--until-session-ends", "--max-duration"})
        QVERIFY2(watch.contains(QLatin1String(option)), option);
    QVERIFY(cli::disconnectHelpText().contains(QLatin1String("--reason")));
    const Run run = runAppBinary({QStringLiteral("--help")}, QProcessEnvironment());
    QVERIFY2(run.out.contains(QLatin1String("watch --arn ARN")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("disconnect --arn ARN")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestWatchCli)
#include "tst_watch_cli.moc"
