#include "workspace/workspace.h"

#include "document/stage_document.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "workspace/backend.h"
#include "workspace/live_monitor.h"
#include "workspace/monitor_time.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/recording_download.h"
#include "workspace/recordings_inspector.h"
#include "workspace/request_budget.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"
#include "workspace/thumbnail_loader.h"

#include <QStandardPaths>

namespace workspace {

std::unique_ptr<Workspace> Workspace::create(const BackendOptions &options, QString *error)
{
    auto backend = Backend::create(options, error);
    if (!backend)
        return nullptr;
    return std::make_unique<Workspace>(std::move(backend));
}

Workspace::Workspace(std::unique_ptr<Backend> backend)
    : m_backend(std::move(backend))
    , m_document(std::make_unique<document::StageDocument>())
    , m_stageModel(std::make_unique<model::StageTreeModel>(*m_document))
    , m_stageList(std::make_unique<model::StageListModel>())
    , m_browser(std::make_unique<StageBrowser>(m_backend->client(), *m_document))
    , m_editor(std::make_unique<StageEditor>(m_backend->client(), *m_document))
    , m_inspector(std::make_unique<StageInspector>(m_backend->client(), *m_document))
    , m_catalog(std::make_unique<StageCatalog>(m_backend->client(), *m_stageList))
    , m_profiles(std::make_unique<ProfilesController>(*m_backend))
    , m_publisher(std::make_unique<PublishController>(m_backend->client(), &m_backend->keychain()))
    , m_monitorTime(std::make_unique<SystemMonitorTime>())
    , m_monitorBudget(std::make_unique<RequestBudget>(*m_monitorTime))
{
    // The storage picker lists the configurations of the shown stage's region.
    QObject::connect(m_browser.get(), &StageBrowser::stageShown, m_editor.get(),
                     &StageEditor::loadStorageChoices);
}

Workspace::~Workspace() = default;

std::unique_ptr<LiveMonitor> Workspace::makeMonitor(const ivs::StageArn &stage) const
{
    return std::make_unique<LiveMonitor>(m_backend->client(), stage, m_monitorTime.get(),
                                         m_monitorBudget.get());
}

std::unique_ptr<RecordingsInspector> Workspace::makeRecordingsInspector() const
{
    return std::make_unique<RecordingsInspector>(m_backend->client(), m_backend->s3());
}

std::unique_ptr<RecordingDownload> Workspace::makeRecordingDownload() const
{
    return std::make_unique<RecordingDownload>(m_backend->s3());
}

std::unique_ptr<ThumbnailLoader> Workspace::makeThumbnailLoader() const
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return std::make_unique<ThumbnailLoader>(
        m_backend->s3(), cache.isEmpty() ? QString() : cache + QStringLiteral("/thumbnails"),
        ThumbnailLoader::kDefaultCapBytes);
}

ivs::IvsClient &Workspace::client() const
{
    return m_backend->client();
}

} // namespace workspace
