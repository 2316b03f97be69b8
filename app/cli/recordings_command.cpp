#include "cli/recordings_command.h"

#include "cli/diagnose_command.h"
#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "workspace/backend.h"
#include "workspace/recording_download.h"
#include "workspace/recordings_inspector.h"

#include <cstdio>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <unistd.h>

namespace cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Recordings)
};

struct Recordings {
    StageCommand command{
        QStringLiteral("recordings"),
        QStringLiteral("recordings --arn ARN [--session-id ID] [--participant-id ID] "
                       "[--output table|json] [--endpoint-url URL] [--profile NAME] "
                       "[--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr("Shows what a session's individual participant recordings left in S3: for each "
                 "participant, the recording's outcome from its events files (recorded, failed "
                 "and why, still recording, nothing in S3), start, duration, renditions, size and "
                 "object count, then what is wrong. Reads the stage, the session, each "
                 "participant (GetParticipant), then the bucket (s3:ListBucket, s3:GetObject). "
                 "Exit code 1 means a check found a problem; 2 to 6 as for get-stage."),
        Text::tr("ARN of the stage whose recordings to show.")};
    QCommandLineOption session{QStringLiteral("session-id"),
                               Text::tr("The session (default: the latest)."), Text::tr("ID")};
    QCommandLineOption participant{QStringLiteral("participant-id"),
                                   Text::tr("Only this participant (default: all)."),
                                   Text::tr("ID")};
    QCommandLineOption output{QStringLiteral("output"), Text::tr("table (default) or json."),
                              Text::tr("FORMAT"), QStringLiteral("table")};
    Recordings() { command.addOptions({session, participant, output}); }
};

struct Download {
    StageCommand command{
        QStringLiteral("download-recording"),
        QStringLiteral("download-recording --arn ARN --session-id ID --participant-id ID "
                       "--dir DIR [--hls-only] [--endpoint-url URL] [--profile NAME] "
                       "[--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr("Downloads a participant's recording (its whole prefix, or only the HLS media "
                 "with --hls-only) into DIR, keeping the paths below the prefix. Files are "
                 "fetched four at a time, resumed when a previous download stopped, verified "
                 "against the size and MD5 S3 lists, and only then put in place; nothing is "
                 "written outside DIR. Exit code 5 when a file failed verification."),
        Text::tr("ARN of the stage.")};
    QCommandLineOption session{QStringLiteral("session-id"), Text::tr("The session."),
                               Text::tr("ID")};
    QCommandLineOption participant{QStringLiteral("participant-id"), Text::tr("The participant."),
                                   Text::tr("ID")};
    QCommandLineOption dir{QStringLiteral("dir"),
                           Text::tr("The folder to download into (it must exist)."),
                           Text::tr("DIR")};
    QCommandLineOption hlsOnly{QStringLiteral("hls-only"),
                               Text::tr("Only the HLS playlists and media, not the events files "
                                        "and thumbnails.")};
    Download() { command.addOptions({session, participant, dir, hlsOnly}); }
};

workspace::RecordingsReport inspect(StageCommand &command, const QString &sessionId,
                                    const QString &participantId)
{
    workspace::RecordingsInspector inspector(command.client(), command.backend().s3());
    workspace::RecordingsReport report;
    QEventLoop loop;
    QObject::connect(&inspector, &workspace::RecordingsInspector::finished, &loop,
                     [&](const workspace::RecordingsReport &received) {
                         report = received;
                         loop.quit();
                     });
    inspector.inspect(command.arn(), sessionId, participantId);
    if (inspector.isBusy())
        loop.exec();
    return report;
}

void printTable(QTextStream &out, const workspace::RecordingsReport &report)
{
    out << Text::tr("Session %1, started %2%3")
               .arg(report.sessionId, report.sessionStart.toString(Qt::ISODate),
                    report.sessionEnd.isValid()
                        ? Text::tr(", ended %1").arg(report.sessionEnd.toString(Qt::ISODate))
                        : Text::tr(", still active"))
        << "\n\n";
    const QStringList headers{Text::tr("PARTICIPANT"), Text::tr("OUTCOME"),    Text::tr("STARTED"),
                              Text::tr("DURATION"),    Text::tr("RENDITIONS"), Text::tr("SIZE"),
                              Text::tr("OBJECTS"),     Text::tr("THUMBNAILS")};
    QList<QStringList> rows;
    for (const recordings::ParticipantRecording &recording : report.recordings) {
        rows.append({recording.userId.isEmpty() ? recording.participantId : recording.userId,
                     recordings::outcomeText(recording.outcome),
                     recording.startedAt.isValid()
                         ? recording.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         : QStringLiteral("—"),
                     recordings::formatDuration(recording.durationSeconds),
                     recordings::renditionsText(recording),
                     recordings::formatBytes(recording.totalBytes),
                     QString::number(recording.objectCount) +
                         (recording.listingCapped ? QStringLiteral("+") : QString()),
                     QString::number(recording.thumbnails.size())});
    }
    QList<qsizetype> widths(headers.size(), 0);
    for (int column = 0; column < headers.size(); ++column) {
        widths[column] = headers.at(column).size();
        for (const QStringList &row : std::as_const(rows))
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (int column = 0; column < cells.size(); ++column)
            text +=
                cells.at(column).leftJustified(column + 1 < cells.size() ? widths[column] + 2 : 0);
        out << text.trimmed() << '\n';
    };
    line(headers);
    for (const QStringList &row : std::as_const(rows))
        line(row);
    for (const recordings::ParticipantRecording &recording : report.recordings) {
        if (recording.reason.isEmpty() ||
            recording.outcome == recordings::ParticipantRecording::Outcome::NotRecorded)
            continue;
        out << "\n"
            << (recording.userId.isEmpty() ? recording.participantId : recording.userId) << ": "
            << recording.reason << '\n';
    }
    for (const ivs::Finding &finding : report.findings) {
        out << '\n'
            << ivs::severityName(finding.severity).toUpper() << "  " << finding.title << '\n';
        out << QStringLiteral("  → ") << finding.action << '\n';
    }
    if (!ivs::hasProblems(report.findings))
        out << '\n' << Text::tr("No problems found.") << '\n';
}

QJsonObject recordingJson(const recordings::ParticipantRecording &recording)
{
    QJsonArray renditions;
    for (const recordings::RenditionSummary &rendition : recording.renditions)
        renditions.append(
            QJsonObject{{QStringLiteral("name"), rendition.name},
                        {QStringLiteral("width"), rendition.width},
                        {QStringLiteral("height"), rendition.height},
                        {QStringLiteral("bytes"), rendition.bytes},
                        {QStringLiteral("segments"), rendition.segments},
                        {QStringLiteral("durationSeconds"), rendition.durationSeconds}});
    QJsonObject object{
        {QStringLiteral("participantId"), recording.participantId},
        {QStringLiteral("userId"), recording.userId},
        {QStringLiteral("recordingState"), recording.recordingState},
        {QStringLiteral("outcome"), recordings::outcomeName(recording.outcome)},
        {QStringLiteral("reason"), recording.reason},
        {QStringLiteral("bucket"), recording.bucket},
        {QStringLiteral("prefix"), recording.prefix},
        {QStringLiteral("startedAt"), recording.startedAt.toString(Qt::ISODate)},
        {QStringLiteral("endedAt"), recording.endedAt.toString(Qt::ISODate)},
        {QStringLiteral("durationSeconds"), recording.durationSeconds},
        {QStringLiteral("renditions"), renditions},
        {QStringLiteral("totalBytes"), recording.totalBytes},
        {QStringLiteral("objectCount"), recording.objectCount},
        {QStringLiteral("listingCapped"), recording.listingCapped},
        {QStringLiteral("thumbnails"), QJsonArray::fromStringList(recording.thumbnails)},
        {QStringLiteral("refusedKeys"), QJsonArray::fromStringList(recording.refusedKeys)},
    };
    return object;
}

void printJson(QTextStream &out, const workspace::RecordingsReport &report)
{
    QJsonArray participants;
    for (const recordings::ParticipantRecording &recording : report.recordings)
        participants.append(recordingJson(recording));
    QJsonArray findings;
    for (const ivs::Finding &finding : report.findings)
        findings.append(
            QJsonObject{{QStringLiteral("id"), finding.id},
                        {QStringLiteral("severity"), ivs::severityName(finding.severity)},
                        {QStringLiteral("title"), finding.title},
                        {QStringLiteral("action"), finding.action},
                        {QStringLiteral("fieldPath"), finding.fieldPath}});
    const QJsonObject document{{QStringLiteral("arn"), report.stageArn},
                               {QStringLiteral("sessionId"), report.sessionId},
                               {QStringLiteral("participants"), participants},
                               {QStringLiteral("findings"), findings}};
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

} // namespace

QString recordingsHelpText()
{
    return Recordings().command.helpText();
}

QString downloadRecordingHelpText()
{
    return Download().command.helpText();
}

int runRecordings(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err)
{
    Recordings recordings;
    StageCommand &command = recordings.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(recordings.output);
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"table\" or \"json\", not \"%1\".").arg(format));
    if (const auto problem =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *problem;
    const workspace::RecordingsReport report =
        inspect(command, command.value(recordings.session), command.value(recordings.participant));
    if (report.error)
        return fail(err, exitCodeFor(report.error->category), report.error->userMessage());
    if (format == QLatin1String("json"))
        printJson(out, report);
    else
        printTable(out, report);
    out.flush();
    return ivs::hasProblems(report.findings) ? kProblemsFound : Success;
}

int runDownloadRecording(const QStringList &arguments, const QProcessEnvironment &environment,
                         QTextStream &out, QTextStream &err)
{
    Download download;
    StageCommand &command = download.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    for (const QCommandLineOption *required :
         {&download.session, &download.participant, &download.dir}) {
        if (command.value(*required).trimmed().isEmpty())
            return fail(err, UsageError,
                        Text::tr("--%1 is required; %2.")
                            .arg(required->names().constFirst(), command.seeHelp()));
    }
    const QString folder = command.value(download.dir);
    if (!QFileInfo(folder).isDir())
        return fail(err, UsageError,
                    Text::tr("--dir %1 is not a folder: create it first.").arg(folder));
    if (const auto problem =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *problem;
    const QString participantId = command.value(download.participant);
    const workspace::RecordingsReport report =
        inspect(command, command.value(download.session), participantId);
    if (report.error)
        return fail(err, exitCodeFor(report.error->category), report.error->userMessage());
    const recordings::ParticipantRecording &recording = report.recordings.constFirst();
    if (recording.error)
        return fail(err, exitCodeFor(recording.error->category), recording.error->userMessage());
    const QList<recordings::RecordingFile> files =
        workspace::filesToDownload(recording, command.isSet(download.hlsOnly));
    if (files.isEmpty())
        return fail(err, NotFound,
                    Text::tr("Nothing to download for %1: %2")
                        .arg(participantId, recording.reason.isEmpty()
                                                ? recordings::outcomeText(recording.outcome)
                                                : recording.reason));

    workspace::RecordingDownload downloader(command.backend().s3());
    workspace::DownloadPlan plan{report.bucketRegion.value_or(report.stageRegion), recording.bucket,
                                 recording.prefix, files, folder};
    const bool terminal = isatty(fileno(stderr)) == 1;
    workspace::DownloadOutcome outcome;
    QEventLoop loop;
    QObject::connect(&downloader, &workspace::RecordingDownload::progress, &loop,
                     [&](const workspace::DownloadTotals &totals) {
                         if (!terminal)
                             return;
                         err << '\r'
                             << Text::tr("%1 of %2 files, %3 of %4")
                                    .arg(totals.filesDone)
                                    .arg(totals.filesTotal)
                                    .arg(recordings::formatBytes(totals.bytesDone),
                                         recordings::formatBytes(totals.bytesTotal))
                             << "\x1b[K";
                         err.flush();
                     });
    QObject::connect(&downloader, &workspace::RecordingDownload::finished, &loop,
                     [&](const workspace::DownloadOutcome &received) {
                         outcome = received;
                         loop.quit();
                     });
    QString problem;
    if (!downloader.start(plan, &problem))
        return fail(err, UsageError, problem);
    if (downloader.isBusy())
        loop.exec();
    if (terminal)
        err << '\n';
    for (const QString &failure : std::as_const(outcome.failures))
        err << failure << '\n';
    err.flush();
    out << Text::tr("%1 of %2 files (%3) in %4; %5 already there.")
               .arg(outcome.totals.filesDone)
               .arg(outcome.totals.filesTotal)
               .arg(recordings::formatBytes(outcome.totals.bytesDone),
                    QDir::toNativeSeparators(folder))
               .arg(outcome.filesSkipped)
        << '\n';
    out.flush();
    if (outcome.ok())
        return Success;
    if (outcome.verificationFailed)
        return ServiceError;
    return outcome.firstError ? exitCodeFor(outcome.firstError->category) : UsageError;
}

} // namespace cli
