#include "cli/command_line.h"

#include "cli/apply_command.h"
#include "cli/create_token_command.h"
#include "cli/diagnose_command.h"
#include "cli/disconnect_command.h"
#include "cli/exit_codes.h"
#include "cli/export_command.h"
#include "cli/get_stage_command.h"
#include "cli/list_stages_command.h"
#include "cli/profile_command.h"
#include "cli/recordings_command.h"
#include "cli/secret_input.h"
#include "cli/terminal_output.h"
#include "cli/watch_command.h"

#include <cstdio>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

namespace cli {

namespace {
const QString kGetStage = QStringLiteral("get-stage");
const QString kExport = QStringLiteral("export");
const QString kApply = QStringLiteral("apply");
const QString kProfile = QStringLiteral("profile");
const QString kListStages = QStringLiteral("list-stages");
const QString kDiagnose = QStringLiteral("diagnose");
const QString kCreateToken = QStringLiteral("create-token");
const QString kWatch = QStringLiteral("watch");
const QString kDisconnect = QStringLiteral("disconnect");
const QString kRecordings = QStringLiteral("recordings");
const QString kDownloadRecording = QStringLiteral("download-recording");

// On a terminal apply asks before sending; scripts (no terminal) pass --yes or are not asked.
Confirmation terminalConfirmation()
{
    if (!standardInputIsTerminal())
        return {};
    return [](const QString &question) {
        const std::optional<QString> answer = readLine(question);
        const QString word = answer ? answer->trimmed().toLower() : QString();
        return word == QLatin1String("y") || word == QLatin1String("yes");
    };
}
} // namespace

bool isCommandInvocation(const QStringList &arguments)
{
    return arguments.size() > 1 &&
           QStringList{kGetStage,         kExport,      kApply, kProfile,    kListStages,
                       kDiagnose,         kCreateToken, kWatch, kDisconnect, kRecordings,
                       kDownloadRecording}
               .contains(arguments.at(1));
}

QString commandsHelpText()
{
    return QCoreApplication::translate(
        "cli", "Commands:\n"
               "  get-stage --arn ARN               show a stage as GetStage returns it\n"
               "  list-stages [--region R]... [--all-regions]\n"
               "                                    list the stages of one or more regions\n"
               "  diagnose --arn ARN                check a stage for problems and say what to do "
               "(exit code 1: problems found)\n"
               "  export --arn ARN [--file FILE]    write the stage's editable configuration as "
               "JSON\n"
               "  apply --arn ARN --file FILE [--dry-run] [--yes]\n"
               "                                    review the changes a file makes to the stage, "
               "then send them\n"
               "  create-token --arn ARN [--output json|obs]\n"
               "                                    create a participant token and WHIP server "
               "for an encoder\n"
               "  watch --arn ARN [--output text|jsonl] [--until-session-ends]\n"
               "                                    follow the session in progress and print each "
               "new event once\n"
               "  disconnect --arn ARN --participant-id ID [--reason TEXT] [--yes]\n"
               "                                    disconnect a participant and revoke its token\n"
               "  recordings --arn ARN [--session-id ID] [--output table|json]\n"
               "                                    what a session's recordings left in S3 "
               "(exit code 1: problems found)\n"
               "  download-recording --arn ARN --session-id ID --participant-id ID --dir DIR\n"
               "                                    download a participant's recording, verified\n"
               "  profile list|add|remove|import    manage profiles kept in the OS keychain\n"
               "Each has its own help: ivs-stage-browser get-stage --help, list-stages --help, "
               "diagnose --help, export --help, apply --help, create-token --help, watch --help, "
               "disconnect --help, recordings --help, download-recording --help, profile "
               "--help.\n");
}

QString exitCodesHelpText()
{
    return QCoreApplication::translate(
        "cli", "Exit codes:\n"
               "  0  success\n"
               "  1  diagnose and recordings only: the checks found a problem (a warning or an "
               "error); from any other command, an internal error\n"
               "  2  usage: bad option, invalid ARN, unusable endpoint URL or CA bundle, a file "
               "that cannot be read or written, a configuration file that breaks the rules\n"
               "  3  credentials or authorisation: none configured, signature rejected, expired "
               "token, access denied\n"
               "  4  not found: no such stage for this account and region\n"
               "  5  other service error, or an answer that could not be read\n"
               "  6  network or TLS: connection, DNS, certificate, timeout\n");
}

int runCommand(const QStringList &arguments)
{
    // Text from the network never reaches the terminal raw (see TerminalOutput).
    TerminalOutput standardOutput(stdout);
    TerminalOutput standardError(stderr);
    QTextStream out(&standardOutput);
    QTextStream err(&standardError);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (command == kGetStage)
        return runGetStage(rest, environment, out, err);
    if (command == kExport)
        return runExport(rest, environment, out, err);
    if (command == kApply)
        return runApply(rest, environment, out, err, terminalConfirmation());
    if (command == kProfile)
        return runProfileCommand(rest, environment, out, err);
    if (command == kListStages)
        return runListStages(rest, environment, out, err);
    if (command == kDiagnose)
        return runDiagnose(rest, environment, out, err);
    if (command == kCreateToken)
        return runCreateToken(rest, environment, out, err);
    if (command == kWatch)
        return runWatch(rest, environment, out, err);
    if (command == kDisconnect)
        return runDisconnect(rest, environment, out, err, terminalConfirmation());
    if (command == kRecordings)
        return runRecordings(rest, environment, out, err);
    if (command == kDownloadRecording)
        return runDownloadRecording(rest, environment, out, err);
    err << QCoreApplication::translate("cli", "Unknown command \"%1\".").arg(command) << Qt::endl;
    return UsageError;
}

} // namespace cli
