#include "cli/watch_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "cli/terminal_output.h"
#include "platform/stop_signals.h"
#include "workspace/live_monitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Watch)
};

constexpr int kMaxDurationSeconds = 7 * 24 * 3600;

struct Watch {
    StageCommand command{
        QStringLiteral("watch"),
        QStringLiteral("watch --arn ARN [--interval SECONDS] [--output text|jsonl] "
                       "[--until-session-ends] [--max-duration SECONDS] [--region REGION] "
                       "[--endpoint-url URL] [--profile NAME] [--timeout SECONDS] [--verbose] "
                       "[--demo]"),
        Text::tr(
            "Watches the stage's session in progress and prints each new participant event once "
            "(JOINED, PUBLISH_STARTED, PUBLISH_ERROR with its error code in plain words, LEFT, "
            "…) and each change of a participant's state, as they are seen. Follows the next "
            "session when one ends. Polls ListStageSessions, ListParticipants and, for new or "
            "changed participants, ListParticipantEvents, at most 2 requests a second; backs "
            "off when throttled or failing. Ctrl+C ends it (exit code 0)."),
        Text::tr("ARN of the stage to watch.")};
    QCommandLineOption interval{QStringLiteral("interval"),
                                Text::tr("Seconds between polls, 1 to 3600 (default 5)."),
                                Text::tr("SECONDS"), QStringLiteral("5")};
    QCommandLineOption output{
        QStringLiteral("output"),
        Text::tr("text (default): one aligned line per event or change; jsonl: one JSON object "
                 "per line, with \"type\" event, participant or session."),
        Text::tr("FORMAT"), QStringLiteral("text")};
    QCommandLineOption untilSessionEnds{
        QStringLiteral("until-session-ends"),
        Text::tr("Stop when the session watched ends (waiting for one first if none is in "
                 "progress).")};
    QCommandLineOption maxDuration{QStringLiteral("max-duration"),
                                   Text::tr("Stop after SECONDS (at most 604800, a week)."),
                                   Text::tr("SECONDS")};

    Watch() { command.addOptions({interval, output, untilSessionEnds, maxDuration}); }
};

// Permanent once watching has begun: waiting will not mend them.
bool endsTheWatch(ivs::ErrorCategory category)
{
    using ivs::ErrorCategory;
    return category == ErrorCategory::Configuration || category == ErrorCategory::Credentials ||
           category == ErrorCategory::Authentication || category == ErrorCategory::AccessDenied;
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Control characters are made visible before the padding, so that the columns stay aligned.
QString padded(const QString &text, int width)
{
    return text.isEmpty() ? QStringLiteral("-").leftJustified(width)
                          : visibleControls(text).leftJustified(width);
}

QString stateWords(const ivs::ParticipantSummary &participant)
{
    QStringList words{participant.state.isEmpty() ? QStringLiteral("?") : participant.state};
    words.append(participant.published ? Text::tr("publishing") : Text::tr("not publishing"));
    if (!participant.recordingState.isEmpty())
        words.append(Text::tr("recording %1").arg(participant.recordingState));
    if (!participant.replicationType.isEmpty() &&
        participant.replicationType != QLatin1String("NONE"))
        words.append(participant.replicationType);
    return words.join(QStringLiteral(", "));
}

// Prints what the monitor sees, in the format asked for.
class Printer {
public:
    Printer(QTextStream &out, QString stageArn, bool jsonl)
        : m_out(out)
        , m_stageArn(std::move(stageArn))
        , m_jsonl(jsonl)
    {
    }

    void event(const workspace::MonitorEvent &row)
    {
        if (m_jsonl)
            return json({{QStringLiteral("type"), QStringLiteral("event")},
                         {QStringLiteral("stageArn"), m_stageArn},
                         {QStringLiteral("sessionId"), row.sessionId},
                         {QStringLiteral("participantId"), row.participantId},
                         {QStringLiteral("userId"), row.userId},
                         {QStringLiteral("name"), row.event.name},
                         {QStringLiteral("eventTime"), isoTime(row.event.eventTime)},
                         {QStringLiteral("errorCode"), row.event.errorCode},
                         {QStringLiteral("explanation"), row.explanation},
                         {QStringLiteral("failure"), row.failure}});
        QString detail = row.event.errorCode;
        if (!row.explanation.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral(": ")) + row.explanation;
        line(row.event.eventTime, row.userId, row.participantId,
             (row.failure ? QStringLiteral("! ") : QStringLiteral("  ")) + row.event.name, detail);
    }

    void change(const QString &sessionId, const workspace::ParticipantChange &seen,
                const QDateTime &seenAt)
    {
        const ivs::ParticipantSummary &now = seen.after;
        if (m_jsonl) {
            QJsonObject object{{QStringLiteral("type"), QStringLiteral("participant")},
                               {QStringLiteral("stageArn"), m_stageArn},
                               {QStringLiteral("sessionId"), sessionId},
                               {QStringLiteral("participantId"), now.participantId},
                               {QStringLiteral("userId"), now.userId},
                               {QStringLiteral("seenAt"), isoTime(seenAt)},
                               {QStringLiteral("state"), now.state},
                               {QStringLiteral("published"), now.published},
                               {QStringLiteral("recordingState"), now.recordingState},
                               {QStringLiteral("replicationType"), now.replicationType}};
            if (seen.before)
                object.insert(QStringLiteral("previousState"), seen.before->state);
            return json(object);
        }
        const QString detail =
            seen.before ? Text::tr("%1 (was %2)").arg(stateWords(now), stateWords(*seen.before))
                        : stateWords(now);
        line(seenAt, now.userId, now.participantId, QStringLiteral("  STATE"), detail);
    }

    void session(const QString &name, const QString &sessionId, const QDateTime &time)
    {
        if (m_jsonl)
            return json({{QStringLiteral("type"), QStringLiteral("session")},
                         {QStringLiteral("stageArn"), m_stageArn},
                         {QStringLiteral("sessionId"), sessionId},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("eventTime"), isoTime(time)}});
        line(time, QString(), sessionId, QStringLiteral("  ") + name, QString());
    }

private:
    void json(const QJsonObject &object)
    {
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
              << Qt::endl;
    }

    void line(const QDateTime &time, const QString &userId, const QString &participantId,
              const QString &name, const QString &detail)
    {
        QString text = padded(isoTime(time), 24) + QLatin1Char(' ') + padded(userId, 16) +
                       QLatin1Char(' ') + padded(participantId, 18) + QLatin1Char(' ') +
                       visibleControls(name).leftJustified(19);
        if (!detail.isEmpty())
            text += QLatin1Char(' ') + detail;
        // Text from the service is one line here, whatever it holds.
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        m_out << text.trimmed() << Qt::endl;
    }

    QTextStream &m_out;
    QString m_stageArn;
    bool m_jsonl;
};

std::optional<int> wholeSeconds(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

QString watchHelpText()
{
    return Watch().command.helpText();
}

int runWatch(const QStringList &arguments, const QProcessEnvironment &environment, QTextStream &out,
             QTextStream &err)
{
    Watch watch;
    StageCommand &command = watch.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(watch.output);
    if (format != QLatin1String("text") && format != QLatin1String("jsonl"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"text\" or \"jsonl\", not \"%1\".").arg(format));
    const auto interval = wholeSeconds(command.value(watch.interval), 1, 3600);
    if (!interval)
        return fail(err, UsageError,
                    Text::tr("--interval must be a whole number of seconds from 1 to 3600."));
    std::optional<int> maxDuration;
    if (command.isSet(watch.maxDuration)) {
        maxDuration = wholeSeconds(command.value(watch.maxDuration), 1, kMaxDurationSeconds);
        if (!maxDuration)
            return fail(err, UsageError,
                        Text::tr("--max-duration must be a whole number of seconds from 1 to "
                                 "%1.")
                            .arg(kMaxDurationSeconds));
    }
    if (const auto problem =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *problem;

    // The monitor decides when to try again, and every request it sends counts against its
    // budget: the client makes one attempt per request.
    ivs::RetryPolicy once = command.client().retryPolicy();
    once.maxAttempts = 1;
    command.client().setRetryPolicy(once);

    const bool untilSessionEnds = command.isSet(watch.untilSessionEnds);
    Printer print(out, command.arn().text(), format == QLatin1String("jsonl"));
    auto note = [&err](const QString &text) {
        err << QStringLiteral("ivs-stage-browser: ") << text << Qt::endl;
    };

    QEventLoop loop;
    workspace::LiveMonitor monitor(command.client(), command.arn());
    monitor.setInterval(*interval * 1000);
    bool watching = false; // a poll has succeeded
    int exitCode = Success;
    auto finish = [&](int code) {
        exitCode = code;
        monitor.stop();
        loop.exit(code);
    };

    platform::StopSignals stopSignals;
    QObject::connect(&stopSignals, &platform::StopSignals::stopRequested, &loop,
                     [&](int) { finish(Success); });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] { finish(Success); });
    if (maxDuration)
        deadline.start(std::chrono::seconds(*maxDuration));

    QObject::connect(&monitor, &workspace::LiveMonitor::sessionStarted, &loop,
                     [&](const QString &sessionId, const QDateTime &startTime) {
                         print.session(QStringLiteral("SESSION_STARTED"), sessionId, startTime);
                     });
    QObject::connect(&monitor, &workspace::LiveMonitor::waitingForSession, &loop, [&] {
        note(Text::tr("no session is in progress on the stage; waiting for one."));
    });
    QObject::connect(&monitor, &workspace::LiveMonitor::participantsChanged, &loop,
                     [&](const QList<workspace::ParticipantChange> &changes) {
                         const QDateTime now = QDateTime::currentDateTimeUtc();
                         for (const workspace::ParticipantChange &change : changes)
                             print.change(monitor.sessionId(), change, now);
                     });
    QObject::connect(&monitor, &workspace::LiveMonitor::eventsAdded, &loop,
                     [&](const QList<workspace::MonitorEvent> &events) {
                         // Newest first from the monitor; a log reads oldest first.
                         for (auto it = events.crbegin(); it != events.crend(); ++it)
                             print.event(*it);
                     });
    QObject::connect(&monitor, &workspace::LiveMonitor::sessionEnded, &loop,
                     [&](const QString &sessionId, const QDateTime &endTime) {
                         print.session(QStringLiteral("SESSION_ENDED"), sessionId, endTime);
                         if (untilSessionEnds)
                             finish(Success);
                     });
    QObject::connect(&monitor, &workspace::LiveMonitor::staleChanged, &loop, [&](bool stale) {
        if (stale)
            note(Text::tr("no successful poll for more than %1 s; what is shown may be old.")
                     .arg(2 * *interval));
    });
    QObject::connect(&monitor, &workspace::LiveMonitor::pollFinished, &loop, [&] {
        const auto &problem = monitor.lastError();
        if (!problem) {
            watching = true;
            return;
        }
        if (!watching || endsTheWatch(problem->category))
            return finish(exitCodeFor(problem->category));
        note(Text::tr("%1 Trying again in %2 s.")
                 .arg(problem->oneLine())
                 .arg((monitor.currentDelayMs() + 999) / 1000));
    });

    monitor.start();
    loop.exec();
    if (exitCode != Success)
        if (const auto &problem = monitor.lastError())
            fail(err, exitCode, problem->userMessage());
    out.flush();
    return exitCode;
}

} // namespace cli
