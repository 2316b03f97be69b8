#pragma once

#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace ui {
class SecretField;
}

// The small widgets the parts of the "Publish to this stage" dialog are built from.
namespace ui::publish_parts {

// A push button that Enter in a field never presses.
QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent);
QLineEdit *makeReadOnlyEdit(const QString &objectName, QWidget *parent);
// A wrapping label whose text can be selected, for results and explanations.
QLabel *makeNote(const QString &objectName, QWidget *parent);
// Shows `text` in a status note, as a problem or as a success. The label is named by what it
// tells about; what it says now is its description.
void showStatus(QLabel *label, const QString &text, bool error);
// Shows `text` in a status note in the ordinary text colour: neither a problem nor a success
// ("Loading…", "There are none yet").
void showNote(QLabel *label, const QString &text);
// A Copy button that has just copied says so — "Copied ✓" — for a few seconds, then reads as
// before.
void confirmCopied(QPushButton *button);
constexpr int kCopiedConfirmationMs = 2500;
// Wires the three Copy buttons of a server and its secret (token or stream key): the server as
// plain text, the secret and both (server, newline, secret) through the secret clipboard rules,
// each confirming it copied.
void connectCopyButtons(QLineEdit *server, const SecretField &secret, QPushButton *copyServer,
                        QPushButton *copySecret, QPushButton *copyBoth);

} // namespace ui::publish_parts
