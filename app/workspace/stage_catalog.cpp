#include "workspace/stage_catalog.h"

#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "model/stage_list_model.h"

namespace workspace {

StageCatalog::StageCatalog(ivs::IvsClient &client, model::StageListModel &stages, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_stages(stages)
{
}

void StageCatalog::load(const QStringList &regions)
{
    cancel();
    m_stages.clear();
    m_failures.clear();
    m_total = static_cast<int>(regions.size());
    emit progress(0, m_total);
    for (const QString &region : regions) {
        auto *context = new QObject(this);
        m_pending.insert(region, context);
        ivs::listAllStages(
            m_client, region, context, [this, region, context](const ivs::StageListResult &result) {
                context->deleteLater();
                m_pending.remove(region);
                // What arrived before a failure is still worth showing.
                m_stages.appendStages(region, result.stages);
                if (result.error) {
                    m_failures.insert(region, result.error->userMessage());
                    emit regionFailed(region, result.error->userMessage());
                } else {
                    emit regionLoaded(region, static_cast<int>(result.stages.size()));
                }
                regionDone();
            });
    }
    if (regions.isEmpty())
        emit finished(0, 0);
}

void StageCatalog::cancel()
{
    if (m_pending.isEmpty())
        return;
    const auto pending = m_pending;
    m_pending.clear();
    for (const QPointer<QObject> &context : pending)
        delete context.data(); // aborts that region's request
    emit finished(m_stages.rowCount(), static_cast<int>(m_failures.size()));
}

void StageCatalog::regionDone()
{
    emit progress(m_total - static_cast<int>(m_pending.size()), m_total);
    if (m_pending.isEmpty())
        emit finished(m_stages.rowCount(), static_cast<int>(m_failures.size()));
}

} // namespace workspace
