#include "cli/export_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "files/atomic_file.h"
#include "ivs/stage_changes.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Export)
};

struct Export {
    StageCommand command{
        QStringLiteral("export"),
        QStringLiteral("export --arn ARN [--file FILE] [--region REGION] [--endpoint-url URL] "
                       "[--profile NAME] [--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr(
            "Writes a stage's editable configuration — name, automatic participant recording "
            "with every default filled in, tags — as a JSON document that apply reads back (the "
            "window's File → Export writes the same format)."),
        Text::tr("ARN of the stage to export.")};
    QCommandLineOption file{
        QStringLiteral("file"),
        Text::tr("Write to FILE (replaced in one step: never left half-written) "
                 "instead of standard output. A symbolic link, a pipe or a device is not "
                 "replaced."),
        Text::tr("FILE")};

    Export() { command.addOptions({file}); }
};

} // namespace

QString exportHelpText()
{
    return Export().command.helpText();
}

int runExport(const QStringList &arguments, const QProcessEnvironment &environment,
              QTextStream &out, QTextStream &err)
{
    Export exportCommand;
    StageCommand &command = exportCommand.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString path = command.value(exportCommand.file);
    if (command.isSet(exportCommand.file) && path.isEmpty())
        return fail(err, UsageError, Text::tr("--file needs the name of the file to write."));
    if (const auto problem = command.connect(environment, err))
        return *problem;

    // Checked before the request, so that an unusable path costs no call.
    if (!path.isEmpty()) {
        if (const QString problem = files::writeProblem(path); !problem.isEmpty())
            return fail(err, UsageError, Text::tr("Cannot write %1: %2").arg(path, problem));
    }

    const ivs::GetStageResult result = command.getStage();
    if (!result.stage)
        return fail(err, result.error ? exitCodeFor(result.error->category) : InternalError,
                    result.error ? result.error->userMessage() : Text::tr("No answer."));
    const QByteArray document =
        QJsonDocument(
            ivs::EditableConfig::fromStage(*result.stage).toDocument(command.arn().text()))
            .toJson(QJsonDocument::Indented);
    if (path.isEmpty()) {
        out << QString::fromUtf8(document) << Qt::flush;
        return Success;
    }
    QString problem;
    if (!files::writeAtomically(path, document, &problem))
        return fail(err, UsageError, Text::tr("Cannot write %1: %2").arg(path, problem));
    out << Text::tr("Exported the configuration of %1 to %2.").arg(command.arn().text(), path)
        << Qt::endl;
    return Success;
}

} // namespace cli
