// Hot paths without a window: signing, parsing into the tree, a GetStage round trip on loopback,
// filtering and loading a large stage list.

#include "aws/environment_credential_provider.h"
#include "aws/sigv4_signer.h"
#include "bench_support.h"
#include "document/stage_document.h"
#include "goal_reporter.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "ivs/stage_arn.h"
#include "model/stage_filter_model.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "net/loopback_http_server.h"

#include <benchmark/benchmark.h>
#include <memory>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

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
    document::StageDocument document;
    model::StageTreeModel tree(document);
    for (auto _ : state) {
        const auto stage = ivs::Stage::fromGetStageResponse(body, nullptr);
        document.setStage(*stage);
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
    document::StageDocument document;
    model::StageTreeModel tree(document);
    const ivs::StageArn arn = *ivs::StageArn::parse(
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh"));
    auto fetch = [&] {
        bool done = false;
        QObject context;
        loopback.client->getStage(arn, QString(), &context, [&](const ivs::GetStageResult &result) {
            if (result.stage)
                document.setStage(*result.stage);
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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using bench::Measurement;
    using bench::Run;
    return bench::runWithGoals(
        argc, argv,
        {
            {"SignGetStage", "SigV4 signing of a GetStage request", ">= 200,000 /s",
             [](const Run &run) {
                 // Google Benchmark rates items by the thread's CPU time: one core's work.
                 const double perSecond = run.counters.at("items_per_second");
                 return Measurement{perSecond, perSecond >= 200000.0,
                                    bench::grouped(perSecond, 0) + " /s (cpu)"};
             }},
            {"ParseFiftyTagStageAndBuildTree", "parse a 50-tag stage response and build the tree",
             "<= 100 us",
             [](const Run &run) {
                 const double us = bench::cpuSeconds(run) * 1e6;
                 return Measurement{us, us <= 100.0, bench::grouped(us, 1) + " us (cpu)"};
             }},
            {"GetStageOverLoopbackIntoModel", "GetStage over loopback into the model, warm",
             "<= 2 ms median",
             [](const Run &run) {
                 const double ms = bench::wallSeconds(run) * 1e3;
                 return Measurement{ms, ms <= 2.0, bench::grouped(ms, 3) + " ms (wall, median)"};
             }},
            {"FilterTenThousandStagesPerKeystroke", "filter 10,000 stage summaries per keystroke",
             "<= 16 ms",
             [](const Run &run) {
                 const double ms = bench::cpuSeconds(run) * 1e3;
                 return Measurement{ms, ms <= 16.0, bench::grouped(ms, 3) + " ms (cpu)"};
             }},
            {"LoadTenThousandStagesInHundredPages",
             "load 10,000 stages (100 pages) from a local endpoint", "<= 2 s",
             [](const Run &run) {
                 const double s = bench::wallSeconds(run);
                 return Measurement{s, s <= 2.0, bench::grouped(s, 3) + " s (wall)"};
             }},
        });
}
