#include "publish_dialog.h"

#include "platform/obs_settings.h"
#include "text_tone.h"
#include "workspace/publish_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kMinutesUnit = 0;
constexpr int kHoursUnit = 1;
constexpr int kMinutesPerHour = 60;
constexpr int kArnRole = Qt::UserRole;

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

QLineEdit *makeReadOnlyEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    return edit;
}

// Read-only and masked; the Copy buttons are the only way out, so that a secret never reaches
// the clipboard by a stray shortcut or an input method's memory.
QLineEdit *makeSecretEdit(const QString &objectName, QWidget *parent)
{
    QLineEdit *edit = makeReadOnlyEdit(objectName, parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setContextMenuPolicy(Qt::NoContextMenu);
    edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    return edit;
}

QPushButton *makeRevealButton(QLineEdit *secret, const QString &objectName, QWidget *parent)
{
    QPushButton *button = makeButton(PublishDialog::tr("Reveal"), objectName, parent);
    button->setCheckable(true);
    QObject::connect(button, &QPushButton::toggled, secret, [secret, button](bool shown) {
        secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        button->setText(shown ? PublishDialog::tr("Hide") : PublishDialog::tr("Reveal"));
    });
    return button;
}

QLabel *makeNote(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *makeObsHint(const QString &secret, QWidget *parent)
{
    QLabel *hint = makeNote(QStringLiteral("obsHint"), parent);
    hint->setText(
        PublishDialog::tr("OBS keeps a profile's stream settings in service.json in the "
                          "profile's folder, e.g. "
                          "~/.config/obs-studio/basic/profiles/<Profile>/service.json. Save there "
                          "while OBS is closed; it reads the file when it starts. The file holds "
                          "the %1.")
            .arg(secret));
    return hint;
}

// Clipboard managers that honour the hint (KDE's Klipper, KeePassXC-aware ones) keep the secret
// out of their history.
void copySecret(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QApplication::clipboard()->setMimeData(data);
}

void copyPlain(const QString &text)
{
    QApplication::clipboard()->setText(text);
}

} // namespace

PublishDialog::PublishDialog(workspace::PublishController &controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_stage(makeNote(QStringLiteral("stageLabel"), this))
    , m_tabs(new QTabWidget(this))
{
    m_tabs->setObjectName(QStringLiteral("publishTabs"));
    m_tabs->addTab(createWhipTab(), tr("&WHIP"));
    m_tabs->addTab(createRtmpTab(), tr("&RTMP(S)"));

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_tabs, 1);
    middle->addWidget(createChecklist());

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stage);
    layout->addLayout(middle, 1);
    layout->addWidget(close);

    // The list costs a request, so it is asked for only when someone looks at it.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == RtmpTab && !m_ingestLoaded)
            loadIngestConfigurations();
    });
    connect(&m_controller, &workspace::PublishController::stageChanged, this,
            &PublishDialog::showStage);
    connect(&m_controller, &workspace::PublishController::tokenCreated, this,
            &PublishDialog::onTokenCreated);
    connect(&m_controller, &workspace::PublishController::tokenFailed, this,
            &PublishDialog::onTokenFailed);
    connect(&m_controller, &workspace::PublishController::ingestConfigurationsLoaded, this,
            &PublishDialog::onIngestLoaded);
    connect(&m_controller, &workspace::PublishController::ingestConfigurationsFailed, this,
            &PublishDialog::onIngestFailed);
    connect(&m_controller, &workspace::PublishController::streamKeyFetched, this,
            &PublishDialog::onStreamKeyFetched);
    connect(&m_controller, &workspace::PublishController::streamKeyFailed, this,
            [this](const QString &message) {
                showStatus(m_rtmpStatus, message, true);
                updateButtons();
            });

    resize(880, 560);
    showStage();
}

PublishDialog::~PublishDialog() = default;

void PublishDialog::setPathChooser(PathChooser chooser)
{
    m_pathChooser = std::move(chooser);
}

QString PublishDialog::suggestedObsServicePath()
{
    const QString fileName = QStringLiteral("service.json");
    for (const QString &folder : platform::obsSettingsFolders()) {
        const QDir profiles(folder + QStringLiteral("/basic/profiles"));
        if (!profiles.exists())
            continue;
        const QStringList names = profiles.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (names.size() == 1)
            return profiles.filePath(names.constFirst() + QLatin1Char('/') + fileName);
        return profiles.filePath(fileName);
    }
    return QDir::home().filePath(fileName);
}

int PublishDialog::lifetimeMinutes() const
{
    return m_lifetime->value() *
           (m_lifetimeUnit->currentIndex() == kHoursUnit ? kMinutesPerHour : 1);
}

void PublishDialog::done(int result)
{
    // Whatever closes the dialog — Close, Escape, the window's close button — ends here.
    clearWhip();
    clearRtmp();
    m_controller.forgetSecrets();
    // Forgetting cancels a list still on its way; it is asked for again when next shown.
    m_ingestList->clear();
    m_ingestLoaded = false;
    m_creatingToken = false;
    updateButtons();
    QDialog::done(result);
}

void PublishDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_tabs->currentIndex() == RtmpTab && !m_ingestLoaded && m_controller.hasStage())
        loadIngestConfigurations();
}

QWidget *PublishDialog::createWhipTab()
{
    auto *tab = new QWidget(this);
    m_userId = new QLineEdit(workspace::PublishController::defaultUserId(), tab);
    m_userId->setObjectName(QStringLiteral("userIdEdit"));
    m_userId->setMaxLength(128);
    m_userId->setToolTip(tr("Every participant of the stage sees it: no personal or secret "
                            "information. At most 128 characters."));
    m_lifetime = new QSpinBox(tab);
    m_lifetime->setObjectName(QStringLiteral("lifetimeSpin"));
    m_lifetimeUnit = new QComboBox(tab);
    m_lifetimeUnit->setObjectName(QStringLiteral("lifetimeUnitCombo"));
    m_lifetimeUnit->addItem(tr("minutes"));
    m_lifetimeUnit->addItem(tr("hours"));
    m_lifetimeUnit->setCurrentIndex(kHoursUnit);
    m_lifetime->setRange(1, workspace::PublishController::kMaxLifetimeMinutes / kMinutesPerHour);
    m_lifetime->setValue(workspace::PublishController::kDefaultLifetimeMinutes / kMinutesPerHour);
    m_lifetime->setToolTip(tr("From 1 minute to 14 days (20160 minutes, 336 hours)."));
    connect(m_lifetimeUnit, &QComboBox::currentIndexChanged, this,
            &PublishDialog::onLifetimeUnitChanged);
    m_attributes = new QLineEdit(tab);
    m_attributes->setObjectName(QStringLiteral("attributesEdit"));
    m_attributes->setPlaceholderText(tr("e.g. role=host, displayName=Studio A (optional)"));
    m_attributes->setToolTip(tr("Encoded in the token, at most 1 KB in all. Every participant of "
                                "the stage can read them: no personal or secret information."));
    m_createToken = makeButton(tr("&Create Token"), QStringLiteral("createTokenButton"), tab);
    connect(m_createToken, &QPushButton::clicked, this, &PublishDialog::createToken);

    auto *lifetime = new QHBoxLayout;
    lifetime->addWidget(m_lifetime);
    lifetime->addWidget(m_lifetimeUnit);
    lifetime->addStretch(1);
    // A row holding a layout gets no buddy from QFormLayout, so its label is made here.
    auto *lifetimeLabel = new QLabel(tr("&Lifetime:"), tab);
    lifetimeLabel->setBuddy(m_lifetime);
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_createToken);
    createRow->addStretch(1);
    auto *request = new QFormLayout;
    request->addRow(tr("&User id:"), m_userId);
    request->addRow(lifetimeLabel, lifetime);
    request->addRow(tr("&Attributes:"), m_attributes);
    request->addRow(QString(), createRow);

    m_whipServer = makeReadOnlyEdit(QStringLiteral("whipServerEdit"), tab);
    m_token = makeSecretEdit(QStringLiteral("tokenEdit"), tab);
    m_revealToken = makeRevealButton(m_token, QStringLiteral("revealTokenButton"), tab);
    m_expiry = makeNote(QStringLiteral("expiryLabel"), tab);
    m_copyWhipServer = makeButton(tr("Copy Server"), QStringLiteral("copyWhipServerButton"), tab);
    m_copyToken = makeButton(tr("Copy Token"), QStringLiteral("copyTokenButton"), tab);
    m_copyWhipBoth = makeButton(tr("Copy Both"), QStringLiteral("copyWhipBothButton"), tab);
    m_saveWhip =
        makeButton(tr("&Save as OBS Service Settings…"), QStringLiteral("saveWhipButton"), tab);
    connect(m_copyWhipServer, &QPushButton::clicked, this,
            [this] { copyPlain(m_whipServer->text()); });
    connect(m_copyToken, &QPushButton::clicked, this, [this] { copySecret(m_token->text()); });
    connect(m_copyWhipBoth, &QPushButton::clicked, this,
            [this] { copySecret(m_whipServer->text() + QLatin1Char('\n') + m_token->text()); });
    connect(m_saveWhip, &QPushButton::clicked, this, &PublishDialog::saveWhip);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_revealToken);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyWhipServer);
    copyRow->addWidget(m_copyToken);
    copyRow->addWidget(m_copyWhipBoth);
    copyRow->addStretch(1);
    copyRow->addWidget(m_saveWhip);
    auto *resultForm = new QFormLayout;
    resultForm->addRow(tr("Server:"), m_whipServer);
    resultForm->addRow(tr("Bearer token:"), tokenRow);
    resultForm->addRow(tr("Expires:"), m_expiry);
    auto *resultBox = new QGroupBox(tr("For the encoder (OBS: Settings → Stream → WHIP)"), tab);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addLayout(resultForm);
    resultLayout->addLayout(copyRow);
    resultLayout->addWidget(makeObsHint(tr("token"), resultBox));

    m_whipStatus = makeNote(QStringLiteral("whipStatus"), tab);
    m_whipStatus->setAccessibleName(tr("Token status"));

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(request);
    layout->addWidget(resultBox);
    layout->addWidget(m_whipStatus);
    layout->addStretch(1);
    return tab;
}

QWidget *PublishDialog::createRtmpTab()
{
    auto *tab = new QWidget(this);
    m_ingestList = new QTreeWidget(tab);
    m_ingestList->setObjectName(QStringLiteral("ingestList"));
    m_ingestList->setAccessibleName(tr("Ingest configurations"));
    m_ingestList->setHeaderLabels({tr("Name"), tr("Protocol"), tr("State"), tr("User id")});
    m_ingestList->setRootIsDecorated(false);
    m_ingestList->setUniformRowHeights(true);
    m_ingestList->setAllColumnsShowFocus(true);
    m_ingestList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ingestList->header()->setStretchLastSection(true);
    connect(m_ingestList, &QTreeWidget::itemSelectionChanged, this,
            &PublishDialog::onIngestSelected);
    m_reloadIngest = makeButton(tr("Re&load"), QStringLiteral("reloadIngestButton"), tab);
    connect(m_reloadIngest, &QPushButton::clicked, this, &PublishDialog::loadIngestConfigurations);

    m_rtmpServer = makeReadOnlyEdit(QStringLiteral("rtmpServerEdit"), tab);
    m_streamKey = makeSecretEdit(QStringLiteral("streamKeyEdit"), tab);
    m_revealKey = makeRevealButton(m_streamKey, QStringLiteral("revealStreamKeyButton"), tab);
    m_copyRtmpServer = makeButton(tr("Copy Server"), QStringLiteral("copyRtmpServerButton"), tab);
    m_copyKey = makeButton(tr("Copy Stream Key"), QStringLiteral("copyStreamKeyButton"), tab);
    m_copyRtmpBoth = makeButton(tr("Copy Both"), QStringLiteral("copyRtmpBothButton"), tab);
    m_saveRtmp =
        makeButton(tr("Sa&ve as OBS Service Settings…"), QStringLiteral("saveRtmpButton"), tab);
    connect(m_copyRtmpServer, &QPushButton::clicked, this,
            [this] { copyPlain(m_rtmpServer->text()); });
    connect(m_copyKey, &QPushButton::clicked, this, [this] { copySecret(m_streamKey->text()); });
    connect(m_copyRtmpBoth, &QPushButton::clicked, this,
            [this] { copySecret(m_rtmpServer->text() + QLatin1Char('\n') + m_streamKey->text()); });
    connect(m_saveRtmp, &QPushButton::clicked, this, &PublishDialog::saveRtmp);
    m_rtmpWarning = makeNote(QStringLiteral("rtmpWarning"), tab);
    m_rtmpWarning->setAccessibleName(tr("Stream key warning"));
    setTextTone(m_rtmpWarning, model::TextTone::Problem);

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_streamKey, 1);
    keyRow->addWidget(m_revealKey);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyRtmpServer);
    copyRow->addWidget(m_copyKey);
    copyRow->addWidget(m_copyRtmpBoth);
    copyRow->addStretch(1);
    copyRow->addWidget(m_saveRtmp);
    auto *resultForm = new QFormLayout;
    resultForm->addRow(tr("Server:"), m_rtmpServer);
    resultForm->addRow(tr("Stream key:"), keyRow);
    auto *resultBox =
        new QGroupBox(tr("For the encoder (OBS: Settings → Stream → Custom RTMP)"), tab);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addLayout(resultForm);
    resultLayout->addLayout(copyRow);
    resultLayout->addWidget(m_rtmpWarning);
    resultLayout->addWidget(makeObsHint(tr("stream key"), resultBox));

    m_rtmpStatus = makeNote(QStringLiteral("rtmpStatus"), tab);
    m_rtmpStatus->setAccessibleName(tr("Stream key status"));

    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_ingestList, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_reloadIngest);
    side->addStretch(1);
    listRow->addLayout(side);
    auto *layout = new QVBoxLayout(tab);
    QLabel *intro = makeNote(QStringLiteral("ingestIntro"), tab);
    intro->setText(tr("The stage's ingest configurations. Choose one to fetch its stream key."));
    layout->addWidget(intro);
    layout->addLayout(listRow, 1);
    layout->addWidget(resultBox);
    layout->addWidget(m_rtmpStatus);
    return tab;
}

QWidget *PublishDialog::createChecklist()
{
    auto *box = new QGroupBox(tr("Encoder checklist"), this);
    box->setObjectName(QStringLiteral("encoderChecklist"));
    auto *grid = new QGridLayout(box);
    int row = 0;
    for (const workspace::EncoderCheck &check : workspace::PublishController::encoderChecklist()) {
        auto *setting = new QLabel(tr("%1:").arg(check.setting), box);
        QLabel *value = makeNote(QString(), box);
        value->setText(
            tr("%1 <i>(%2)</i>").arg(check.value.toHtmlEscaped(), check.appliesTo.toHtmlEscaped()));
        grid->addWidget(setting, row, 0, Qt::AlignTop);
        grid->addWidget(value, row, 1);
        ++row;
    }
    grid->setRowStretch(row, 1);
    box->setMaximumWidth(320);
    m_checklist = box;
    return box;
}

void PublishDialog::showStage()
{
    const QString arn = m_controller.target().arn;
    setWindowTitle(tr("Publish to This Stage"));
    m_stage->setText(arn.isEmpty() ? tr("No stage is shown: look a stage up first.")
                                   : tr("Stage: %1").arg(arn));
    clearWhip();
    clearRtmp();
    m_ingestList->clear();
    m_ingestLoaded = false;
    m_creatingToken = false;
    if (m_tabs->currentIndex() == RtmpTab && m_controller.hasStage())
        loadIngestConfigurations();
    updateButtons();
}

void PublishDialog::onLifetimeUnitChanged()
{
    const int unit = m_lifetimeUnit->currentIndex();
    if (unit == m_lifetimeUnitShown)
        return;
    const int minutes =
        m_lifetime->value() * (m_lifetimeUnitShown == kHoursUnit ? kMinutesPerHour : 1);
    m_lifetimeUnitShown = unit;
    if (unit == kHoursUnit) {
        m_lifetime->setRange(1, workspace::PublishController::kMaxLifetimeMinutes / kMinutesPerHour);
        // Rounded up: a token never lives shorter than asked.
        m_lifetime->setValue((minutes + kMinutesPerHour - 1) / kMinutesPerHour);
    } else {
        m_lifetime->setRange(workspace::PublishController::kMinLifetimeMinutes,
                             workspace::PublishController::kMaxLifetimeMinutes);
        m_lifetime->setValue(minutes);
    }
}

void PublishDialog::createToken()
{
    clearWhip();
    const QString problem =
        m_controller.createToken(m_userId->text(), lifetimeMinutes(), m_attributes->text());
    if (!problem.isEmpty()) {
        showStatus(m_whipStatus, problem, true);
        return;
    }
    m_creatingToken = true;
    showStatus(m_whipStatus, tr("Creating a token…"), false);
    updateButtons();
}

void PublishDialog::onTokenCreated(const QString &server, const QString &token,
                                   const QString &expiry, const QString &warning)
{
    m_creatingToken = false;
    m_revealToken->setChecked(false);
    m_whipServer->setText(server);
    m_token->setText(token);
    m_expiry->setText(expiry);
    if (warning.isEmpty())
        showStatus(m_whipStatus,
                   tr("Token created. Whoever holds it can publish to this stage until it "
                      "expires."),
                   false);
    else
        showStatus(m_whipStatus, warning, true);
    updateButtons();
}

void PublishDialog::onTokenFailed(const QString &message)
{
    m_creatingToken = false;
    showStatus(m_whipStatus, message, true);
    updateButtons();
}

void PublishDialog::loadIngestConfigurations()
{
    clearRtmp();
    m_ingestList->clear();
    m_ingestLoaded = true;
    showStatus(m_rtmpStatus, tr("Loading the ingest configurations…"), false);
    m_controller.loadIngestConfigurations();
    updateButtons();
}

void PublishDialog::onIngestLoaded()
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
    showStatus(m_rtmpStatus,
               m_ingestList->topLevelItemCount() == 0
                   ? tr("This stage has no ingest configurations: create one (in the AWS "
                        "console or with CreateIngestConfiguration) to publish over RTMP(S).")
                   : QString(),
               false);
    updateButtons();
}

void PublishDialog::onIngestFailed(const QString &message)
{
    showStatus(m_rtmpStatus, message, true);
    updateButtons();
}

void PublishDialog::onIngestSelected()
{
    clearRtmp();
    const QList<QTreeWidgetItem *> selected = m_ingestList->selectedItems();
    if (selected.isEmpty()) {
        updateButtons();
        return;
    }
    showStatus(m_rtmpStatus,
               tr("Fetching the stream key of %1…").arg(selected.constFirst()->text(NameColumn)),
               false);
    m_controller.fetchStreamKey(selected.constFirst()->data(NameColumn, kArnRole).toString());
    updateButtons();
}

void PublishDialog::onStreamKeyFetched(const QString &name, const QString &server,
                                       const QString &streamKey, const QString &warning)
{
    m_revealKey->setChecked(false);
    m_rtmpServer->setText(server);
    m_streamKey->setText(streamKey);
    m_rtmpWarning->setText(warning);
    m_rtmpWarning->setAccessibleDescription(warning);
    showStatus(m_rtmpStatus,
               tr("Stream key of %1. Whoever holds it can publish to this stage.").arg(name),
               false);
    updateButtons();
}

void PublishDialog::saveWhip()
{
    save(true);
}

void PublishDialog::saveRtmp()
{
    save(false);
}

void PublishDialog::save(bool whip)
{
    const QString suggestion = suggestedObsServicePath();
    const QString path = m_pathChooser
                             ? m_pathChooser(suggestion)
                             : QFileDialog::getSaveFileName(
                                   this, tr("Save OBS Service Settings"), suggestion,
                                   tr("OBS service settings (service.json);;JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const QString problem =
        whip ? m_controller.saveWhipService(path) : m_controller.saveRtmpService(path);
    QLabel *status = whip ? m_whipStatus : m_rtmpStatus;
    if (!problem.isEmpty())
        showStatus(status, problem, true);
    else
        showStatus(status,
                   tr("Saved %1 (readable by you only). It holds the %2: delete it when the "
                      "encoder no longer needs it.")
                       .arg(QDir::toNativeSeparators(path), whip ? tr("token") : tr("stream key")),
                   false);
}

void PublishDialog::clearWhip()
{
    m_revealToken->setChecked(false);
    m_whipServer->clear();
    m_token->clear();
    m_expiry->clear();
    showStatus(m_whipStatus, QString(), false);
}

void PublishDialog::clearRtmp()
{
    m_revealKey->setChecked(false);
    m_rtmpServer->clear();
    m_streamKey->clear();
    m_rtmpWarning->clear();
    m_rtmpWarning->setAccessibleDescription(QString());
    showStatus(m_rtmpStatus, QString(), false);
}

void PublishDialog::updateButtons()
{
    const bool stage = m_controller.hasStage();
    m_createToken->setEnabled(stage && !m_creatingToken);
    const bool token = !m_token->text().isEmpty();
    const bool whipServer = !m_whipServer->text().isEmpty();
    m_revealToken->setEnabled(token);
    m_copyWhipServer->setEnabled(whipServer);
    m_copyToken->setEnabled(token);
    m_copyWhipBoth->setEnabled(token && whipServer);
    m_saveWhip->setEnabled(token && whipServer);

    m_reloadIngest->setEnabled(stage);
    const bool key = !m_streamKey->text().isEmpty();
    const bool rtmpServer = !m_rtmpServer->text().isEmpty();
    m_revealKey->setEnabled(key);
    m_copyRtmpServer->setEnabled(rtmpServer);
    m_copyKey->setEnabled(key);
    m_copyRtmpBoth->setEnabled(key && rtmpServer);
    m_saveRtmp->setEnabled(key && rtmpServer);
}

void PublishDialog::showStatus(QLabel *label, const QString &text, bool error)
{
    setTextTone(label, error ? model::TextTone::Problem : model::TextTone::Success);
    label->setText(text);
    // The label is named by what it tells about; what it says now is its description.
    label->setAccessibleDescription(text);
}

} // namespace ui
