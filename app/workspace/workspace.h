#pragma once

#include <memory>
#include <QString>

namespace document {
class StageDocument;
}
namespace ivs {
class IvsClient;
class StageArn;
} // namespace ivs
namespace model {
class StageListModel;
class StageTreeModel;
} // namespace model

namespace workspace {

class Backend;
struct BackendOptions;
class LiveMonitor;
class MonitorTime;
class RequestBudget;
class ProfilesController;
class PublishController;
class RecordingDownload;
class RecordingsInspector;
class ThumbnailLoader;
class StageBrowser;
class StageCatalog;
class StageEditor;
class StageInspector;

// The composition root: the connection (client, credentials, endpoint), the stage document and
// every controller and model the window shows, made and wired once. The app's main(), the test
// rig and the benchmarks all build the window from one of these.
class Workspace final {
public:
    // Null, with the reason in `error`, when the connection settings are unusable.
    static std::unique_ptr<Workspace> create(const BackendOptions &options, QString *error);
    explicit Workspace(std::unique_ptr<Backend> backend);
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    Backend &backend() const { return *m_backend; }
    ivs::IvsClient &client() const;
    document::StageDocument &document() const { return *m_document; }
    model::StageTreeModel &stageModel() const { return *m_stageModel; }
    model::StageListModel &stageList() const { return *m_stageList; }
    StageBrowser &browser() const { return *m_browser; }
    StageEditor &editor() const { return *m_editor; }
    StageInspector &inspector() const { return *m_inspector; }
    StageCatalog &catalog() const { return *m_catalog; }
    ProfilesController &profiles() const { return *m_profiles; }
    PublishController &publisher() const { return *m_publisher; }
    // A live monitor of `stage` on this connection. Every monitor made here shares one request
    // budget, so watching stages never exceeds a region's rate however many watch at once.
    std::unique_ptr<LiveMonitor> makeMonitor(const ivs::StageArn &stage) const;
    // What a Recordings window needs, on this connection: each window has its own.
    std::unique_ptr<RecordingsInspector> makeRecordingsInspector() const;
    std::unique_ptr<RecordingDownload> makeRecordingDownload() const;
    // Thumbnails cached under the user's cache folder (<cache>/thumbnails), up to 64 MiB.
    std::unique_ptr<ThumbnailLoader> makeThumbnailLoader() const;

private:
    // Declared in the order they are made; destroyed the other way round.
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<document::StageDocument> m_document;
    std::unique_ptr<model::StageTreeModel> m_stageModel;
    std::unique_ptr<model::StageListModel> m_stageList;
    std::unique_ptr<StageBrowser> m_browser;
    std::unique_ptr<StageEditor> m_editor;
    std::unique_ptr<StageInspector> m_inspector;
    std::unique_ptr<StageCatalog> m_catalog;
    std::unique_ptr<ProfilesController> m_profiles;
    std::unique_ptr<PublishController> m_publisher;
    std::unique_ptr<MonitorTime> m_monitorTime;
    std::unique_ptr<RequestBudget> m_monitorBudget;
};

} // namespace workspace
