#include "stage_list_panel.h"

#include "model/stage_filter_model.h"
#include "model/stage_list_model.h"
#include "workspace/profiles_controller.h"
#include "workspace/stage_catalog.h"
#include "wrapping_table_view.h"

#include <algorithm>
#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using model::StageListModel;
using workspace::RegionScope;

namespace {

constexpr int kFailureRowsShown = 4;

} // namespace

StageListPanel::StageListPanel(workspace::StageCatalog &catalog, model::StageListModel &stages,
                               workspace::ProfilesController &profiles, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_stages(stages)
    , m_profiles(profiles)
    , m_proxy(new model::StageFilterModel(this))
    , m_scope(new QComboBox)
    , m_regions(new QToolButton)
    , m_regionsMenu(new QMenu(this))
    , m_load(new QPushButton(tr("Load")))
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
    , m_progressRow(new QWidget)
    , m_progress(new QProgressBar)
    , m_cancel(new QToolButton)
    , m_status(new QLabel)
    , m_failures(new QListWidget)
{
    m_scope->setObjectName(QStringLiteral("regionScope"));
    m_scope->setToolTip(tr("Which regions to list stages in"));
    m_scope->setAccessibleName(tr("Regions to list"));
    // The dock may be narrow: the choice's text may be cut, never the list beside the tree.
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope->setMinimumContentsLength(12);
    m_regions->setObjectName(QStringLiteral("chooseRegions"));
    m_regions->setText(tr("Regions"));
    m_regions->setToolTip(tr("Choose the regions to list"));
    m_regions->setPopupMode(QToolButton::InstantPopup);
    m_regions->setMenu(m_regionsMenu);
    m_load->setObjectName(QStringLiteral("loadStages"));
    m_filter->setObjectName(QStringLiteral("stageFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, ID, ARN or tag"));
    m_filter->setAccessibleName(tr("Filter stages"));
    m_filter->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("stageTable"));
    m_table->setAccessibleName(tr("Stages"));
    m_progress->setObjectName(QStringLiteral("stageListProgress"));
    m_progress->setFormat(tr("%v of %m regions"));
    m_cancel->setObjectName(QStringLiteral("cancelStageList"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop listing; the stages already listed stay"));
    m_status->setObjectName(QStringLiteral("stageListStatus"));
    m_status->setWordWrap(true);
    m_failures->setObjectName(QStringLiteral("failedRegions"));
    m_failures->setWordWrap(true);
    m_failures->setSelectionMode(QAbstractItemView::NoSelection);
    m_failures->setFocusPolicy(Qt::NoFocus);
    m_failures->hide();

    // The choice gets the dock's whole width, so that its text ("All demo regions (4)", in
    // German "Alle Demo-Regionen (4)") is not cut; the buttons go under it.
    auto *scopeRow = new QVBoxLayout;
    scopeRow->addWidget(m_scope);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_regions);
    buttons->addWidget(m_load);
    scopeRow->addLayout(buttons);

    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_cancel);
    m_progressRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(scopeRow);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progressRow);
    layout->addWidget(m_status);
    layout->addWidget(m_failures);

    m_proxy->setSourceModel(&m_stages);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StageListModel::NameColumn, Qt::AscendingOrder);
    setUpReadOnlyTable(m_table);
    m_table->setToolTip(tr("Double-click a stage, or press Enter, to show it"));

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &model::StageFilterModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &StageListPanel::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        m_table->resizeColumnToContents(StageListModel::NameColumn);
        m_table->resizeColumnToContents(StageListModel::RegionColumn);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString arn = index.data(StageListModel::ArnRole).toString();
        if (!arn.isEmpty())
            emit stageActivated(arn);
    });
    connect(m_load, &QPushButton::clicked, this, &StageListPanel::load);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancelled = true;
        m_catalog.cancel();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &StageListPanel::onScopeChanged);
    connect(&m_catalog, &workspace::StageCatalog::progress, this, &StageListPanel::onProgress);
    connect(&m_catalog, &workspace::StageCatalog::regionFailed, this,
            &StageListPanel::onRegionFailed);
    connect(&m_catalog, &workspace::StageCatalog::finished, this, &StageListPanel::onFinished);
    connect(&m_profiles, &workspace::ProfilesController::connectionChanged, this,
            &StageListPanel::onConnectionChanged);

    updateScopeChoices();
    setScope(workspace::defaultRegionScope(m_profiles));
    updateStatus();
    // The demo's few stages are the point of the demo: show them at once. With AWS, listing
    // waits to be asked, as it may reach into many regions.
    if (m_profiles.isDemo())
        load();
}

StageListPanel::~StageListPanel()
{
    disconnect(&m_catalog, nullptr, this, nullptr);
    disconnect(&m_profiles, nullptr, this, nullptr);
}

RegionScope StageListPanel::scope() const
{
    return static_cast<RegionScope>(m_scope->currentData().toInt());
}

void StageListPanel::setScope(RegionScope scope)
{
    const int index = m_scope->findData(static_cast<int>(scope));
    if (index >= 0)
        m_scope->setCurrentIndex(index);
}

void StageListPanel::setChosenRegions(const QStringList &regions)
{
    m_chosen = regions;
    updateRegionsMenu();
    onScopeChanged();
}

QStringList StageListPanel::regionsToLoad() const
{
    return workspace::regionsInScope(scope(), m_profiles, m_chosen);
}

void StageListPanel::onScopeChanged()
{
    const QStringList regions = regionsToLoad();
    m_regions->setEnabled(scope() == RegionScope::ChosenRegions);
    m_load->setToolTip(regions.isEmpty()
                           ? tr("Choose at least one region")
                           : tr("List the stages in %1").arg(regions.join(QStringLiteral(", "))));
}

void StageListPanel::updateScopeChoices()
{
    const RegionScope previous =
        m_scope->count() > 0 ? scope() : workspace::defaultRegionScope(m_profiles);
    const QString region = m_profiles.serviceRegion();
    const int all = static_cast<int>(workspace::listableRegions(m_profiles).size());
    m_scope->blockSignals(true);
    m_scope->clear();
    m_scope->addItem(region.isEmpty() ? tr("The connection's region (none set)")
                                      : tr("The connection's region, %1").arg(region),
                     static_cast<int>(RegionScope::ServiceRegion));
    m_scope->addItem(m_profiles.isDemo() ? tr("All demo regions (%1)").arg(all)
                                         : tr("All Real-Time regions (%1)").arg(all),
                     static_cast<int>(RegionScope::AllRegions));
    m_scope->addItem(tr("Chosen regions"), static_cast<int>(RegionScope::ChosenRegions));
    m_scope->blockSignals(false);
    setScope(previous);
    updateRegionsMenu();
    onScopeChanged();
}

void StageListPanel::updateRegionsMenu()
{
    m_regionsMenu->clear();
    const QStringList regions = workspace::listableRegions(m_profiles);
    for (const QString &region : regions) {
        QAction *action = m_regionsMenu->addAction(region);
        action->setCheckable(true);
        action->setChecked(m_chosen.contains(region));
        connect(action, &QAction::toggled, this, [this, region](bool on) {
            if (on && !m_chosen.contains(region))
                m_chosen.append(region);
            else if (!on)
                m_chosen.removeAll(region);
            onScopeChanged();
        });
    }
}

void StageListPanel::onConnectionChanged()
{
    updateScopeChoices();
    // The list shows another connection's stages: they may not be this one's.
    if (m_loaded || m_profiles.isDemo())
        load();
}

void StageListPanel::load()
{
    const QStringList regions = regionsToLoad();
    if (regions.isEmpty()) {
        m_status->setText(scope() == RegionScope::ServiceRegion
                              ? tr("No region is set for this connection: choose one in the "
                                   "toolbar, or list other regions.")
                              : tr("Choose at least one region."));
        return;
    }
    m_cancelled = false;
    m_loaded = true;
    m_loadedRegions = regions;
    m_finishedText.clear();
    m_failures->clear();
    m_failures->hide();
    m_load->setText(tr("Refresh"));
    m_catalog.load(regions);
    m_progressRow->setVisible(m_catalog.isLoading());
    updateStatus();
}

void StageListPanel::markShownStage(const QString &arn)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(StageListModel::ArnRole).toString() == arn) {
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
            m_table->scrollTo(index);
            return;
        }
    }
    m_table->clearSelection();
}

void StageListPanel::onProgress(int done, int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    updateStatus();
}

void StageListPanel::onRegionFailed(const QString &region, const QString &message)
{
    auto *item =
        new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this),
                            tr("%1: %2").arg(region, message));
    item->setToolTip(message);
    item->setData(Qt::UserRole, region);
    m_failures->addItem(item);
    m_failures->show();
    const int rows = std::min(m_failures->count(), kFailureRowsShown);
    m_failures->setMaximumHeight(m_failures->sizeHintForRow(0) * rows +
                                 2 * m_failures->frameWidth() + 4);
}

void StageListPanel::onFinished(int stageCount, int failedRegionCount)
{
    m_progressRow->hide();
    const int total = static_cast<int>(m_loadedRegions.size());
    const QString stages = stageCount == 1 ? tr("1 stage") : tr("%1 stages").arg(stageCount);
    const QString regions = total == 1 ? tr("1 region") : tr("%1 regions").arg(total);
    if (m_cancelled)
        m_finishedText = tr("Cancelled: %1 listed so far.").arg(stages);
    else if (failedRegionCount == 0)
        m_finishedText = tr("%1 in %2.").arg(stages, regions);
    else
        m_finishedText = tr("%1 in %2; %3 could not be listed.")
                             .arg(stages, regions,
                                  failedRegionCount == 1 ? tr("1 region")
                                                         : tr("%1 regions").arg(failedRegionCount));
    updateStatus();
}

void StageListPanel::updateStatus()
{
    QString text;
    if (m_catalog.isLoading())
        text = tr("Listing stages in %1…").arg(m_loadedRegions.join(QStringLiteral(", ")));
    else if (!m_loaded)
        text = tr("Press Load to list the stages of the regions chosen above.");
    else
        text = m_finishedText;
    const int shown = m_proxy->rowCount();
    if (m_loaded && !m_filter->text().trimmed().isEmpty())
        text += QLatin1Char(' ') +
                (shown == 0 ? tr("None matches the filter.")
                            : tr("%1 of %2 shown.").arg(shown).arg(m_stages.rowCount()));
    m_status->setText(text);
}

} // namespace ui
