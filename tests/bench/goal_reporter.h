#pragma once

#include <benchmark/benchmark.h>
#include <functional>
#include <string>
#include <vector>

namespace bench {

using Run = benchmark::BenchmarkReporter::Run;

struct Measurement {
    double value = 0;
    bool met = false;
    std::string text; // "0.912 ms (cpu)": the figure as the table shows it
};

// One row of the goal table, and the benchmark that answers it.
struct Goal {
    std::string benchmark; // name prefix
    std::string path;
    std::string goal;
    std::function<Measurement(const Run &)> measure;
};

// Seconds per iteration: the thread's CPU time suits work that stays on one core, wall time
// work that waits on sockets, other threads or other processes.
double cpuSeconds(const Run &run);
double wallSeconds(const Run &run);
// "1,234,567" or "12.345": thousands grouped, `decimals` after the point.
std::string grouped(double value, int decimals);

// Google Benchmark's usual console table, then each goal's row beside it. With
// IVS_BENCH_RESULTS set, the rows are also appended to that file, tab-separated, for
// packaging/run-benchmarks.sh to gather into one table.
class GoalReporter final : public benchmark::ConsoleReporter {
public:
    explicit GoalReporter(std::vector<Goal> goals);

    void ReportRuns(const std::vector<Run> &runs) override;
    void Finalize() override;
    bool allMet() const;

private:
    struct Row {
        std::string path;
        std::string goal;
        std::string measured;
        bool met;
    };

    std::vector<Goal> m_goals;
    std::vector<Row> m_rows;
};

// Runs the benchmarks named on the command line (all by default) against `goals`; the exit code
// is 0 when every goal that ran was met.
int runWithGoals(int argc, char **argv, std::vector<Goal> goals);

} // namespace bench
