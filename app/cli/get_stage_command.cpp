#include "cli/get_stage_command.h"

#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "model/stage_tree_model.h"
#include "model/tree_text.h"
#include "session/backend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>

namespace cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli::GetStage", text);
}

struct Options {
    QCommandLineOption arn{QStringLiteral("arn"), tr("ARN of the stage to show."), tr("ARN")};
    QCommandLineOption region{QStringLiteral("region"),
                              tr("Region to call (default: the region in the ARN)."), tr("REGION")};
    QCommandLineOption endpointUrl{
        QStringLiteral("endpoint-url"),
        tr("Send requests to URL instead of https://ivsrealtime.REGION.amazonaws.com (https, or "
           "http to a loopback address). Default: AWS_ENDPOINT_URL_IVS_REALTIME, then "
           "AWS_ENDPOINT_URL."),
        tr("URL")};
    QCommandLineOption output{QStringLiteral("output"),
                              tr("tree (default): the fields with documented defaults marked; "
                                 "json: the service's stage object as received."),
                              tr("FORMAT"), QStringLiteral("tree")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               tr("Use this profile: a keychain profile, else one from the AWS "
                                  "CLI's config and credentials files."),
                               tr("NAME")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               tr("Give up on a request after SECONDS (default 30). Throttled "
                                  "and failed requests are retried up to AWS_MAX_ATTEMPTS times "
                                  "in all (default 3)."),
                               tr("SECONDS")};
    QCommandLineOption verbose{QStringLiteral("verbose"),
                               tr("Report each request, retry and clock correction on standard "
                                  "error (never a secret).")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            tr("Use the built-in demo endpoint and its sample stages.")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions(
            {arn, region, endpointUrl, output, profile, timeout, verbose, demo, help});
    }
};

QString description()
{
    return tr("Shows a stage as GetStage returns it.\n\n"
              "Credentials: the --profile (a keychain profile, else an AWS CLI profile), else "
              "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the "
              "AWS_PROFILE (or \"default\") profile. AWS_CA_BUNDLE names extra PEM certificate "
              "authorities to trust.");
}

QString helpText(QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text.replace(QCoreApplication::applicationFilePath(), QStringLiteral("ivs-stage-browser"));
    const QString usagePrefix = QStringLiteral("Usage: ");
    const qsizetype usageEnd = text.indexOf(QLatin1Char('\n'));
    text = usagePrefix +
           QStringLiteral(
               "ivs-stage-browser get-stage --arn ARN [--region REGION] "
               "[--endpoint-url URL] [--output tree|json] [--profile NAME] [--timeout SECONDS] "
               "[--verbose] [--demo]") +
           text.mid(usageEnd);
    return text + QLatin1Char('\n') + exitCodesHelpText();
}

int fail(QTextStream &err, int code, const QString &message)
{
    err << QStringLiteral("ivs-stage-browser: ") << message.simplified() << Qt::endl;
    return code;
}

} // namespace

QString getStageHelpText()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    Options().addTo(parser);
    return helpText(parser);
}

int runGetStage(const QStringList &arguments, const QProcessEnvironment &environment,
                QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const Options options;
    options.addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("get-stage")} + arguments))
        return fail(err, UsageError, parser.errorText() + tr(" (see get-stage --help)"));
    if (parser.isSet(options.help)) {
        out << helpText(parser) << Qt::flush;
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(err, UsageError,
                    tr("Unexpected argument \"%1\" (see get-stage --help).")
                        .arg(parser.positionalArguments().constFirst()));
    const QString format = parser.value(options.output);
    if (format != QLatin1String("tree") && format != QLatin1String("json"))
        return fail(err, UsageError,
                    tr("--output must be \"tree\" or \"json\", not \"%1\".").arg(format));
    if (!parser.isSet(options.arn))
        return fail(err, UsageError, tr("--arn is required (see get-stage --help)."));
    QString problem;
    const auto arn = ivs::StageArn::parse(parser.value(options.arn), &problem);
    if (!arn)
        return fail(err, UsageError, problem);
    const QString region = parser.value(options.region).trimmed();
    if (parser.isSet(options.region) && region.isEmpty())
        return fail(err, UsageError, tr("--region needs a value such as us-west-2."));

    int timeoutSeconds = 0;
    if (parser.isSet(options.timeout)) {
        bool ok = false;
        timeoutSeconds = parser.value(options.timeout).toInt(&ok);
        if (!ok || timeoutSeconds < 1 || timeoutSeconds > 3600)
            return fail(err, UsageError,
                        tr("--timeout must be a whole number of seconds from 1 to 3600."));
    }

    session::BackendOptions backendOptions;
    backendOptions.timeoutSeconds = timeoutSeconds;
    backendOptions.forceDemo = parser.isSet(options.demo);
    backendOptions.endpointUrl = parser.value(options.endpointUrl);
    backendOptions.profile = parser.value(options.profile);
    backendOptions.environment = environment;
    const auto backend = session::Backend::create(backendOptions, &problem);
    if (!backend)
        return fail(err, UsageError, problem);
    if (!region.isEmpty() && region != arn->region())
        err << tr("ivs-stage-browser: note: calling region %1, but the ARN is in %2.")
                   .arg(region, arn->region())
            << Qt::endl;

    ivs::IvsClient &client = backend->client();
    auto note = [&err](const QString &text) {
        err << QStringLiteral("ivs-stage-browser: ") << text << Qt::endl;
    };
    // A corrected clock changes what the user should fix, so it is said even without --verbose.
    QObject::connect(&client, &ivs::IvsClient::clockSkewCorrected,
                     [&note](qint64, const QString &text) { note(tr("note: ") + text); });
    if (parser.isSet(options.verbose)) {
        QObject::connect(&client, &ivs::IvsClient::requestSent, note);
        QObject::connect(&client, &ivs::IvsClient::retrying, note);
        note(tr("credentials from %1").arg(backend->credentialSource()));
    }

    QEventLoop loop;
    ivs::GetStageResult result;
    client.getStage(*arn, region, &loop, [&](const ivs::GetStageResult &received) {
        result = received;
        loop.quit();
    });
    loop.exec();

    if (!result.stage)
        return fail(err, result.error ? exitCodeFor(result.error->category) : InternalError,
                    result.error ? result.error->userMessage() : tr("No answer."));
    if (format == QLatin1String("json")) {
        out << QString::fromUtf8(
            QJsonDocument(result.stage->json()).toJson(QJsonDocument::Indented));
    } else {
        model::StageTreeModel tree;
        tree.setStage(*result.stage);
        out << model::renderTreeText(tree);
    }
    out.flush();
    return Success;
}

} // namespace cli
