#include "cli/list_stages_command.h"

#include "cli/exit_codes.h"
#include "cli/stage_command.h"
#include "ivs/browse_operations.h"
#include "ivs/paging.h"
#include "ivs/regions.h"

#include <algorithm>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace cli {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::ListStages)
};

// The command line of list-stages: the connection options plus the choice of regions and format.
struct ListStages {
    StageCommand command{
        QStringLiteral("list-stages"),
        QStringLiteral("list-stages [--region REGION]... [--all-regions] [--output table|json] "
                       "[--endpoint-url URL] [--profile NAME] [--timeout SECONDS] [--verbose] "
                       "[--demo]"),
        Text::tr(
            "Lists the stages of one or more regions (ListStages, every page), asking the regions "
            "at once. A region that fails is reported on standard error, one line each; the other "
            "regions are still listed, and the exit code is the failure's (the first failing "
            "region's, in the order the regions were given)."),
        StageCommand::AcrossRegions{
            Text::tr("List the stages of REGION; repeat for several regions. Default: AWS_REGION, "
                     "AWS_DEFAULT_REGION, then the profile's region.")}};
    QCommandLineOption allRegions{
        QStringLiteral("all-regions"),
        Text::tr("List every region where Amazon IVS Real-Time is offered: %1.")
            .arg(ivs::realTimeRegions().join(QStringLiteral(", ")))};
    QCommandLineOption output{
        QStringLiteral("output"),
        Text::tr("table (default): aligned columns, sorted by region, then name; "
                 "json: an array of {arn, name, region, activeSessionId (null "
                 "when no session is in progress), tags} in the same order."),
        Text::tr("FORMAT"), QStringLiteral("table")};

    ListStages() { command.addOptions({allRegions, output}); }
};

struct RegionOutcome {
    QString region;
    ivs::StageListResult result;
};

struct Row {
    QString region;
    ivs::StageSummary stage;
};

// A region given twice is asked once.
QStringList withoutRepeats(const QStringList &regions)
{
    QStringList unique;
    for (const QString &region : regions) {
        if (!unique.contains(region))
            unique.append(region);
    }
    return unique;
}

// Every region is asked at once, so that the slowest region, not their sum, sets the wait.
QList<RegionOutcome> listRegions(ivs::IvsClient &client, const QStringList &regions)
{
    QList<RegionOutcome> outcomes;
    for (const QString &region : regions)
        outcomes.append({region, {}});
    QEventLoop loop;
    qsizetype pending = outcomes.size();
    // One bound on what the regions' answers come to together, not one per region: with
    // --all-regions and a misbehaving endpoint, per-region bounds would add up.
    const auto budget = std::make_shared<ivs::PagingBudget>();
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        ivs::listAllStages(
            client, outcomes.at(i).region, &loop,
            [&outcomes, &pending, &loop, i](const ivs::StageListResult &result) {
                outcomes[i].result = result;
                if (--pending == 0)
                    loop.quit();
            },
            budget);
    }
    // An answer may come before exec() (a local error); quit() before exec() would be lost.
    if (pending > 0)
        loop.exec();
    return outcomes;
}

QList<Row> sortedRows(const QList<RegionOutcome> &outcomes)
{
    QList<Row> rows;
    QSet<QString> seen;
    for (const RegionOutcome &outcome : outcomes) {
        for (const ivs::StageSummary &stage : outcome.result.stages) {
            if (seen.contains(stage.arn))
                continue;
            seen.insert(stage.arn);
            rows.append({outcome.region, stage});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.region != b.region)
            return a.region < b.region;
        if (const int byName = a.stage.name.compare(b.stage.name, Qt::CaseInsensitive))
            return byName < 0;
        if (a.stage.name != b.stage.name)
            return a.stage.name < b.stage.name;
        return a.stage.arn < b.stage.arn;
    });
    return rows;
}

QString stageId(const ivs::StageSummary &stage)
{
    return stage.arn.section(QLatin1Char('/'), -1);
}

QString tagsText(const QMap<QString, QString> &tags)
{
    QStringList pairs;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        pairs.append(it.key() + QLatin1Char('=') + it.value());
    return pairs.join(QStringLiteral(", "));
}

// An empty cell would shift the columns for whoever splits the lines on blanks.
QString cell(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

void printTable(QTextStream &out, const QList<Row> &rows)
{
    QList<QStringList> lines{{Text::tr("NAME"), Text::tr("REGION"), Text::tr("STAGE ID"),
                              Text::tr("ACTIVE SESSION"), Text::tr("TAGS")}};
    for (const Row &row : rows)
        lines.append({cell(row.stage.name), row.region, cell(stageId(row.stage)),
                      cell(row.stage.activeSessionId), cell(tagsText(row.stage.tags))});
    const qsizetype columns = lines.constFirst().size();
    QList<qsizetype> widths(columns, 0);
    for (const QStringList &line : std::as_const(lines)) {
        for (qsizetype column = 0; column < columns; ++column)
            widths[column] = std::max(widths.at(column), line.at(column).size());
    }
    for (const QStringList &line : std::as_const(lines)) {
        QString text;
        for (qsizetype column = 0; column + 1 < columns; ++column)
            text += line.at(column).leftJustified(widths.at(column)) + QStringLiteral("  ");
        out << text << line.constLast() << QLatin1Char('\n');
    }
}

void printJson(QTextStream &out, const QList<Row> &rows)
{
    QJsonArray stages;
    for (const Row &row : rows) {
        QJsonObject tags;
        for (auto it = row.stage.tags.begin(); it != row.stage.tags.end(); ++it)
            tags.insert(it.key(), it.value());
        stages.append(QJsonObject{
            {QStringLiteral("arn"), row.stage.arn},
            {QStringLiteral("name"), row.stage.name},
            {QStringLiteral("region"), row.region},
            {QStringLiteral("activeSessionId"), row.stage.activeSessionId.isEmpty()
                                                    ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(row.stage.activeSessionId)},
            {QStringLiteral("tags"), tags},
        });
    }
    out << QString::fromUtf8(QJsonDocument(stages).toJson(QJsonDocument::Indented));
}

QString failureLine(const RegionOutcome &outcome)
{
    QString line =
        QStringLiteral("%1: %2").arg(outcome.region, outcome.result.error->userMessage());
    // Stages read before a later page failed are listed: say so, or the list looks whole.
    const qsizetype read = outcome.result.stages.size();
    if (read == 1)
        line += QLatin1Char(' ') + Text::tr("The stage read before the failure is listed.");
    else if (read > 1)
        line += QLatin1Char(' ') +
                Text::tr("The %1 stages read before the failure are listed.").arg(read);
    return line;
}

} // namespace

QString listStagesHelpText()
{
    return ListStages().command.helpText();
}

int runListStages(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err)
{
    ListStages listStages;
    StageCommand &command = listStages.command;
    if (const auto done = command.parse(arguments, out, err))
        return *done;
    const QString format = command.value(listStages.output);
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return fail(err, UsageError,
                    Text::tr("--output must be \"table\" or \"json\", not \"%1\".").arg(format));
    const bool allRegions = command.isSet(listStages.allRegions);
    if (allRegions && !command.regions().isEmpty())
        return fail(
            err, UsageError,
            Text::tr("Give --region or --all-regions, not both (%1).").arg(command.seeHelp()));
    if (const auto problem = command.connectAcrossRegions(environment, err))
        return *problem;

    QStringList regions = allRegions ? ivs::realTimeRegions() : withoutRepeats(command.regions());
    if (regions.isEmpty() && !command.serviceRegion().isEmpty())
        regions.append(command.serviceRegion());
    if (regions.isEmpty())
        return fail(
            err, UsageError,
            Text::tr("No region is configured: give --region REGION (repeat it for several), "
                     "or --all-regions, or set AWS_REGION or the profile's region."));

    const QList<RegionOutcome> outcomes = listRegions(command.client(), regions);
    const QList<Row> rows = sortedRows(outcomes);
    QStringList answered;
    for (const RegionOutcome &outcome : outcomes) {
        if (!outcome.result.error)
            answered.append(outcome.region);
    }
    if (format == QLatin1String("json"))
        printJson(out, rows);
    else if (!rows.isEmpty())
        printTable(out, rows);
    else if (!answered.isEmpty())
        out << Text::tr("No stages in %1.").arg(answered.join(QStringLiteral(", ")))
            << QLatin1Char('\n');
    out.flush();

    int exitCode = Success;
    for (const RegionOutcome &outcome : outcomes) {
        if (!outcome.result.error)
            continue;
        const int code =
            fail(err, exitCodeFor(outcome.result.error->category), failureLine(outcome));
        if (exitCode == Success)
            exitCode = code;
    }
    return exitCode;
}

} // namespace cli
