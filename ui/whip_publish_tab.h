#pragma once

#include "secret_field.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace workspace {
class PublishController;
}

namespace ui {

class ObsSendBox;
class ObsServiceFile;

// The WHIP tab of "Publish to this stage": asks the controller for a participant token with a
// user id, a lifetime and attributes, and shows it with the stage's WHIP server, to copy or to
// save as OBS's service settings — or, with Send to OBS, creates it and sets the running OBS's
// stream service in one step. The token is the controller's; the tab only shows it, masked.
class WhipPublishTab final : public QWidget {
    Q_OBJECT
public:
    WhipPublishTab(workspace::PublishController &controller, const ObsServiceFile &obsFile,
                   ObsSendBox &obsBox, QWidget *parent = nullptr);

    // The lifetime asked for, in minutes, whatever unit it is shown in.
    int lifetimeMinutes() const;
    // Back to no token: after the stage changed or the dialog closed.
    void reset();

    // The parts tests drive, as a user would.
    QLineEdit *userIdEdit() const { return m_userId; }
    QSpinBox *lifetimeSpin() const { return m_lifetime; }
    QComboBox *lifetimeUnitCombo() const { return m_lifetimeUnit; }
    QLineEdit *attributesEdit() const { return m_attributes; }
    QPushButton *createTokenButton() const { return m_createToken; }
    QPushButton *sendToObsButton() const { return m_sendToObs; }
    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *tokenEdit() const { return m_token.edit(); }
    QPushButton *revealTokenButton() const { return m_token.revealButton(); }
    QLabel *expiryLabel() const { return m_expiry; }
    QPushButton *copyServerButton() const { return m_copyServer; }
    QPushButton *copyTokenButton() const { return m_copyToken; }
    QPushButton *copyBothButton() const { return m_copyBoth; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

private:
    QLayout *createRequestForm();
    QWidget *createResultBox();
    void onLifetimeUnitChanged();
    void createToken();
    void sendToObs(bool evenIfStreaming);
    void onObsFailed(const QString &message, bool streaming);
    void onTokenCreated(const QString &server, const QString &token, const QString &expiry,
                        const QString &warning);
    void onTokenFailed(const QString &message);
    void save();
    void clear();
    void updateButtons();

    workspace::PublishController &m_controller;
    const ObsServiceFile &m_obsFile;
    ObsSendBox &m_obsBox;
    bool m_creatingToken = false;
    bool m_sendingToObs = false; // this tab started the hand-off in progress
    int m_lifetimeUnitShown;     // the unit the spin box value is in: index of m_lifetimeUnit

    // In the order they are made, which is the order the keyboard reaches them in.
    QLineEdit *m_userId;
    QSpinBox *m_lifetime;
    QComboBox *m_lifetimeUnit;
    QLineEdit *m_attributes;
    QPushButton *m_createToken;
    QPushButton *m_sendToObs;
    QLineEdit *m_server;
    SecretField m_token;
    QLabel *m_expiry;
    QPushButton *m_copyServer;
    QPushButton *m_copyToken;
    QPushButton *m_copyBoth;
    QPushButton *m_save;
    QLabel *m_status;
};

} // namespace ui
