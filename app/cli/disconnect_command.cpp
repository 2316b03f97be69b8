#include "cli/disconnect_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "ivs/participant_actions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Disconnect)
};

struct Disconnect {
    StageCommand command{
        QStringLiteral("disconnect"),
        QStringLiteral("disconnect --arn ARN --participant-id ID [--reason TEXT] [--yes] "
                       "[--endpoint-url URL] [--profile NAME] [--timeout SECONDS] [--verbose] "
                       "[--demo]"),
        Text::tr("Disconnects a participant from the stage's session in progress "
                 "(DisconnectParticipant) and revokes its token: it cannot join again with the "
                 "same token. Asks first on a terminal; without a terminal it needs --yes."),
        Text::tr("ARN of the stage the participant is on.")};
    QCommandLineOption participantId{QStringLiteral("participant-id"),
                                     Text::tr("The participant to disconnect, as watch shows it."),
                                     Text::tr("ID")};
    QCommandLineOption reason{
        QStringLiteral("reason"),
        Text::tr("Why, in at most 128 characters on one line; kept with the disconnection."),
        Text::tr("TEXT")};
    QCommandLineOption yes{QStringLiteral("yes"),
                           Text::tr("Do not ask for confirmation (needed without a terminal).")};

    Disconnect() { command.addOptions({participantId, reason, yes}); }
};

} // namespace

QString disconnectHelpText()
{
    return Disconnect().command.helpText();
}

int runDisconnect(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err, const Confirmation &confirm)
{
    Disconnect options;
    StageCommand &command = options.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    if (!command.isSet(options.participantId))
        return fail(err, UsageError,
                    Text::tr("--participant-id is required (%1).").arg(command.seeHelp()));
    const QString participantId = command.value(options.participantId).trimmed();
    if (const QString problem = ivs::participantIdProblem(participantId); !problem.isEmpty())
        return fail(err, UsageError, Text::tr("--participant-id: %1").arg(problem));
    const QString reason = command.value(options.reason);
    if (const QString problem = ivs::disconnectReasonProblem(reason); !problem.isEmpty())
        return fail(err, UsageError, Text::tr("--reason: %1").arg(problem));
    const bool confirmed = command.isSet(options.yes);
    if (!confirmed && !confirm)
        return fail(err, UsageError,
                    Text::tr("disconnect asks before it acts, and there is no terminal to ask "
                             "on: add --yes to disconnect without asking."));
    if (const auto problem =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *problem;
    if (!confirmed &&
        !confirm(Text::tr("Disconnect participant %1 from %2? Its token is revoked. [y/N] ")
                     .arg(participantId, command.arn().text()))) {
        out << Text::tr("Nothing was sent.") << Qt::endl;
        return Success;
    }

    QEventLoop loop;
    ivs::DisconnectResult result;
    ivs::disconnectParticipant(command.client(), command.arn(), participantId, reason, &loop,
                               [&](const ivs::DisconnectResult &received) {
                                   result = received;
                                   loop.quit();
                               });
    loop.exec();
    if (result.error)
        return fail(err, exitCodeFor(result.error->category), result.error->userMessage());
    out << Text::tr("Disconnected participant %1 from %2.").arg(participantId, command.arn().text())
        << Qt::endl;
    return Success;
}

} // namespace cli
