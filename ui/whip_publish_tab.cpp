#include "whip_publish_tab.h"

#include "obs_send_box.h"
#include "obs_service_file.h"
#include "publish_parts.h"
#include "workspace/publish_controller.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <utility>

namespace ui {

using namespace publish_parts;
using workspace::PublishController;

namespace {

constexpr int kHoursUnit = 1; // index of m_lifetimeUnit; 0 is minutes
constexpr int kMinutesPerHour = 60;

} // namespace

WhipPublishTab::WhipPublishTab(PublishController &controller, const ObsServiceFile &obsFile,
                               ObsSendBox &obsBox, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_obsFile(obsFile)
    , m_obsBox(obsBox)
    , m_lifetimeUnitShown(kHoursUnit)
    , m_userId(new QLineEdit(PublishController::defaultUserId(), this))
    , m_lifetime(new QSpinBox(this))
    , m_lifetimeUnit(new QComboBox(this))
    , m_attributes(new QLineEdit(this))
    , m_createToken(makeButton(tr("&Create Token"), QStringLiteral("createTokenButton"), this))
    , m_sendToObs(makeButton(tr("Send to &OBS"), QStringLiteral("sendWhipToObsButton"), this))
    , m_server(makeReadOnlyEdit(QStringLiteral("whipServerEdit"), this))
    , m_token(QStringLiteral("tokenEdit"), QStringLiteral("revealTokenButton"), this)
    , m_expiry(makeNote(QStringLiteral("expiryLabel"), this))
    , m_copyServer(makeButton(tr("Copy S&erver"), QStringLiteral("copyWhipServerButton"), this))
    , m_copyToken(makeButton(tr("Copy &Token"), QStringLiteral("copyTokenButton"), this))
    , m_copyBoth(makeButton(tr("Copy &Both"), QStringLiteral("copyWhipBothButton"), this))
    , m_save(
          makeButton(tr("&Save as OBS Service Settings…"), QStringLiteral("saveWhipButton"), this))
    , m_status(makeNote(QStringLiteral("whipStatus"), this))
{
    m_status->setAccessibleName(tr("Token status"));
    m_sendToObs->setToolTip(tr("Create a token and set OBS's stream service (WHIP) to it in one "
                               "step, through OBS's WebSocket server"));
    connect(m_createToken, &QPushButton::clicked, this, &WhipPublishTab::createToken);
    connect(m_sendToObs, &QPushButton::clicked, this, [this] { sendToObs(false); });
    connectCopyButtons(m_server, m_token, m_copyServer, m_copyToken, m_copyBoth);
    connect(m_save, &QPushButton::clicked, this, &WhipPublishTab::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createRequestForm());
    layout->addWidget(createResultBox());
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(&m_controller, &PublishController::tokenCreated, this, &WhipPublishTab::onTokenCreated);
    connect(&m_controller, &PublishController::tokenFailed, this, &WhipPublishTab::onTokenFailed);
    connect(&m_controller, &PublishController::obsProgress, this, [this](const QString &step) {
        if (m_sendingToObs)
            m_obsBox.showProgress(step);
    });
    connect(&m_controller, &PublishController::obsSent, this,
            [this](const QString &summary, const QString &note) {
                if (!std::exchange(m_sendingToObs, false))
                    return;
                m_obsBox.showOutcome(summary, false);
                if (!note.isEmpty())
                    showStatus(m_status, note, true);
                updateButtons();
            });
    connect(&m_controller, &PublishController::obsFailed, this, &WhipPublishTab::onObsFailed);
}

QLayout *WhipPublishTab::createRequestForm()
{
    m_userId->setObjectName(QStringLiteral("userIdEdit"));
    m_userId->setMaxLength(128);
    m_userId->setToolTip(tr("Every participant of the stage sees it: no personal or secret "
                            "information. At most 128 characters."));
    m_lifetime->setObjectName(QStringLiteral("lifetimeSpin"));
    m_lifetimeUnit->setObjectName(QStringLiteral("lifetimeUnitCombo"));
    m_lifetimeUnit->addItem(tr("minutes"));
    m_lifetimeUnit->addItem(tr("hours"));
    m_lifetimeUnit->setCurrentIndex(kHoursUnit);
    m_lifetime->setRange(1, PublishController::kMaxLifetimeMinutes / kMinutesPerHour);
    m_lifetime->setValue(PublishController::kDefaultLifetimeMinutes / kMinutesPerHour);
    m_lifetime->setToolTip(tr("From 1 minute to 14 days (20160 minutes, 336 hours)."));
    connect(m_lifetimeUnit, &QComboBox::currentIndexChanged, this,
            &WhipPublishTab::onLifetimeUnitChanged);
    m_attributes->setObjectName(QStringLiteral("attributesEdit"));
    m_attributes->setPlaceholderText(tr("e.g. role=host, displayName=Studio A (optional)"));
    m_attributes->setToolTip(tr("Encoded in the token, at most 1 KB in all. Every participant of "
                                "the stage can read them: no personal or secret information."));

    auto *lifetime = new QHBoxLayout;
    lifetime->addWidget(m_lifetime);
    lifetime->addWidget(m_lifetimeUnit);
    lifetime->addStretch(1);
    // A row holding a layout gets no buddy from QFormLayout, so its label is made here.
    auto *lifetimeLabel = new QLabel(tr("&Lifetime:"), this);
    lifetimeLabel->setBuddy(m_lifetime);
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_sendToObs);
    createRow->addWidget(m_createToken);
    createRow->addStretch(1);
    auto *request = new QFormLayout;
    request->addRow(tr("&User id:"), m_userId);
    request->addRow(lifetimeLabel, lifetime);
    request->addRow(tr("&Attributes:"), m_attributes);
    request->addRow(QString(), createRow);
    return request;
}

QWidget *WhipPublishTab::createResultBox()
{
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token.edit(), 1);
    tokenRow->addWidget(m_token.revealButton());
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyServer);
    copyRow->addWidget(m_copyToken);
    copyRow->addWidget(m_copyBoth);
    copyRow->addStretch(1);
    copyRow->addWidget(m_save);
    auto *resultForm = new QFormLayout;
    resultForm->addRow(tr("Server:"), m_server);
    resultForm->addRow(tr("Bearer token:"), tokenRow);
    resultForm->addRow(tr("Expires:"), m_expiry);
    auto *resultBox = new QGroupBox(tr("For the encoder (OBS: Settings → Stream → WHIP)"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addLayout(resultForm);
    resultLayout->addLayout(copyRow);
    resultLayout->addWidget(ObsServiceFile::createHint(ObsServiceFile::Secret::Token, resultBox));
    return resultBox;
}

int WhipPublishTab::lifetimeMinutes() const
{
    return m_lifetime->value() *
           (m_lifetimeUnit->currentIndex() == kHoursUnit ? kMinutesPerHour : 1);
}

void WhipPublishTab::reset()
{
    clear();
    m_creatingToken = false;
    m_sendingToObs = false;
    updateButtons();
}

void WhipPublishTab::onLifetimeUnitChanged()
{
    const int unit = m_lifetimeUnit->currentIndex();
    if (unit == m_lifetimeUnitShown)
        return;
    const int minutes =
        m_lifetime->value() * (m_lifetimeUnitShown == kHoursUnit ? kMinutesPerHour : 1);
    m_lifetimeUnitShown = unit;
    if (unit == kHoursUnit) {
        m_lifetime->setRange(1, PublishController::kMaxLifetimeMinutes / kMinutesPerHour);
        // Rounded up: a token never lives shorter than asked.
        m_lifetime->setValue((minutes + kMinutesPerHour - 1) / kMinutesPerHour);
    } else {
        m_lifetime->setRange(PublishController::kMinLifetimeMinutes,
                             PublishController::kMaxLifetimeMinutes);
        m_lifetime->setValue(minutes);
    }
}

void WhipPublishTab::createToken()
{
    clear();
    const QString problem =
        m_controller.createToken(m_userId->text(), lifetimeMinutes(), m_attributes->text());
    if (!problem.isEmpty()) {
        showStatus(m_status, problem, true);
        return;
    }
    m_creatingToken = true;
    showStatus(m_status, tr("Creating a token…"), false);
    updateButtons();
}

void WhipPublishTab::sendToObs(bool evenIfStreaming)
{
    clear();
    const QString problem =
        m_controller.sendWhipToObs(m_userId->text(), lifetimeMinutes(), m_attributes->text(),
                                   m_obsBox.settings(evenIfStreaming));
    if (!problem.isEmpty()) {
        m_obsBox.showOutcome(problem, true);
        return;
    }
    m_sendingToObs = true;
    m_obsBox.showProgress(tr("Connecting to OBS…"));
    updateButtons();
}

void WhipPublishTab::onObsFailed(const QString &message, bool streaming)
{
    if (!std::exchange(m_sendingToObs, false))
        return;
    m_creatingToken = false;
    m_obsBox.showOutcome(message, true);
    updateButtons();
    if (streaming && m_obsBox.confirmStreaming(window()))
        sendToObs(true);
}

void WhipPublishTab::onTokenCreated(const QString &server, const QString &token,
                                    const QString &expiry, const QString &warning)
{
    m_creatingToken = false;
    m_server->setText(server);
    m_token.show(token);
    m_expiry->setText(expiry);
    if (warning.isEmpty())
        showStatus(m_status,
                   tr("Token created. Whoever holds it can publish to this stage until it "
                      "expires."),
                   false);
    else
        showStatus(m_status, warning, true);
    updateButtons();
}

void WhipPublishTab::onTokenFailed(const QString &message)
{
    m_creatingToken = false;
    showStatus(m_status, message, true);
    updateButtons();
}

void WhipPublishTab::save()
{
    if (const auto outcome = m_obsFile.save(ObsServiceFile::Secret::Token, window()))
        showStatus(m_status, outcome->text, outcome->error);
}

void WhipPublishTab::clear()
{
    m_token.clear();
    m_server->clear();
    m_expiry->clear();
    showStatus(m_status, QString(), false);
}

void WhipPublishTab::updateButtons()
{
    m_createToken->setEnabled(m_controller.hasStage() && !m_creatingToken && !m_sendingToObs);
    m_sendToObs->setEnabled(m_controller.hasStage() && !m_creatingToken && !m_sendingToObs);
    const bool token = !m_token.isEmpty();
    const bool server = !m_server->text().isEmpty();
    m_token.updateButton();
    m_copyServer->setEnabled(server);
    m_copyToken->setEnabled(token);
    m_copyBoth->setEnabled(token && server);
    m_save->setEnabled(token && server);
}

} // namespace ui
