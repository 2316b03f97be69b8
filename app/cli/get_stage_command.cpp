#include "cli/get_stage_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "document/stage_document.h"
#include "model/stage_tree_model.h"
#include "model/tree_text.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::GetStage)
};

// The command line of get-stage: the shared stage options plus --output.
struct GetStage {
    StageCommand command{
        QStringLiteral("get-stage"),
        QStringLiteral("get-stage --arn ARN [--region REGION] [--endpoint-url URL] "
                       "[--output tree|json] [--profile NAME] [--timeout SECONDS] "
                       "[--verbose] [--demo]"),
        Text::tr("Shows a stage as GetStage returns it."), Text::tr("ARN of the stage to show.")};
    QCommandLineOption output{
        QStringLiteral("output"),
        Text::tr("tree (default): the fields with documented defaults marked; "
                 "json: the service's stage object as received."),
        Text::tr("FORMAT"), QStringLiteral("tree")};

    GetStage() { command.addOptions({output}); }
};

} // namespace

QString getStageHelpText()
{
    return GetStage().command.helpText();
}

int runGetStage(const QStringList &arguments, const QProcessEnvironment &environment,
                QTextStream &out, QTextStream &err)
{
    GetStage getStage;
    StageCommand &command = getStage.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(getStage.output);
    if (format != QLatin1String("tree") && format != QLatin1String("json"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"tree\" or \"json\", not \"%1\".").arg(format));
    if (const auto problem = command.connect(environment, err))
        return *problem;

    const ivs::GetStageResult result = command.getStage();
    if (!result.stage)
        return fail(err, result.error ? exitCodeFor(result.error->category) : InternalError,
                    result.error ? result.error->userMessage() : Text::tr("No answer."));
    if (format == QLatin1String("json")) {
        out << QString::fromUtf8(
            QJsonDocument(result.stage->json()).toJson(QJsonDocument::Indented));
    } else {
        document::StageDocument stage;
        stage.setStage(*result.stage);
        const model::StageTreeModel tree(stage);
        out << model::renderTreeText(tree);
    }
    out.flush();
    return Success;
}

} // namespace cli
