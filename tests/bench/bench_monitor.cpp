// The live monitor during a quiet show: a session of 50 participants, all connected and
// publishing, nothing changing, watched with the default interval (5 s), sweep (1 min) and
// request budget (2 requests a second per region) on the real clock for a minute. What it costs:
// requests a minute, counted at the server, and the CPU the watching process spends, without
// the server's own share (the server runs in a thread of its own, whose CPU time is subtracted).

#include "aws/environment_credential_provider.h"
#include "bench_support.h"
#include "goal_reporter.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "net/loopback_http_server.h"
#include "workspace/live_monitor.h"

#include <atomic>
#include <benchmark/benchmark.h>
#include <ctime>
#include <memory>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QThread>
#include <QTimer>
#include <sys/resource.h>

namespace {

constexpr int kParticipants = 50;
constexpr int kMeasuredSeconds = 60;

const QString kStart = QStringLiteral("2026-05-01T18:00:00.000Z");

QByteArray page(const QString &key, const QJsonArray &items)
{
    return QJsonDocument(QJsonObject{{key, items}}).toJson(QJsonDocument::Compact);
}

// Answers for the quiet show, prepared once.
struct QuietShow {
    QuietShow()
    {
        sessions =
            page(QStringLiteral("stageSessions"),
                 QJsonArray{QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("st-quiet")},
                                        {QStringLiteral("startTime"), kStart}}});
        QJsonArray list;
        for (int i = 0; i < kParticipants; ++i)
            list.append(QJsonObject{{QStringLiteral("participantId"),
                                     QStringLiteral("p%1").arg(i, 3, 10, QLatin1Char('0'))},
                                    {QStringLiteral("userId"), QStringLiteral("guest-%1").arg(i)},
                                    {QStringLiteral("state"), QStringLiteral("CONNECTED")},
                                    {QStringLiteral("published"), true},
                                    {QStringLiteral("recordingState"), QStringLiteral("ACTIVE")},
                                    {QStringLiteral("firstJoinTime"), kStart}});
        participants = page(QStringLiteral("participants"), list);
        events =
            page(QStringLiteral("events"),
                 QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("JOINED")},
                                        {QStringLiteral("eventTime"), kStart}},
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("PUBLISH_STARTED")},
                                        {QStringLiteral("eventTime"), kStart}}});
    }
    QByteArray sessions;
    QByteArray participants;
    QByteArray events;
};

// The server, in a thread of its own, counting requests.
class ServerThread {
public:
    ServerThread()
    {
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_anchor,
            [this] {
                m_server = new net::LoopbackHttpServer([this](const net::HttpRequest &request) {
                    ++requests;
                    if (request.path == "/ListStageSessions")
                        return net::HttpResponse::json(200, m_show.sessions);
                    if (request.path == "/ListParticipants")
                        return net::HttpResponse::json(200, m_show.participants);
                    return net::HttpResponse::json(200, m_show.events);
                });
                m_server->listenOnLoopback();
                m_url = m_server->url();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QUrl url() const { return m_url; }
    // The server thread's CPU time so far.
    double cpuSeconds()
    {
        double seconds = 0;
        QMetaObject::invokeMethod(
            &m_anchor,
            [&seconds] {
                timespec cpu{};
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
                seconds = double(cpu.tv_sec) + double(cpu.tv_nsec) / 1e9;
            },
            Qt::BlockingQueuedConnection);
        return seconds;
    }
    std::atomic<int> requests{0};

private:
    QuietShow m_show;
    QThread m_thread;
    QObject m_anchor;
    net::LoopbackHttpServer *m_server = nullptr;
    QUrl m_url;
};

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void WatchQuietFiftyParticipantSession(benchmark::State &state)
{
    for (auto _ : state) {
        auto server = std::make_unique<ServerThread>();
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        aws::StaticCredentialProvider provider(
            {QStringLiteral("AKIDBENCHMARK00001"), QStringLiteral("secret"), {}, {}},
            QStringLiteral("bench"));
        aws::EndpointConfig config;
        config.overrideUrl = server->url();
        ivs::IvsClient client(&network, &provider, config);
        workspace::LiveMonitor monitor(
            client, *ivs::StageArn::parse(
                        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/quietShow001")));

        // The first look reads every participant's events: not what a quiet minute costs.
        // 52 requests at 2 a second: about half a minute. The loop sleeps between events.
        bool firstPoll = false;
        {
            QEventLoop loop;
            QObject::connect(&monitor, &workspace::LiveMonitor::pollFinished, &loop, [&] {
                firstPoll = true;
                loop.quit();
            });
            QTimer::singleShot(120 * 1000, &loop, &QEventLoop::quit);
            monitor.start();
            loop.exec();
        }
        if (!firstPoll || monitor.participants().size() != kParticipants) {
            state.SkipWithError("the first poll did not list the 50 participants");
            return;
        }

        const int requestsBefore = server->requests;
        const double serverBefore = server->cpuSeconds();
        const double cpuBefore = processCpuSeconds();
        {
            QEventLoop loop;
            QTimer::singleShot(kMeasuredSeconds * 1000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const double serverSeconds = server->cpuSeconds() - serverBefore;
        const double cpuSeconds = processCpuSeconds() - cpuBefore - serverSeconds;
        const int requests = server->requests - requestsBefore;
        monitor.stop();
        state.counters["requests_per_minute"] = requests * 60.0 / kMeasuredSeconds;
        state.counters["cpu_ms_per_minute"] = cpuSeconds * 1000.0 * 60.0 / kMeasuredSeconds;
    }
}
BENCHMARK(WatchQuietFiftyParticipantSession)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    using bench::Measurement;
    using bench::Run;
    return bench::runWithGoals(
        argc, argv,
        {
            {"WatchQuietFiftyParticipantSession",
             "live monitor, quiet 50-participant session: requests a minute",
             "<= 120 (the 2/s budget)",
             [](const Run &run) {
                 const double perMinute = run.counters.at("requests_per_minute");
                 return Measurement{perMinute, perMinute <= 120.0,
                                    bench::grouped(perMinute, 0) + " a minute"};
             }},
            {"WatchQuietFiftyParticipantSession",
             "live monitor, quiet 50-participant session: CPU a minute (without the server)",
             "<= 600 ms (1 % of a core)",
             [](const Run &run) {
                 const double ms = run.counters.at("cpu_ms_per_minute");
                 return Measurement{ms, ms <= 600.0, bench::grouped(ms, 1) + " ms (cpu)"};
             }},
        });
}
