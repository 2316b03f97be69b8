#include "publish_dialog.h"

#include "encoder_checklist.h"
#include "obs_send_box.h"
#include "publish_parts.h"
#include "rtmp_publish_tab.h"
#include "whip_publish_tab.h"
#include "workspace/publish_controller.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

PublishDialog::PublishDialog(workspace::PublishController &controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_obsFile(controller)
    , m_stage(publish_parts::makeNote(QStringLiteral("stageLabel"), this))
    , m_tabs(new QTabWidget(this))
    , m_obsBox(new ObsSendBox(this))
    , m_whip(new WhipPublishTab(controller, m_obsFile, *m_obsBox, this))
    , m_rtmp(new RtmpPublishTab(controller, m_obsFile, *m_obsBox, this))
    , m_checklist(new EncoderChecklist(this))
{
    m_tabs->setObjectName(QStringLiteral("publishTabs"));
    m_tabs->addTab(m_whip, tr("&WHIP"));
    m_tabs->addTab(m_rtmp, tr("&RTMP(S)"));

    auto *left = new QVBoxLayout;
    left->addWidget(m_tabs, 1);
    left->addWidget(m_obsBox);
    auto *middle = new QHBoxLayout;
    middle->addLayout(left, 1);
    middle->addWidget(m_checklist);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stage);
    layout->addLayout(middle, 1);
    layout->addWidget(close);

    // The list costs a request, so it is asked for only when someone looks at it.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == RtmpTab && !m_rtmp->isLoaded())
            m_rtmp->load();
        updateDefaultButton();
    });
    connect(m_obsBox, &ObsSendBox::toggled, this, &PublishDialog::updateDefaultButton);
    connect(&m_controller, &workspace::PublishController::stageChanged, this,
            &PublishDialog::showStage);

    resize(880, 680);
    showStage();
    updateDefaultButton();
    // The first thing typed — or Enter — goes to the token's form.
    m_whip->userIdEdit()->setFocus();
}

PublishDialog::~PublishDialog() = default;

void PublishDialog::setPathChooser(PathChooser chooser)
{
    m_obsFile.setPathChooser(std::move(chooser));
}

QWidget *PublishDialog::checklist() const
{
    return m_checklist;
}

void PublishDialog::done(int result)
{
    // Whatever closes the dialog — Close, Escape, the window's close button — ends here.
    m_controller.forgetSecrets();
    // Forgetting cancels a list still on its way; it is asked for again when next shown.
    m_whip->reset();
    m_rtmp->reset();
    m_obsBox->reset();
    QDialog::done(result);
}

void PublishDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_tabs->currentIndex() == RtmpTab && !m_rtmp->isLoaded() && m_controller.hasStage())
        m_rtmp->load();
}

void PublishDialog::updateDefaultButton()
{
    const bool obs = m_obsBox->isWanted();
    const bool whip = m_tabs->currentIndex() == WhipTab;
    m_whip->sendToObsButton()->setDefault(whip && obs);
    m_whip->createTokenButton()->setDefault(whip && !obs);
    m_whip->sendToObsButton()->setVisible(obs);
    m_rtmp->sendToObsButton()->setVisible(obs);
}

void PublishDialog::showStage()
{
    const QString arn = m_controller.target().arn;
    setWindowTitle(tr("Publish to This Stage"));
    m_stage->setText(arn.isEmpty() ? tr("No stage is shown: look a stage up first.")
                                   : tr("Stage: %1").arg(arn));
    m_whip->reset();
    m_rtmp->reset();
    if (m_tabs->currentIndex() == RtmpTab && m_controller.hasStage())
        m_rtmp->load();
}

} // namespace ui
