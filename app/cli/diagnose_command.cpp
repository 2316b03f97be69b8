#include "cli/diagnose_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "ivs/diagnostics.h"
#include "ivs/stage_changes.h"
#include "ivs/surroundings.h"

#include <algorithm>
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
    Q_DECLARE_TR_FUNCTIONS(cli::Diagnose)
};

// The command line of diagnose: the shared stage options plus --output.
struct Diagnose {
    StageCommand command{
        QStringLiteral("diagnose"),
        QStringLiteral("diagnose --arn ARN [--output text|json] [--endpoint-url URL] "
                       "[--profile NAME] [--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr(
            "Checks a stage for problems: reads it (GetStage), its storage configuration, its "
            "active session and that session's participants, then says what is wrong and what to "
            "do about it. Exit code 1 means the checks found a problem (a warning or an error); 0 "
            "means nothing is wrong (notes alone do not count); 2 to 6 mean the stage could not "
            "be read, as for get-stage."),
        Text::tr("ARN of the stage to check.")};
    QCommandLineOption output{
        QStringLiteral("output"),
        Text::tr("text (default): one block per finding, errors first; json: "
                 "{arn, findings: [{id, severity, title, action, fieldPath}]}."),
        Text::tr("FORMAT"), QStringLiteral("text")};

    Diagnose() { command.addOptions({output}); }
};

ivs::StageSurroundings gatherSurroundings(ivs::IvsClient &client, const ivs::Stage &stage)
{
    QEventLoop loop;
    ivs::StageSurroundings surroundings;
    bool gathered = false;
    ivs::gatherSurroundings(client, stage, &loop, [&](const ivs::StageSurroundings &received) {
        surroundings = received;
        gathered = true;
        loop.quit();
    });
    if (!gathered)
        loop.exec();
    return surroundings;
}

QString severityWord(ivs::Finding::Severity severity)
{
    switch (severity) {
    case ivs::Finding::Severity::Info:
        return Text::tr("INFO");
    case ivs::Finding::Severity::Warning:
        return Text::tr("WARNING");
    case ivs::Finding::Severity::Error:
        return Text::tr("ERROR");
    }
    return {};
}

void printText(QTextStream &out, const QList<ivs::Finding> &findings, bool recordingOff)
{
    // Padded to the longest word, so that the titles line up whatever the language.
    qsizetype width = 0;
    for (const auto severity : {ivs::Finding::Severity::Info, ivs::Finding::Severity::Warning,
                                ivs::Finding::Severity::Error})
        width = std::max(width, severityWord(severity).size());
    bool first = true;
    for (const ivs::Finding &finding : findings) {
        if (!first)
            out << QLatin1Char('\n');
        first = false;
        out << severityWord(finding.severity).leftJustified(width) << QStringLiteral("  ")
            << finding.title << QLatin1Char('\n');
        out << QStringLiteral("  → ") << finding.action << QLatin1Char('\n');
        if (!finding.fieldPath.isEmpty())
            out << QStringLiteral("  ") << Text::tr("field: %1").arg(finding.fieldPath)
                << QLatin1Char('\n');
    }
    // Notes alone are not problems; say so, so that the output matches the exit code.
    if (!ivs::hasProblems(findings)) {
        if (!findings.isEmpty())
            out << QLatin1Char('\n');
        // Nothing wrong is not everything fine while nothing is recorded (as the window says).
        out << (recordingOff ? Text::tr("Recording is off; no other problems found.")
                             : Text::tr("No problems found."))
            << QLatin1Char('\n');
    }
}

void printJson(QTextStream &out, const QString &arn, const QList<ivs::Finding> &findings)
{
    QJsonArray list;
    for (const ivs::Finding &finding : findings)
        list.append(QJsonObject{
            {QStringLiteral("id"), finding.id},
            {QStringLiteral("severity"), ivs::severityName(finding.severity)},
            {QStringLiteral("title"), finding.title},
            {QStringLiteral("action"), finding.action},
            {QStringLiteral("fieldPath"), finding.fieldPath},
        });
    const QJsonObject document{{QStringLiteral("arn"), arn}, {QStringLiteral("findings"), list}};
    out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
}

} // namespace

QString diagnoseHelpText()
{
    return Diagnose().command.helpText();
}

int runDiagnose(const QStringList &arguments, const QProcessEnvironment &environment,
                QTextStream &out, QTextStream &err)
{
    Diagnose diagnose;
    StageCommand &command = diagnose.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(diagnose.output);
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"text\" or \"json\", not \"%1\".").arg(format));
    // The surroundings are looked up in the stage's own region: GetStage must be asked there too.
    if (const auto problem =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *problem;

    const ivs::GetStageResult result = command.getStage();
    // Never 1 for a failed lookup: here 1 means "problems found".
    if (!result.stage)
        return fail(err, result.error ? exitCodeFor(result.error->category) : ServiceError,
                    result.error ? result.error->userMessage() : Text::tr("No answer."));
    const QList<ivs::Finding> findings =
        ivs::diagnoseStage(*result.stage, gatherSurroundings(command.client(), *result.stage));
    if (format == QLatin1String("json"))
        printJson(out, command.arn().text(), findings);
    else
        printText(out, findings, ivs::EditableConfig::fromStage(*result.stage).recordingOff());
    out.flush();
    return ivs::hasProblems(findings) ? kProblemsFound : Success;
}

} // namespace cli
