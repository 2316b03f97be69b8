#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

// Asks before disconnecting a participant from the session in progress, naming its user id:
// DisconnectParticipant also revokes its token, so it cannot come back with the same one. An
// optional reason goes with the request; one the service would refuse (over 128 characters,
// control characters) is refused here, with the reason, and never shortened.
class DisconnectDialog final : public QDialog {
    Q_OBJECT
public:
    DisconnectDialog(const QString &userId, const QString &participantId,
                     QWidget *parent = nullptr);

    QString participantId() const { return m_participantId; }
    QString reason() const;
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QString problemText() const; // empty while the reason can be sent

private:
    void check();

    QString m_participantId;
    QLineEdit *m_reason;
    QLabel *m_problem;
    QPushButton *m_disconnect;
};

} // namespace ui
