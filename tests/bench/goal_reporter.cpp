#include "goal_reporter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <QtGlobal>

namespace bench {

double cpuSeconds(const Run &run)
{
    return run.GetAdjustedCPUTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
}

double wallSeconds(const Run &run)
{
    return run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
}

std::string grouped(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const std::string digits(buffer);
    const std::size_t integerDigits = std::min(digits.find('.'), digits.size());
    std::string text = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i < integerDigits && (integerDigits - i) % 3 == 0)
            text += ',';
        text += digits[i];
    }
    return text;
}

GoalReporter::GoalReporter(std::vector<Goal> goals)
    : m_goals(std::move(goals))
{
}

void GoalReporter::ReportRuns(const std::vector<Run> &runs)
{
    ConsoleReporter::ReportRuns(runs);
    for (const Run &run : runs) {
        const std::string name = run.benchmark_name();
        for (const Goal &goal : m_goals) {
            if (name.rfind(goal.benchmark, 0) != 0)
                continue;
            // Repeated benchmarks are judged by their median.
            if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median")
                continue;
            if (run.run_type == Run::RT_Iteration && run.repetitions > 1)
                continue;
            if (run.error_occurred) {
                m_rows.push_back({goal.path, goal.goal, "failed: " + run.error_message, false});
                continue;
            }
            const Measurement measured = goal.measure(run);
            m_rows.push_back({goal.path, goal.goal, measured.text, measured.met});
        }
    }
}

void GoalReporter::Finalize()
{
    ConsoleReporter::Finalize();
    std::printf("\n%-58s %-18s %-26s %s\n", "path", "goal", "measured", "met?");
    for (const Row &row : m_rows)
        std::printf("%-58s %-18s %-26s %s\n", row.path.c_str(), row.goal.c_str(),
                    row.measured.c_str(), row.met ? "yes" : "NO");
    std::fflush(stdout);

    const char *resultsFile = std::getenv("IVS_BENCH_RESULTS");
    if (!resultsFile || !*resultsFile)
        return;
    if (std::FILE *out = std::fopen(resultsFile, "a")) {
        for (const Row &row : m_rows)
            std::fprintf(out, "%s\t%s\t%s\t%s\n", row.path.c_str(), row.goal.c_str(),
                         row.measured.c_str(), row.met ? "yes" : "NO");
        std::fclose(out);
    }
}

bool GoalReporter::allMet() const
{
    return std::all_of(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.met; });
}

int runWithGoals(int argc, char **argv, std::vector<Goal> goals)
{
    benchmark::Initialize(&argc, argv);
    benchmark::AddCustomContext("Qt", qVersion()); // the library the figures came from
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    GoalReporter reporter(std::move(goals));
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return reporter.allMet() ? 0 : 1;
}

} // namespace bench
