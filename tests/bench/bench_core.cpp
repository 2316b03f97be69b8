// Hot paths without a window: signing, parsing into the tree, a GetStage round trip on loopback,
// filtering and loading a large stage list.

#include "aws/environment_credential_provider.h"
#include "aws/sigv4_signer.h"
#include "bench_support.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "ivs/stage_arn.h"
#include "model/stage_filter_model.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "net/loopback_http_server.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <functional>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <vector>

namespace {

const aws::Credentials kCredentials{QStringLiteral("AKIDBENCHMARK00001"),
                                    QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                    {},
                                    {}};

void SignGetStage(benchmark::State &state)
{
    aws::HttpRequestToSign request;
    request.method = "POST";
    request.path = "/GetStage";
    request.headers = {{"Host", "ivsrealtime.us-west-2.amazonaws.com"},
                       {"Content-Type", "application/json"}};
    request.body = R"({"arn":"arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh"})";
    aws::SigningOptions options;
    options.region = QStringLiteral("us-west-2");
    options.service = QStringLiteral("ivs");
    options.signingTime = QDateTime::currentDateTimeUtc();
    for (auto _ : state)
        benchmark::DoNotOptimize(aws::SigV4Signer::sign(request, kCredentials, options));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(SignGetStage);

void ParseFiftyTagStageAndBuildTree(benchmark::State &state)
{
    const QByteArray body = bench::stageResponse(50);
    model::StageTreeModel tree;
    for (auto _ : state) {
        const auto stage = ivs::Stage::fromGetStageResponse(body, nullptr);
        tree.setStage(*stage);
        benchmark::DoNotOptimize(tree.rowCount());
    }
}
BENCHMARK(ParseFiftyTagStageAndBuildTree)->Unit(benchmark::kMicrosecond);

// A loopback endpoint answering GetStage with a 50-tag stage; signatures are not checked so that
// only the client's side is measured.
struct LoopbackStage {
    LoopbackStage()
        : server([body = bench::stageResponse(50)](const net::HttpRequest &) {
            return net::HttpResponse::json(200, body);
        })
        , provider(kCredentials, QStringLiteral("bench"))
    {
        server.listenOnLoopback();
        network.setProxy(QNetworkProxy::NoProxy);
        aws::EndpointConfig config;
        config.overrideUrl = server.url();
        client = std::make_unique<ivs::IvsClient>(&network, &provider, config);
    }
    net::LoopbackHttpServer server;
    QNetworkAccessManager network;
    aws::StaticCredentialProvider provider;
    std::unique_ptr<ivs::IvsClient> client;
};

void GetStageOverLoopbackIntoModel(benchmark::State &state)
{
    LoopbackStage loopback;
    model::StageTreeModel tree;
    const ivs::StageArn arn = *ivs::StageArn::parse(
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh"));
    auto fetch = [&] {
        bool done = false;
        QObject context;
        loopback.client->getStage(arn, QString(), &context, [&](const ivs::GetStageResult &result) {
            if (result.stage)
                tree.setStage(*result.stage);
            done = true;
        });
        bench::spinUntil(done);
    };
    fetch(); // the connection is warm from here on, as in the window after the first lookup
    for (auto _ : state)
        fetch();
    if (tree.rowCount() != 6)
        state.SkipWithError("the stage did not arrive");
}
BENCHMARK(GetStageOverLoopbackIntoModel)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

QList<ivs::StageSummary> manyStages(int count, int offset = 0)
{
    QList<ivs::StageSummary> stages;
    for (int i = offset; i < offset + count; ++i)
        stages.append({QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/st%1x")
                           .arg(i, 8, 10, QLatin1Char('0')),
                       QStringLiteral("show-%1").arg(i),
                       i % 7 == 0 ? QStringLiteral("st-live%1").arg(i) : QString(),
                       {{QStringLiteral("team"), QStringLiteral("crew-%1").arg(i % 40)},
                        {QStringLiteral("env"),
                         i % 2 ? QStringLiteral("production") : QStringLiteral("staging")}}});
    return stages;
}

void FilterTenThousandStagesPerKeystroke(benchmark::State &state)
{
    model::StageListModel list;
    list.appendStages(QStringLiteral("us-west-2"), manyStages(10000));
    model::StageFilterModel filter;
    filter.setSourceModel(&list);
    // Typing "crew-12 prod", one keystroke per iteration, then clearing it.
    const QString typed = QStringLiteral("crew-12 prod");
    qsizetype length = 0;
    for (auto _ : state) {
        length = length % (typed.size() + 1);
        filter.setFilterText(typed.left(length++));
        benchmark::DoNotOptimize(filter.rowCount());
    }
}
BENCHMARK(FilterTenThousandStagesPerKeystroke)->Unit(benchmark::kMillisecond);

void LoadTenThousandStagesInHundredPages(benchmark::State &state)
{
    // 100 pages of 100, served from memory as ListStages would.
    QList<QByteArray> pages;
    for (int page = 0; page < 100; ++page) {
        QJsonArray stages;
        for (const ivs::StageSummary &stage : manyStages(100, page * 100))
            stages.append(QJsonObject{{QStringLiteral("arn"), stage.arn},
                                      {QStringLiteral("name"), stage.name}});
        QJsonObject answer{{QStringLiteral("stages"), stages}};
        if (page < 99)
            answer.insert(QStringLiteral("nextToken"), QStringLiteral("page-%1").arg(page + 1));
        pages.append(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    }
    net::LoopbackHttpServer server([&pages](const net::HttpRequest &request) {
        const QString token = QJsonDocument::fromJson(request.body)
                                  .object()
                                  .value(QStringLiteral("nextToken"))
                                  .toString();
        return net::HttpResponse::json(200, pages.at(token.isEmpty() ? 0 : token.mid(5).toInt()));
    });
    server.listenOnLoopback();
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    aws::StaticCredentialProvider provider(kCredentials, QStringLiteral("bench"));
    aws::EndpointConfig config;
    config.overrideUrl = server.url();
    ivs::IvsClient client(&network, &provider, config);
    qsizetype loaded = 0;
    for (auto _ : state) {
        bool done = false;
        QObject context;
        ivs::listAllStages(client, QStringLiteral("us-west-2"), &context,
                           [&](const ivs::StageListResult &result) {
                               loaded = result.stages.size();
                               done = true;
                           });
        bench::spinUntil(done);
    }
    if (loaded != 10000)
        state.SkipWithError("not every stage arrived");
}
BENCHMARK(LoadTenThousandStagesInHundredPages)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

} // namespace

namespace {

// Prints Google Benchmark's usual table, then each result beside its goal.
class GoalReporter final : public benchmark::ConsoleReporter {
public:
    struct Goal {
        const char *benchmark; // name prefix
        const char *path;
        const char *goal;
        std::function<std::pair<double, bool>(const Run &)> measure; // value, met
        const char *unit;
    };

    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            for (const Goal &goal : goals()) {
                const std::string name = run.benchmark_name();
                if (name.rfind(goal.benchmark, 0) != 0)
                    continue;
                // Repeated benchmarks are judged by their median.
                if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median")
                    continue;
                if (run.run_type == Run::RT_Iteration && run.repetitions > 1)
                    continue;
                const auto [value, met] = goal.measure(run);
                m_rows.push_back({goal.path, goal.goal, value, goal.unit, met});
            }
        }
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        std::printf("\n%-56s %-22s %14s  %s\n", "path", "goal", "measured", "");
        for (const Row &row : m_rows)
            std::printf("%-56s %-22s %10.3f %-4s %s\n", row.path, row.goal, row.value, row.unit,
                        row.met ? "met" : "MISSED");
    }

    bool allMet() const
    {
        return std::all_of(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.met; });
    }

private:
    struct Row {
        const char *path;
        const char *goal;
        double value;
        const char *unit;
        bool met;
    };

    static double seconds(const Run &run)
    {
        return run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    }

    static const std::vector<Goal> &goals()
    {
        static const std::vector<Goal> all = {
            {"SignGetStage", "SigV4 signing of a GetStage request", ">= 200,000 /s",
             [](const Run &run) {
                 const double perSecond = run.counters.at("items_per_second");
                 return std::pair{perSecond, perSecond >= 200000.0};
             },
             "/s"},
            {"ParseFiftyTagStageAndBuildTree", "parse a 50-tag stage and build the tree model",
             "<= 100 us",
             [](const Run &run) {
                 const double us = seconds(run) * 1e6;
                 return std::pair{us, us <= 100.0};
             },
             "us"},
            {"GetStageOverLoopbackIntoModel", "GetStage over loopback into the model (warm)",
             "<= 2 ms median",
             [](const Run &run) {
                 const double ms = seconds(run) * 1e3;
                 return std::pair{ms, ms <= 2.0};
             },
             "ms"},
            {"FilterTenThousandStagesPerKeystroke", "filter 10,000 stages per keystroke",
             "<= 16 ms",
             [](const Run &run) {
                 const double ms = seconds(run) * 1e3;
                 return std::pair{ms, ms <= 16.0};
             },
             "ms"},
            {"LoadTenThousandStagesInHundredPages", "load 10,000 stages in 100 pages (loopback)",
             "<= 2 s",
             [](const Run &run) {
                 const double s = seconds(run);
                 return std::pair{s, s <= 2.0};
             },
             "s"},
        };
        return all;
    }

    std::vector<Row> m_rows;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    GoalReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return reporter.allMet() ? 0 : 1;
}
