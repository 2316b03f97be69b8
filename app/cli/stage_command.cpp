#include "cli/stage_command.h"

#include "aws/shared_config.h"
#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "workspace/backend.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::StageCommand)
};

} // namespace

int fail(QTextStream &err, int code, const QString &message)
{
    err << QStringLiteral("ivs-stage-browser: ") << message.simplified() << Qt::endl;
    return code;
}

QString credentialsHelpText()
{
    return Text::tr(
        "Credentials: the --profile (a keychain profile, else an AWS CLI profile), else "
        "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, else the "
        "AWS_PROFILE (or \"default\") profile. AWS_CA_BUNDLE names extra PEM certificate "
        "authorities to trust.");
}

StageCommand::StageCommand(QString name, QString usage, const QString &description,
                           const QString &arnDescription)
    : StageCommand(std::move(name), std::move(usage), description, arnDescription,
                   Text::tr("Region to call (default: the region in the ARN)."), true)
{
}

StageCommand::StageCommand(QString name, QString usage, const QString &description,
                           AcrossRegions scope)
    : StageCommand(std::move(name), std::move(usage), description, QString(),
                   scope.regionDescription, false)
{
}

StageCommand::StageCommand(QString name, QString usage, const QString &description,
                           const QString &arnDescription, const QString &regionDescription,
                           bool hasArn)
    : m_name(std::move(name))
    , m_usage(std::move(usage))
    , m_arnOption(QStringLiteral("arn"), arnDescription, Text::tr("ARN"))
    , m_regionOption(QStringLiteral("region"), regionDescription, Text::tr("REGION"))
    , m_endpointUrlOption(
          QStringLiteral("endpoint-url"),
          Text::tr(
              "Send requests to URL instead of https://ivsrealtime.REGION.amazonaws.com (https, or "
              "http to a loopback address). Default: AWS_ENDPOINT_URL_IVS_REALTIME, then "
              "AWS_ENDPOINT_URL."),
          Text::tr("URL"))
    , m_profileOption(
          QStringLiteral("profile"),
          Text::tr("Use this profile: a keychain profile, else one from the AWS CLI's config "
                   "and credentials files."),
          Text::tr("NAME"))
    , m_timeoutOption(
          QStringLiteral("timeout"),
          Text::tr("Give up on a request after SECONDS (default 30). Throttled and failed "
                   "requests are retried up to AWS_MAX_ATTEMPTS times in all (default 3)."),
          Text::tr("SECONDS"))
    , m_verboseOption(QStringLiteral("verbose"),
                      Text::tr("Report each request, retry and clock correction on standard error "
                               "(never a secret)."))
    , m_demoOption(QStringLiteral("demo"),
                   Text::tr("Use the built-in demo endpoint and its sample stages."))
    , m_helpOption({QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help."))
    , m_hasArn(hasArn)
{
    m_parser.setApplicationDescription(description + QStringLiteral("\n\n") +
                                       credentialsHelpText());
    if (m_hasArn)
        m_parser.addOption(m_arnOption);
}

StageCommand::~StageCommand() = default;

void StageCommand::addOptions(const QList<QCommandLineOption> &options)
{
    m_parser.addOptions(options);
}

QString StageCommand::seeHelp() const
{
    return Text::tr("see %1 --help").arg(m_name);
}

std::optional<int> StageCommand::parse(const QStringList &arguments, QTextStream &out,
                                       QTextStream &err)
{
    addCommonOptions();
    if (!m_parser.parse(QStringList{m_name} + arguments))
        return fail(err, UsageError, Text::tr("%1 (%2)").arg(m_parser.errorText(), seeHelp()));
    if (m_parser.isSet(m_helpOption)) {
        out << helpText() << Qt::flush;
        return Success;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return fail(err, UsageError,
                    Text::tr("Unexpected argument \"%1\" (%2).")
                        .arg(m_parser.positionalArguments().constFirst(), seeHelp()));
    return std::nullopt;
}

std::optional<int> StageCommand::connect(const QProcessEnvironment &environment, QTextStream &err,
                                         RegionOverride regionOverride)
{
    if (!m_parser.isSet(m_arnOption))
        return fail(err, UsageError, Text::tr("--arn is required (%1).").arg(seeHelp()));
    QString problem;
    m_arn = ivs::StageArn::parse(m_parser.value(m_arnOption), &problem);
    if (!m_arn)
        return fail(err, UsageError, problem);
    m_region = m_parser.value(m_regionOption).trimmed();
    if (m_parser.isSet(m_regionOption) && m_region.isEmpty())
        return fail(err, UsageError, Text::tr("--region needs a value such as us-west-2."));
    const bool otherRegion = !m_region.isEmpty() && m_region != m_arn->region();
    // The changes go to the stage's own region; a lookup elsewhere would compare them with
    // another stage's settings.
    if (otherRegion && regionOverride == RegionOverride::MustMatchArn)
        return fail(
            err, UsageError,
            Text::tr("%1 works in the stage's own region: --region %2 does not match the ARN's "
                     "region %3. Leave --region out.")
                .arg(m_name, m_region, m_arn->region()));

    if (const auto failed = createBackend(environment, err))
        return failed;
    if (otherRegion)
        err << Text::tr("ivs-stage-browser: note: calling region %1, but the ARN is in %2.")
                   .arg(m_region, m_arn->region())
            << Qt::endl;
    reportProgressTo(err);
    return std::nullopt;
}

std::optional<int> StageCommand::connectAcrossRegions(const QProcessEnvironment &environment,
                                                      QTextStream &err)
{
    const QStringList given = m_parser.values(m_regionOption);
    for (const QString &region : given) {
        if (region.trimmed().isEmpty())
            return fail(err, UsageError, Text::tr("--region needs a value such as us-west-2."));
    }
    if (const auto failed = createBackend(environment, err))
        return failed;
    reportProgressTo(err);
    return std::nullopt;
}

QStringList StageCommand::regions() const
{
    QStringList regions;
    const QStringList given = m_parser.values(m_regionOption);
    for (const QString &region : given)
        regions.append(region.trimmed());
    return regions;
}

QString StageCommand::serviceRegion() const
{
    return m_backend ? m_backend->serviceRegion() : QString();
}

std::optional<int> StageCommand::createBackend(const QProcessEnvironment &environment,
                                               QTextStream &err)
{
    int timeoutSeconds = 0;
    if (m_parser.isSet(m_timeoutOption)) {
        bool ok = false;
        timeoutSeconds = m_parser.value(m_timeoutOption).toInt(&ok);
        if (!ok || timeoutSeconds < 1 || timeoutSeconds > 3600)
            return fail(err, UsageError,
                        Text::tr("--timeout must be a whole number of seconds from 1 to 3600."));
    }

    workspace::BackendOptions backendOptions;
    backendOptions.timeoutSeconds = timeoutSeconds;
    backendOptions.forceDemo = m_parser.isSet(m_demoOption);
    backendOptions.endpointUrl = m_parser.value(m_endpointUrlOption);
    backendOptions.profile = m_parser.value(m_profileOption);
    backendOptions.environment = environment;
    QString problem;
    m_backend = workspace::Backend::create(backendOptions, &problem);
    if (!m_backend)
        return fail(err, UsageError, problem);
    return std::nullopt;
}

void StageCommand::reportProgressTo(QTextStream &err)
{
    m_err = &err;
    ivs::IvsClient &ivs = client();
    auto note = [&err](const QString &text) {
        err << QStringLiteral("ivs-stage-browser: ") << text << Qt::endl;
    };
    // A corrected clock changes what the user should fix, so it is said even without --verbose.
    QObject::connect(&ivs, &ivs::IvsClient::clockSkewCorrected,
                     [note](qint64, const QString &text) { note(Text::tr("note: ") + text); });
    if (verbose()) {
        QObject::connect(&ivs, &ivs::IvsClient::requestSent, note);
        QObject::connect(&ivs, &ivs::IvsClient::retrying, note);
        const QString missing = m_backend->missingCredentialsReason();
        if (missing.isEmpty())
            note(Text::tr("credentials from %1").arg(m_backend->credentialSource()));
        else
            note(Text::tr("no credentials: %1").arg(missing));
        // Lines of the AWS files that were skipped, by file and line (never their text).
        const QStringList warnings = m_backend->sharedConfig().warnings();
        for (const QString &warning : warnings)
            note(Text::tr("warning: %1").arg(warning));
    }
}

ivs::IvsClient &StageCommand::client() const
{
    return m_backend->client();
}

ivs::GetStageResult StageCommand::getStage() const
{
    QEventLoop loop;
    ivs::GetStageResult result;
    client().getStage(*m_arn, m_region, &loop, [&](const ivs::GetStageResult &received) {
        result = received;
        loop.quit();
    });
    loop.exec();
    if (!result.mismatch.isEmpty() && m_err)
        *m_err << QStringLiteral("ivs-stage-browser: ") << Text::tr("warning: ") << result.mismatch
               << Qt::endl;
    return result;
}

void StageCommand::addCommonOptions()
{
    // After the command's own options, so that the help lists what is particular first.
    if (m_commonOptionsAdded)
        return;
    m_parser.addOptions({m_regionOption, m_endpointUrlOption, m_profileOption, m_timeoutOption,
                         m_verboseOption, m_demoOption, m_helpOption});
    m_commonOptionsAdded = true;
}

QString StageCommand::helpText()
{
    addCommonOptions();
    QString text = m_parser.helpText();
    // Qt's first line names the binary's path and "[options]"; the synopsis says more.
    const qsizetype usageEnd = text.indexOf(QLatin1Char('\n'));
    text = Text::tr("Usage: ivs-stage-browser %1").arg(m_usage) + text.mid(usageEnd);
    text.replace(QCoreApplication::applicationFilePath(), QStringLiteral("ivs-stage-browser"));
    return text + QLatin1Char('\n') + exitCodesHelpText();
}

} // namespace cli
