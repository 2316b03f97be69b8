#pragma once

#include "workspace/obs_handoff.h"

#include <functional>
#include <QGroupBox>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace ui {

// Where "Send to OBS" sends, shared by the publish dialog's tabs: OBS's WebSocket address and
// password, whether to keep the password in the keychain, and the outcome. Ticked, OBS is wanted:
// Send to OBS is the dialog's default button; unticked, Create Token is. The address and the
// choice are kept in the settings; the password only in the keychain, when asked.
class ObsSendBox final : public QGroupBox {
    Q_OBJECT
public:
    // Asked when OBS is streaming: true to change its settings anyway.
    using StreamingConfirmation = std::function<bool(QWidget *parent)>;

    explicit ObsSendBox(QWidget *parent = nullptr);

    bool isWanted() const { return isChecked(); }
    // The settings a Send to OBS uses now. An empty password field means the saved one.
    workspace::ObsSettings settings(bool evenIfStreaming) const;
    // Asks whether to go ahead although OBS is streaming.
    bool confirmStreaming(QWidget *parent) const;
    void setStreamingConfirmation(StreamingConfirmation confirmation);

    void showProgress(const QString &step);
    void showOutcome(const QString &text, bool error);
    // After the dialog closed: the typed password goes, and the outcome with it.
    void reset();

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLabel *statusLabel() const { return m_status; }

private:
    QLineEdit *m_url;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_status;
    StreamingConfirmation m_confirmStreaming;
};

} // namespace ui
