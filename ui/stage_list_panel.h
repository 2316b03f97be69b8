#pragma once

#include "workspace/region_scope.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace model {
class StageFilterModel;
class StageListModel;
} // namespace model
namespace workspace {
class ProfilesController;
class StageCatalog;
} // namespace workspace

namespace ui {

// The stages of one or more regions, to pick from: which regions, Load, a filter that narrows the
// list as you type, the list itself (sortable), progress with Cancel, and the regions that could
// not be listed with the reason, while the others' stages stay. Activating a row asks for that
// stage (stageActivated); the window decides whether it may be shown.
class StageListPanel final : public QWidget {
    Q_OBJECT
public:
    StageListPanel(workspace::StageCatalog &catalog, model::StageListModel &stages,
                   workspace::ProfilesController &profiles, QWidget *parent = nullptr);
    ~StageListPanel() override;

    QComboBox *scopeCombo() const { return m_scope; }
    QToolButton *regionsButton() const { return m_regions; }
    QPushButton *loadButton() const { return m_load; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    QListWidget *failureList() const { return m_failures; }

    workspace::RegionScope scope() const;
    void setScope(workspace::RegionScope scope);
    QStringList chosenRegions() const { return m_chosen; }
    void setChosenRegions(const QStringList &regions);
    QStringList regionsToLoad() const;
    // Selects the row of the stage shown in the tree, if the list has it.
    void markShownStage(const QString &arn);

public slots:
    void load();

signals:
    void stageActivated(const QString &arn);

private:
    void onConnectionChanged();
    void onScopeChanged();
    void updateScopeChoices();
    void updateRegionsMenu();
    void onProgress(int done, int total);
    void onRegionFailed(const QString &region, const QString &message);
    void onFinished(int stageCount, int failedRegionCount);
    void updateStatus();

    workspace::StageCatalog &m_catalog;
    model::StageListModel &m_stages;
    workspace::ProfilesController &m_profiles;
    model::StageFilterModel *m_proxy;
    QComboBox *m_scope;
    QToolButton *m_regions;
    QMenu *m_regionsMenu;
    QPushButton *m_load;
    QLineEdit *m_filter;
    QTableView *m_table;
    QWidget *m_progressRow;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QLabel *m_status;
    QListWidget *m_failures;
    QStringList m_chosen;
    QStringList m_loadedRegions;
    QString m_finishedText;
    bool m_loaded = false;
    bool m_cancelled = false;
};

} // namespace ui
