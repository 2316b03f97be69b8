#include "obs_send_box.h"

#include "obs/obs_client.h"
#include "publish_parts.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QVBoxLayout>

namespace ui {

namespace {

const QString kUrlKey = QStringLiteral("obs/url");
const QString kWantedKey = QStringLiteral("obs/wanted");

} // namespace

ObsSendBox::ObsSendBox(QWidget *parent)
    : QGroupBox(tr("OBS Stud&io (its WebSocket server: Tools → WebSocket Server Settings)"), parent)
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Re&member in the keychain"), this))
    , m_status(publish_parts::makeNote(QStringLiteral("obsStatus"), this))
{
    setObjectName(QStringLiteral("obsSendBox"));
    setCheckable(true);
    setToolTip(tr("Ticked: Send to OBS is the default button, and sets OBS's stream settings in "
                  "one step. Unticked: Create Token is."));
    const QSettings settings;
    setChecked(settings.value(kWantedKey, true).toBool());
    connect(this, &QGroupBox::toggled, this,
            [](bool wanted) { QSettings().setValue(kWantedKey, wanted); });

    m_url->setObjectName(QStringLiteral("obsUrlEdit"));
    m_url->setText(settings.value(kUrlKey, obs::ObsClient::defaultUrl()).toString());
    m_url->setToolTip(tr("ws:// only for OBS on this computer; wss:// anywhere."));
    m_password->setObjectName(QStringLiteral("obsPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setContextMenuPolicy(Qt::NoContextMenu);
    m_password->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_password->setPlaceholderText(tr("empty: the one in the keychain, or none"));
    m_password->setToolTip(tr("OBS → Tools → WebSocket Server Settings → Show Connect Info. OBS "
                              "is sent only a hash of it."));
    m_remember->setObjectName(QStringLiteral("obsRememberCheck"));
    m_status->setAccessibleName(tr("Send to OBS status"));

    auto *form = new QFormLayout;
    form->addRow(tr("A&ddress:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
}

workspace::ObsSettings ObsSendBox::settings(bool evenIfStreaming) const
{
    const QString url = m_url->text().trimmed();
    QSettings().setValue(kUrlKey, url);
    workspace::ObsSettings settings;
    settings.url = url;
    if (!m_password->text().isEmpty())
        settings.password = m_password->text();
    settings.rememberPassword = m_remember->isChecked();
    settings.evenIfStreaming = evenIfStreaming;
    return settings;
}

bool ObsSendBox::confirmStreaming(QWidget *parent) const
{
    if (m_confirmStreaming)
        return m_confirmStreaming(parent);
    return QMessageBox::question(
               parent, tr("OBS Is Streaming"),
               tr("OBS is streaming now. Change its stream settings anyway? A new token is "
                  "created, and OBS uses it from its next Start Streaming on."),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
}

void ObsSendBox::setStreamingConfirmation(StreamingConfirmation confirmation)
{
    m_confirmStreaming = std::move(confirmation);
}

void ObsSendBox::showProgress(const QString &step)
{
    publish_parts::showNote(m_status, step);
}

void ObsSendBox::showOutcome(const QString &text, bool error)
{
    publish_parts::showStatus(m_status, text, error);
}

void ObsSendBox::reset()
{
    m_password->clear();
    publish_parts::showNote(m_status, QString());
}

} // namespace ui
