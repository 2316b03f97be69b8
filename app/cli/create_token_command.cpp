#include "cli/create_token_command.h"

#include "cli/exit_codes.h"
#include "cli/secret_input.h"
#include "cli/stage_command.h"
#include "ivs/encoder_settings.h"
#include "ivs/publishing.h"
#include "ivs/token_attributes.h"
#include "workspace/backend.h"
#include "workspace/obs_handoff.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::CreateToken)
};

struct CreateToken {
    StageCommand command{
        QStringLiteral("create-token"),
        QStringLiteral("create-token --arn ARN [--user-id ID] [--duration-minutes N] "
                       "[--capability PUBLISH|SUBSCRIBE]... [--attribute KEY=VALUE]... "
                       "[--output json|obs] [--send-to-obs [--obs-url URL] "
                       "[--obs-password-stdin [--obs-save-password]] [--obs-even-if-streaming]] "
                       "[--region REGION] [--endpoint-url URL] [--profile NAME] "
                       "[--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr(
            "Creates a participant token for a stage (CreateParticipantToken) and prints it with "
            "the stage's WHIP server, ready for an encoder. The token is a secret: it is printed "
            "on standard output only, never with --verbose or in an error. With --output obs the "
            "output is OBS's service.json (custom WHIP service): save it as "
            "~/.config/obs-studio/basic/profiles/PROFILE/service.json while OBS is closed. With "
            "--send-to-obs the running OBS (28 or later, its WebSocket server on) is set to "
            "stream to the stage with the new token in the same step."),
        Text::tr("ARN of the stage the token is for.")};
    QCommandLineOption userId{
        QStringLiteral("user-id"),
        Text::tr(
            "The token's user id, at most 128 characters (default: none). Every participant of "
            "the stage can see it: no personal or secret information."),
        Text::tr("ID")};
    QCommandLineOption duration{QStringLiteral("duration-minutes"),
                                Text::tr("How long the token stays valid: 1 to 20160 minutes (14 "
                                         "days); default 720 (12 hours)."),
                                Text::tr("N"), QStringLiteral("720")};
    QCommandLineOption capability{
        QStringLiteral("capability"),
        Text::tr("PUBLISH or SUBSCRIBE; give it twice for both. Default: PUBLISH, what an encoder "
                 "needs."),
        Text::tr("CAPABILITY")};
    QCommandLineOption attribute{
        QStringLiteral("attribute"),
        Text::tr(
            "An attribute encoded in the token, KEY=VALUE; may be given several times, at most "
            "1 KB in all. Every participant of the stage can see them."),
        Text::tr("KEY=VALUE")};
    QCommandLineOption output{
        QStringLiteral("output"),
        Text::tr("json (default): participantId, token, userId, capabilities, "
                 "expirationTime and server (the stage's WHIP endpoint); obs: "
                 "OBS's service.json for the custom WHIP service."),
        Text::tr("FORMAT"), QStringLiteral("json")};
    QCommandLineOption sendToObs{
        QStringLiteral("send-to-obs"),
        Text::tr("Set OBS's stream service (custom WHIP: server and bearer token) through its "
                 "WebSocket server, then read it back to confirm. OBS is checked first: no token "
                 "is created for an OBS that is not running, refuses the password or is "
                 "streaming. Prints what OBS was set to, not the token, unless --output is "
                 "given.")};
    QCommandLineOption obsUrl{
        QStringLiteral("obs-url"),
        Text::tr("Where OBS's WebSocket server listens (default ws://127.0.0.1:4455). ws:// only "
                 "on this computer; wss:// anywhere."),
        Text::tr("URL"), QStringLiteral("ws://127.0.0.1:4455")};
    QCommandLineOption obsPasswordStdin{
        QStringLiteral("obs-password-stdin"),
        Text::tr("Read OBS's WebSocket password from standard input (one line; not echoed on a "
                 "terminal). Without it, the password saved in the keychain for --obs-url is "
                 "used, if any.")};
    QCommandLineOption obsSavePassword{
        QStringLiteral("obs-save-password"),
        Text::tr("Save the password read with --obs-password-stdin in the keychain for "
                 "--obs-url, once OBS accepted it.")};
    QCommandLineOption obsEvenIfStreaming{
        QStringLiteral("obs-even-if-streaming"),
        Text::tr("Change OBS's stream settings even while it is streaming (they take effect at "
                 "its next Start Streaming).")};

    CreateToken()
    {
        command.addOptions({userId, duration, capability, attribute, output, sendToObs, obsUrl,
                            obsPasswordStdin, obsSavePassword, obsEvenIfStreaming});
    }
};

// StageCommand hands out only an option's last value, and --capability and --attribute may be
// given several times. A second parser that knows the same options reads every value; the
// arguments have passed StageCommand's parser already, so whatever is wrong was refused there.
QStringList allValues(const CreateToken &options, const QStringList &arguments,
                      const QCommandLineOption &wanted)
{
    QCommandLineParser parser;
    parser.addOptions(
        {options.userId, options.duration, options.capability, options.attribute, options.output});
    parser.addOptions({options.sendToObs, options.obsUrl, options.obsPasswordStdin,
                       options.obsSavePassword, options.obsEvenIfStreaming});
    for (const char *name : {"arn", "region", "endpoint-url", "profile", "timeout"})
        parser.addOption(
            QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("V")));
    for (const char *name : {"verbose", "demo", "h", "help"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name)));
    // An option StageCommand learns later makes this parse report it as unknown, but the values
    // of the options above are read all the same.
    static_cast<void>(parser.parse(QStringList{QStringLiteral("create-token")} + arguments));
    return parser.values(wanted);
}

// The request the options describe, or the reason there is none (a usage error).
std::optional<ivs::TokenRequest> tokenRequestFrom(const CreateToken &options,
                                                  const QStringList &arguments, QString *problem)
{
    const StageCommand &command = options.command;
    ivs::TokenRequest request;
    request.userId = command.value(options.userId);
    bool ok = false;
    request.durationMinutes = command.value(options.duration).trimmed().toInt(&ok);
    if (!ok) {
        *problem = Text::tr("--duration-minutes must be a whole number of minutes from 1 to 20160, "
                            "not \"%1\".")
                       .arg(command.value(options.duration));
        return std::nullopt;
    }
    if (command.isSet(options.capability)) {
        request.capabilities.clear();
        const QStringList capabilities = allValues(options, arguments, options.capability);
        for (const QString &capability : capabilities) {
            const QString upper = capability.trimmed().toUpper();
            if (!request.capabilities.contains(upper))
                request.capabilities.append(upper);
        }
    } else {
        request.capabilities = {QStringLiteral("PUBLISH")};
    }
    const QStringList attributes = allValues(options, arguments, options.attribute);
    for (const QString &attribute : attributes) {
        *problem = ivs::addTokenAttribute(attribute, request.attributes);
        if (!problem->isEmpty())
            return std::nullopt;
    }
    *problem = ivs::tokenAttributesProblem(request.attributes);
    if (problem->isEmpty())
        *problem = request.problem();
    if (!problem->isEmpty())
        return std::nullopt;
    return request;
}

ivs::TokenResult createToken(StageCommand &command, const ivs::TokenRequest &request)
{
    QEventLoop loop;
    ivs::TokenResult result;
    ivs::createParticipantToken(command.client(), command.arn(), request, &loop,
                                [&](const ivs::TokenResult &received) {
                                    result = received;
                                    loop.quit();
                                });
    loop.exec();
    return result;
}

QJsonObject tokenJson(const ivs::ParticipantToken &token, const QString &server)
{
    QJsonObject json{
        {QStringLiteral("participantId"), token.participantId},
        {QStringLiteral("token"), token.token},
        {QStringLiteral("userId"), token.userId},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(token.capabilities)},
        {QStringLiteral("expirationTime"),
         token.expirationTime.isValid()
             ? QJsonValue(token.expirationTime.toUTC().toString(Qt::ISODate))
             : QJsonValue()},
    };
    if (!server.isEmpty())
        json.insert(QStringLiteral("server"), server);
    return json;
}

// The exit code of a failed hand-off, from the table every command shares.
int obsExitCode(const obs::ObsError &error, std::optional<ivs::ErrorCategory> tokenError)
{
    using obs::ObsErrorKind;
    switch (error.kind) {
    case ObsErrorKind::BadUrl:
        return UsageError;
    case ObsErrorKind::PasswordRequired:
    case ObsErrorKind::WrongPassword:
        return AuthError;
    case ObsErrorKind::NotRunning:
    case ObsErrorKind::Network:
    case ObsErrorKind::Timeout:
    case ObsErrorKind::Disconnected:
        return NetworkError;
    case ObsErrorKind::Protocol:
    case ObsErrorKind::Refused:
    case ObsErrorKind::Streaming:
    case ObsErrorKind::Mismatch:
        return ServiceError;
    case ObsErrorKind::Secret:
        return tokenError ? exitCodeFor(*tokenError) : InternalError;
    }
    return InternalError;
}

// The OBS part of the command line, checked before anything is sent.
std::optional<int> obsUsageProblem(const CreateToken &options, QTextStream &err)
{
    const StageCommand &command = options.command;
    const bool send = command.isSet(options.sendToObs);
    for (const QCommandLineOption *option :
         {&options.obsUrl, &options.obsPasswordStdin, &options.obsSavePassword,
          &options.obsEvenIfStreaming}) {
        if (!send && command.isSet(*option))
            return fail(
                err, UsageError,
                Text::tr("--%1 goes with --send-to-obs.").arg(option->names().constFirst()));
    }
    if (command.isSet(options.obsSavePassword) && !command.isSet(options.obsPasswordStdin))
        return fail(err, UsageError,
                    Text::tr("--obs-save-password saves the password read with "
                             "--obs-password-stdin; give both."));
    if (send) {
        if (const QString problem = obs::ObsClient::urlProblem(command.value(options.obsUrl));
            !problem.isEmpty())
            return fail(err, UsageError, problem);
    }
    return std::nullopt;
}

// Checks OBS, creates the token and points OBS at the stage; prints what OBS holds now.
int sendToObs(const CreateToken &options, StageCommand &command, const ivs::TokenRequest &request,
              const QString &server, const std::optional<QString> &password, QTextStream &out,
              QTextStream &err)
{
    workspace::ObsSettings settings;
    settings.url = command.value(options.obsUrl).trimmed();
    settings.password = password;
    settings.rememberPassword = command.isSet(options.obsSavePassword);
    settings.evenIfStreaming = command.isSet(options.obsEvenIfStreaming);
    const bool printToken = command.isSet(options.output);
    const bool obsFormat = command.value(options.output) == QLatin1String("obs");

    workspace::ObsHandoff handoff(&command.backend().keychain());
    QEventLoop loop;
    std::optional<ivs::TokenResult> token;
    std::optional<obs::ObsError> failure;
    QString summary;
    QString note;
    QObject::connect(&handoff, &workspace::ObsHandoff::progress, &loop, [&](const QString &step) {
        if (command.verbose())
            err << step << Qt::endl;
    });
    QObject::connect(&handoff, &workspace::ObsHandoff::sent, &loop,
                     [&](const QString &told, const QString &noted) {
                         summary = told;
                         note = noted;
                         loop.quit();
                     });
    QObject::connect(&handoff, &workspace::ObsHandoff::failed, &loop,
                     [&](const obs::ObsError &error) {
                         failure = error;
                         loop.quit();
                     });
    handoff.start(settings, [&](QObject *context, workspace::ObsHandoff::SecretDone done) {
        ivs::createParticipantToken(
            command.client(), command.arn(), request, context,
            [&, done](const ivs::TokenResult &result) {
                token = result;
                if (result.token)
                    done(workspace::whipStreamService(server, result.token->token), {});
                else
                    done(std::nullopt,
                         result.error ? result.error->userMessage() : Text::tr("No answer."));
            });
    });
    loop.exec();
    if (failure) {
        const bool tokenMade = token && token->token;
        return fail(err,
                    obsExitCode(*failure, token && token->error
                                              ? std::optional(token->error->category)
                                              : std::nullopt),
                    tokenMade ? failure->message + QLatin1Char(' ') +
                                    Text::tr("The token created for it (participant %1) was not "
                                             "printed; it expires unused.")
                                        .arg(token->token->participantId)
                              : failure->message);
    }
    if (!note.isEmpty())
        err << note << Qt::endl;
    if (printToken && token && token->token) {
        const QJsonObject document = obsFormat ? ivs::obsWhipService(server, token->token->token)
                                               : tokenJson(*token->token, server);
        out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
    } else {
        out << summary << Qt::endl;
    }
    out << Qt::flush;
    return Success;
}

} // namespace

QString createTokenHelpText()
{
    return CreateToken().command.helpText();
}

int runCreateToken(const QStringList &arguments, const QProcessEnvironment &environment,
                   QTextStream &out, QTextStream &err)
{
    CreateToken options;
    StageCommand &command = options.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(options.output);
    if (format != QLatin1String("json") && format != QLatin1String("obs"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"json\" or \"obs\", not \"%1\".").arg(format));
    QString problem;
    const std::optional<ivs::TokenRequest> request = tokenRequestFrom(options, arguments, &problem);
    if (!request)
        return fail(err, UsageError, problem);
    if (const auto obsProblem = obsUsageProblem(options, err))
        return *obsProblem;
    const bool send = command.isSet(options.sendToObs);
    std::optional<QString> obsPassword;
    if (command.isSet(options.obsPasswordStdin)) {
        obsPassword = readSecretLine(Text::tr("OBS WebSocket password: "));
        if (!obsPassword)
            return fail(err, UsageError,
                        Text::tr("--obs-password-stdin: standard input ended before a password "
                                 "line."));
    }
    if (const auto connectProblem = command.connect(environment, err))
        return *connectProblem;

    // The stage first: a token for a stage that is not there, or that OBS could not reach,
    // would be a secret issued for nothing.
    const ivs::GetStageResult stage = command.getStage();
    if (!stage.stage)
        return fail(err, stage.error ? exitCodeFor(stage.error->category) : InternalError,
                    stage.error ? stage.error->userMessage() : Text::tr("No answer."));
    const QString server = stage.stage->json()
                               .value(QStringLiteral("endpoints"))
                               .toObject()
                               .value(QStringLiteral("whip"))
                               .toString();
    if ((send || format == QLatin1String("obs")) && server.isEmpty())
        return fail(
            err, ServiceError,
            Text::tr("The stage %1 has no WHIP endpoint, so OBS would have no server; no token "
                     "was created.")
                .arg(command.arn().text()));

    if (send)
        return sendToObs(options, command, *request, server, obsPassword, out, err);
    const ivs::TokenResult result = createToken(command, *request);
    if (!result.token)
        return fail(err, result.error ? exitCodeFor(result.error->category) : InternalError,
                    result.error ? result.error->userMessage() : Text::tr("No answer."));
    const QJsonObject document = format == QLatin1String("obs")
                                     ? ivs::obsWhipService(server, result.token->token)
                                     : tokenJson(*result.token, server);
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)) << Qt::flush;
    return Success;
}

} // namespace cli
