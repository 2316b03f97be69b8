#pragma once

#include <QCoreApplication>
#include <QString>

class QLineEdit;
class QPushButton;
class QWidget;

namespace ui {

// How the publishing dialog shows a secret (a participant token, a stream key): read-only and
// masked until its Reveal button is pressed, with no context menu and no input method, so that
// the secret never reaches the clipboard by a stray shortcut or an input method's memory. The
// Copy buttons, through copySecret(), are the only way out.
//
// The field and its button are children of `parent`, for the caller to lay out.
class SecretField final {
    Q_DECLARE_TR_FUNCTIONS(ui::SecretField)
public:
    SecretField(const QString &editObjectName, const QString &revealObjectName, QWidget *parent);

    QLineEdit *edit() const { return m_edit; }
    QPushButton *revealButton() const { return m_reveal; }
    QString text() const;
    bool isEmpty() const { return text().isEmpty(); }

    // Shows a new secret, masked whether or not the previous one was revealed.
    void show(const QString &secret);
    // Empty and masked again.
    void clear();
    // Reveal is offered only while there is something to reveal.
    void updateButton();

private:
    QLineEdit *m_edit;
    QPushButton *m_reveal;
};

// Puts a secret (or a text holding one) on the clipboard, marked as a secret: clipboard managers
// that honour the mark (KDE's Klipper, KeePassXC-aware ones) keep it out of their history.
void copySecret(const QString &text);
// Puts text that is no secret on the clipboard as it is.
void copyPlain(const QString &text);

} // namespace ui
