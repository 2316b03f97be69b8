#include "rtmp_publish_tab.h"

#include "obs_send_box.h"
#include "obs_service_file.h"
#include "publish_parts.h"
#include "text_tone.h"
#include "workspace/publish_controller.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <utility>

namespace ui {

using namespace publish_parts;
using workspace::PublishController;

namespace {

constexpr int kArnRole = Qt::UserRole;

} // namespace

RtmpPublishTab::RtmpPublishTab(PublishController &controller, const ObsServiceFile &obsFile,
                               ObsSendBox &obsBox, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_obsFile(obsFile)
    , m_obsBox(obsBox)
    , m_ingestList(new QTreeWidget(this))
    , m_reload(makeButton(tr("Re&load"), QStringLiteral("reloadIngestButton"), this))
    , m_server(makeReadOnlyEdit(QStringLiteral("rtmpServerEdit"), this))
    , m_streamKey(QStringLiteral("streamKeyEdit"), QStringLiteral("revealStreamKeyButton"), this)
    , m_copyServer(makeButton(tr("Copy S&erver"), QStringLiteral("copyRtmpServerButton"), this))
    , m_copyKey(makeButton(tr("Copy Stream &Key"), QStringLiteral("copyStreamKeyButton"), this))
    , m_copyBoth(makeButton(tr("Copy &Both"), QStringLiteral("copyRtmpBothButton"), this))
    , m_save(
          makeButton(tr("Sa&ve as OBS Service Settings…"), QStringLiteral("saveRtmpButton"), this))
    , m_sendToObs(makeButton(tr("Send to &OBS"), QStringLiteral("sendRtmpToObsButton"), this))
    , m_warning(makeNote(QStringLiteral("rtmpWarning"), this))
    , m_status(makeNote(QStringLiteral("rtmpStatus"), this))
{
    m_ingestList->setObjectName(QStringLiteral("ingestList"));
    m_ingestList->setAccessibleName(tr("Ingest configurations"));
    m_ingestList->setHeaderLabels({tr("Name"), tr("Protocol"), tr("State"), tr("User id")});
    m_ingestList->setRootIsDecorated(false);
    m_ingestList->setUniformRowHeights(true);
    m_ingestList->setAllColumnsShowFocus(true);
    m_ingestList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ingestList->header()->setStretchLastSection(true);
    connect(m_ingestList, &QTreeWidget::itemSelectionChanged, this,
            &RtmpPublishTab::onIngestSelected);
    connect(m_reload, &QPushButton::clicked, this, &RtmpPublishTab::load);
    connectCopyButtons(m_server, m_streamKey, m_copyServer, m_copyKey, m_copyBoth);
    m_sendToObs->setToolTip(tr("Set OBS's stream service (Custom RTMP) to this server and stream "
                               "key, through OBS's WebSocket server"));
    connect(m_sendToObs, &QPushButton::clicked, this, [this] { sendToObs(false); });
    connect(m_save, &QPushButton::clicked, this, &RtmpPublishTab::save);
    m_warning->setAccessibleName(tr("Stream key warning"));
    setTextTone(m_warning, model::TextTone::Problem);
    m_status->setAccessibleName(tr("Stream key status"));

    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_ingestList, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_reload);
    side->addStretch(1);
    listRow->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    QLabel *intro = makeNote(QStringLiteral("ingestIntro"), this);
    intro->setText(tr("The stage's ingest configurations. Choose one to fetch its stream key."));
    layout->addWidget(intro);
    layout->addLayout(listRow, 1);
    layout->addWidget(createResultBox());
    layout->addWidget(m_status);

    connect(&m_controller, &PublishController::ingestConfigurationsLoaded, this,
            &RtmpPublishTab::onIngestLoaded);
    connect(&m_controller, &PublishController::ingestConfigurationsFailed, this,
            &RtmpPublishTab::onIngestFailed);
    connect(&m_controller, &PublishController::streamKeyFetched, this,
            &RtmpPublishTab::onStreamKeyFetched);
    connect(&m_controller, &PublishController::streamKeyFailed, this,
            &RtmpPublishTab::onStreamKeyFailed);
    connect(&m_controller, &PublishController::obsProgress, this, [this](const QString &step) {
        if (m_sendingToObs)
            m_obsBox.showProgress(step);
    });
    connect(&m_controller, &PublishController::obsSent, this,
            [this](const QString &summary, const QString &note) {
                if (!std::exchange(m_sendingToObs, false))
                    return;
                m_obsBox.showOutcome(note.isEmpty() ? summary : summary + QLatin1Char(' ') + note,
                                     false);
                updateButtons();
            });
    connect(&m_controller, &PublishController::obsFailed, this,
            [this](const QString &message, bool streaming) {
                if (!std::exchange(m_sendingToObs, false))
                    return;
                m_obsBox.showOutcome(message, true);
                updateButtons();
                if (streaming && m_obsBox.confirmStreaming(window()))
                    sendToObs(true);
            });
}

void RtmpPublishTab::sendToObs(bool evenIfStreaming)
{
    const QString problem = m_controller.sendRtmpToObs(m_obsBox.settings(evenIfStreaming));
    if (!problem.isEmpty()) {
        m_obsBox.showOutcome(problem, true);
        return;
    }
    m_sendingToObs = true;
    m_obsBox.showProgress(tr("Connecting to OBS…"));
    updateButtons();
}

QWidget *RtmpPublishTab::createResultBox()
{
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_streamKey.edit(), 1);
    keyRow->addWidget(m_streamKey.revealButton());
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyServer);
    copyRow->addWidget(m_copyKey);
    copyRow->addWidget(m_copyBoth);
    copyRow->addStretch(1);
    copyRow->addWidget(m_save);
    copyRow->addWidget(m_sendToObs);
    auto *resultForm = new QFormLayout;
    resultForm->addRow(tr("Server:"), m_server);
    resultForm->addRow(tr("Stream key:"), keyRow);
    auto *resultBox =
        new QGroupBox(tr("For the encoder (OBS: Settings → Stream → Custom RTMP)"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addLayout(resultForm);
    resultLayout->addLayout(copyRow);
    resultLayout->addWidget(m_warning);
    resultLayout->addWidget(
        ObsServiceFile::createHint(ObsServiceFile::Secret::StreamKey, resultBox));
    return resultBox;
}

void RtmpPublishTab::load()
{
    clear();
    m_ingestList->clear();
    m_loaded = true;
    showNote(m_status, tr("Loading the ingest configurations…"));
    m_controller.loadIngestConfigurations();
    updateButtons();
}

void RtmpPublishTab::reset()
{
    clear();
    m_ingestList->clear();
    m_loaded = false;
    m_sendingToObs = false;
    updateButtons();
}

void RtmpPublishTab::onIngestLoaded()
{
    const QSignalBlocker blocker(m_ingestList);
    m_ingestList->clear();
    for (const workspace::IngestChoice &choice : m_controller.ingestConfigurations()) {
        auto *item = new QTreeWidgetItem(
            m_ingestList, {choice.name, choice.protocol, choice.state, choice.userId});
        item->setData(NameColumn, kArnRole, choice.arn);
        item->setToolTip(NameColumn, choice.arn);
    }
    for (int column = 0; column < UserIdColumn; ++column)
        m_ingestList->resizeColumnToContents(column);
    // Nothing went wrong, and nothing is ready either: said in the ordinary colour.
    showNote(m_status, m_ingestList->topLevelItemCount() == 0
                           ? tr("This stage has no ingest configurations: create one (in the AWS "
                                "console or with CreateIngestConfiguration) to publish over "
                                "RTMP(S).")
                           : QString());
    updateButtons();
}

void RtmpPublishTab::onIngestFailed(const QString &message)
{
    showStatus(m_status, message, true);
    updateButtons();
}

void RtmpPublishTab::onIngestSelected()
{
    clear();
    const QList<QTreeWidgetItem *> selected = m_ingestList->selectedItems();
    if (selected.isEmpty()) {
        updateButtons();
        return;
    }
    showStatus(m_status,
               tr("Fetching the stream key of %1…").arg(selected.constFirst()->text(NameColumn)),
               false);
    m_controller.fetchStreamKey(selected.constFirst()->data(NameColumn, kArnRole).toString());
    updateButtons();
}

void RtmpPublishTab::onStreamKeyFetched(const QString &name, const QString &server,
                                        const QString &streamKey, const QString &warning)
{
    m_server->setText(server);
    m_streamKey.show(streamKey);
    m_warning->setText(warning);
    m_warning->setAccessibleDescription(warning);
    showStatus(m_status,
               tr("Stream key of %1. Whoever holds it can publish to this stage.").arg(name),
               false);
    updateButtons();
}

void RtmpPublishTab::onStreamKeyFailed(const QString &message)
{
    showStatus(m_status, message, true);
    updateButtons();
}

void RtmpPublishTab::save()
{
    if (const auto outcome = m_obsFile.save(ObsServiceFile::Secret::StreamKey, window()))
        showStatus(m_status, outcome->text, outcome->error);
}

void RtmpPublishTab::clear()
{
    m_streamKey.clear();
    m_server->clear();
    m_warning->clear();
    m_warning->setAccessibleDescription(QString());
    showStatus(m_status, QString(), false);
}

void RtmpPublishTab::updateButtons()
{
    m_reload->setEnabled(m_controller.hasStage());
    const bool key = !m_streamKey.isEmpty();
    const bool server = !m_server->text().isEmpty();
    m_streamKey.updateButton();
    m_copyServer->setEnabled(server);
    m_copyKey->setEnabled(key);
    m_copyBoth->setEnabled(key && server);
    m_save->setEnabled(key && server);
    m_sendToObs->setEnabled(key && server && !m_sendingToObs);
}

} // namespace ui
