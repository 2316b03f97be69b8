#pragma once

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ivs {
class IvsClient;
}
namespace model {
class StageListModel;
}

namespace workspace {

// Fills the stage list from ListStages in several regions at once. Each region arrives (or
// fails) on its own: a failing region reports its error and does not spoil the others. Nothing
// here waits: every call is asynchronous, so the window never blocks on the network.
class StageCatalog final : public QObject {
    Q_OBJECT
public:
    StageCatalog(ivs::IvsClient &client, model::StageListModel &stages, QObject *parent = nullptr);

    bool isLoading() const { return !m_pending.isEmpty(); }
    // Region → error message, for the regions whose last load failed.
    const QMap<QString, QString> &failedRegions() const { return m_failures; }

public slots:
    // Replaces the list with the stages of `regions`.
    void load(const QStringList &regions);
    void cancel();

signals:
    void progress(int regionsDone, int regionsTotal);
    void regionLoaded(const QString &region, int stageCount);
    void regionFailed(const QString &region, const QString &message);
    void finished(int stageCount, int failedRegionCount);

private:
    void regionDone();

    ivs::IvsClient &m_client;
    model::StageListModel &m_stages;
    QMap<QString, QPointer<QObject>> m_pending; // region → context of its request
    QMap<QString, QString> m_failures;
    int m_total = 0;
};

} // namespace workspace
