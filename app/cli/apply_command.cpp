#include "cli/apply_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "document/stage_document.h"
#include "files/bounded_file.h"
#include "ivs/stage_changes.h"
#include "workspace/stage_editor.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace cli {

namespace {

// Far more than any stage configuration; a bigger file is something else.
constexpr qint64 kMaxFileBytes = 1024 * 1024;

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Apply)
};

struct Apply {
    StageCommand command{
        QStringLiteral("apply"),
        QStringLiteral("apply --arn ARN --file FILE [--dry-run] [--yes] [--endpoint-url URL] "
                       "[--profile NAME] [--timeout SECONDS] [--verbose] [--demo]"),
        Text::tr(
            "Makes a stage match a configuration file written by export (or File → Export): reads "
            "the stage, checks the file against the service's rules, prints each change (old → "
            "new) and the exact requests, then sends UpdateStage, TagResource and UntagResource "
            "— only those needed — and reports what was applied and what was not. What the file "
            "leaves out stays as it is."),
        Text::tr("ARN of the stage to change.")};
    QCommandLineOption file{QStringLiteral("file"), Text::tr("The configuration to apply."),
                            Text::tr("FILE")};
    QCommandLineOption dryRun{
        QStringLiteral("dry-run"),
        Text::tr("Print the review and send nothing (only GetStage is called).")};
    QCommandLineOption yes{QStringLiteral("yes"),
                           Text::tr("Do not ask for confirmation on a terminal (without a terminal "
                                    "nothing is asked).")};

    Apply() { command.addOptions({file, dryRun, yes}); }
};

std::optional<QByteArray> readFile(const QString &path, QString *problem)
{
    // Counted as it is read: a pipe, /dev/stdin or a device has no size to trust.
    return files::readBounded(path, kMaxFileBytes, files::Accept::AnyReadable,
                              Text::tr("the configuration file"), problem);
}

// Where the service kept something other than what was sent (e.g. recording settings while
// recording is off): said, so that "applied" is never mistaken for "the stage now matches".
QString differences(const ivs::EditableConfig &held, const ivs::EditableConfig &wanted)
{
    QStringList items;
    const ivs::StageChanges remaining = ivs::diffConfigs(QString(), held, wanted);
    for (const ivs::FieldChange &change : remaining.changes)
        items.append(Text::tr("%1 is %2, the file says %3")
                         .arg(change.path, ivs::describeValue(change.before),
                              ivs::describeValue(change.after)));
    return items.join(QStringLiteral("; "));
}

// Recording settings the file gives while its storageConfigurationArn is empty: the service
// resets them, so "already matches" would hide that they are dropped.
QString ignoredSettingsText(const QString &path, const QList<ivs::FieldChange> &ignored,
                            const QString &region)
{
    QStringList items;
    for (const ivs::FieldChange &change : ignored)
        items.append(Text::tr("%1 %2 (stays %3)")
                         .arg(change.path.section(QLatin1Char('.'), -1),
                              ivs::describeValue(change.after), ivs::describeValue(change.before)));
    return Text::tr("Recording is off in %1 (its storageConfigurationArn is empty), so the service "
                    "ignores the other recording settings it gives and keeps their defaults: %2. "
                    "To record with them, set storageConfigurationArn to a storage configuration "
                    "in %3.")
        .arg(path, items.join(QStringLiteral(", ")), region);
}

// What the apply did, in the command line's words: no pending edits or tree to speak of.
QString outcomeText(const workspace::StageEditor::Outcome &outcome)
{
    QString text;
    if (outcome.failure.isEmpty())
        text = Text::tr("Applied: %1.").arg(outcome.applied.join(QStringLiteral(", ")));
    else if (outcome.applied.isEmpty())
        text = Text::tr("Nothing was applied. %1").arg(outcome.failure);
    else
        text = Text::tr("Applied: %1. %2")
                   .arg(outcome.applied.join(QStringLiteral(", ")), outcome.failure);
    if (!outcome.notSent.isEmpty())
        text += QLatin1Char(' ') +
                Text::tr("Not sent: %1.").arg(outcome.notSent.join(QStringLiteral(", ")));
    if (!outcome.rereadError.isEmpty())
        text +=
            QLatin1Char(' ') +
            Text::tr("The stage could not be read again afterwards (%1).").arg(outcome.rereadError);
    return text;
}

} // namespace

QString applyHelpText()
{
    return Apply().command.helpText();
}

int runApply(const QStringList &arguments, const QProcessEnvironment &environment, QTextStream &out,
             QTextStream &err, const Confirmation &confirm)
{
    Apply apply;
    StageCommand &command = apply.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    if (!command.isSet(apply.file) || command.value(apply.file).isEmpty())
        return fail(err, UsageError,
                    Text::tr("--file is required: the configuration to apply (%1).")
                        .arg(command.seeHelp()));
    if (const auto failure =
            command.connect(environment, err, StageCommand::RegionOverride::MustMatchArn))
        return *failure;
    // Before any request: a file that cannot be read is not worth a call.
    const QString path = command.value(apply.file);
    QString problem;
    const auto bytes = readFile(path, &problem);
    if (!bytes)
        return fail(err, UsageError, problem);

    const ivs::GetStageResult current = command.getStage();
    if (!current.stage)
        return fail(err, current.error ? exitCodeFor(current.error->category) : InternalError,
                    current.error ? current.error->userMessage() : Text::tr("No answer."));

    // The window's own path from file to requests: the same checks, review and order.
    document::StageDocument stage;
    stage.setStage(*current.stage);
    workspace::StageEditor editor(command.client(), stage);
    if (!stage.loadDocument(*bytes, &problem))
        return fail(err, UsageError, Text::tr("%1: %2").arg(path, problem));
    const QString sourceArn =
        QJsonDocument::fromJson(*bytes).object().value(QStringLiteral("sourceArn")).toString();
    if (!sourceArn.isEmpty() && sourceArn != command.arn().text())
        err << Text::tr("ivs-stage-browser: note: %1 was exported from %2; applying it to %3.")
                   .arg(path, sourceArn, command.arn().text())
            << Qt::endl;

    const QList<ivs::FieldChange> ignored = ivs::ignoredRecordingSettings(
        QJsonDocument::fromJson(*bytes).object(), stage.editedConfig());
    const QString ignoredText =
        ignored.isEmpty() ? QString() : ignoredSettingsText(path, ignored, command.arn().region());
    if (!stage.hasPendingEdits()) {
        out << (ignored.isEmpty()
                    ? Text::tr("No changes: %1 already matches %2. Nothing was sent.")
                          .arg(command.arn().text(), path)
                    : Text::tr("No changes to send: %1 Nothing was sent.").arg(ignoredText))
            << Qt::endl;
        return Success;
    }
    if (!ignored.isEmpty())
        err << Text::tr("ivs-stage-browser: note: %1").arg(ignoredText) << Qt::endl;
    out << stage.review() << Qt::flush;
    if (command.isSet(apply.dryRun)) {
        out << Text::tr("Dry run: nothing was sent.") << Qt::endl;
        return Success;
    }
    if (!command.isSet(apply.yes) && confirm &&
        !confirm(Text::tr("Apply these changes to %1? [y/N] ").arg(command.arn().text()))) {
        out << Text::tr("Nothing was sent.") << Qt::endl;
        return Success;
    }

    if (command.verbose())
        QObject::connect(&editor, &workspace::StageEditor::progress, [&err](const QString &text) {
            err << QStringLiteral("ivs-stage-browser: ") << text << Qt::endl;
        });
    const ivs::EditableConfig wanted = stage.editedConfig();
    QEventLoop loop;
    std::optional<std::pair<bool, QString>> outcome;
    QObject::connect(&editor, &workspace::StageEditor::applyFinished,
                     [&](bool ok, const QString &report) {
                         outcome.emplace(ok, report);
                         loop.quit();
                     });
    editor.apply();
    if (!outcome)
        loop.exec();

    const auto &[ok, report] = *outcome;
    // Refused before any request (the report says why), or what was and was not sent.
    const bool sent =
        !editor.lastOutcome().applied.isEmpty() || !editor.lastOutcome().failure.isEmpty();
    const QString said = sent ? outcomeText(editor.lastOutcome()) : report;
    if (!ok)
        return fail(
            err, editor.lastError() ? exitCodeFor(editor.lastError()->category) : UsageError, said);
    out << said << Qt::endl;
    // Pending edits left after a success mean the stage could not be read again (the report
    // says so); otherwise the document holds the stage as the service now has it.
    if (!stage.hasPendingEdits()) {
        const QString kept = differences(ivs::EditableConfig::fromStage(*stage.stage()), wanted);
        if (!kept.isEmpty())
            err << Text::tr(
                       "ivs-stage-browser: note: the service did not keep everything in %1: %2.")
                       .arg(path, kept)
                << Qt::endl;
    }
    return Success;
}

} // namespace cli
