// The window as the app builds it, on the built-in demo endpoint whose stage carries the most
// tags a stage can have (50): how much memory it holds once that stage is shown and checked.

#include "goal_reporter.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_rules.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"
#include "workspace/workspace.h"

#include <benchmark/benchmark.h>
#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QTemporaryDir>

namespace {

const QString kStageArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// Runs events until `done()` holds; false when it did not within the time.
template <typename Condition> bool spinUntil(Condition done, int timeoutMs = 20000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

// Runs events for a while, so that what was queued (painting above all) is done.
void settle(int milliseconds)
{
    const QDeadlineTimer deadline(milliseconds);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

// A field of /proc/self/status (given there in KiB) in MB of 10^6 bytes, the stricter reading of
// the goal; -1 where there is none.
double statusMB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // Read whole: /proc files have no size, so QFile::atEnd() holds from the start.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() * 1024.0 /
                   1e6;
    }
    return -1;
}

// Fills the demo stage up to the tag limit through the service's own TagResource.
bool tagUpToTheLimit(ivs::IvsClient &client)
{
    QMap<QString, QString> tags;
    for (int i = 0; tags.size() < ivs::kMaxTags - 3; ++i) // the demo stage has 3 already
        tags.insert(QStringLiteral("tag-key-%1").arg(i),
                    QStringLiteral("a tag value number %1").arg(i));
    bool done = false;
    bool ok = false;
    QObject context;
    client.tagResource(*ivs::StageArn::parse(kStageArn), tags, &context,
                       [&](const ivs::JsonCallResult &result) {
                           ok = !result.error;
                           done = true;
                       });
    spinUntil([&] { return done; });
    return ok;
}

void ResidentMemoryWithFiftyTagStage(benchmark::State &state)
{
    for (auto _ : state) {
        workspace::BackendOptions options;
        options.forceDemo = true;
        QString error;
        // As app/main.cpp builds the window.
        const auto workspace = workspace::Workspace::create(options, &error);
        if (!workspace || !tagUpToTheLimit(workspace->client())) {
            state.SkipWithError("the demo endpoint did not take the tags");
            return;
        }
        ui::MainWindow window(*workspace, ui::WindowContext());
        window.show();
        workspace::StageInspector &inspector = workspace->inspector();
        workspace::StageCatalog &catalog = workspace->catalog();
        model::StageTreeModel &stageModel = workspace->stageModel();

        bool checked = false;
        QObject::connect(&inspector, &workspace::StageInspector::checksFinished, &window,
                         [&checked] { checked = true; });
        window.arnInput()->setText(kStageArn);
        workspace->browser().lookUp(kStageArn);
        const bool shown = spinUntil([&] {
            return checked && !catalog.isLoading() &&
                   stageModel.rowCount(stageModel.indexForPath(QStringLiteral("tags"))) ==
                       ivs::kMaxTags;
        });
        if (!shown) {
            state.SkipWithError("the 50-tag stage was not shown and checked");
            return;
        }
        settle(300);
        state.counters["rss_MB"] = statusMB("VmRSS");
        state.counters["peak_rss_MB"] = statusMB("VmHWM");
    }
}
BENCHMARK(ResidentMemoryWithFiftyTagStage)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    // Settings and profiles of a throwaway home, never the user's own.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QApplication app(argc, argv);
    using bench::Measurement;
    return bench::runWithGoals(
        argc, argv,
        {{"ResidentMemoryWithFiftyTagStage", "resident memory with a 50-tag stage in the window",
          "<= 60 MB", [](const bench::Run &run) {
              const double mb = run.counters.at("rss_MB");
              return Measurement{mb, mb > 0 && mb <= 60.0, bench::grouped(mb, 1) + " MB (VmRSS)"};
          }}});
}
