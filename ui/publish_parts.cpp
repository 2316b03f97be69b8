#include "publish_parts.h"

#include "secret_field.h"
#include "text_tone.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace ui::publish_parts {

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

QLabel *makeNote(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void showStatus(QLabel *label, const QString &text, bool error)
{
    setTextTone(label, error ? model::TextTone::Problem : model::TextTone::Success);
    label->setText(text);
    label->setAccessibleDescription(text);
}

void showNote(QLabel *label, const QString &text)
{
    clearTextTone(label);
    label->setText(text);
    label->setAccessibleDescription(text);
}

void confirmCopied(QPushButton *button)
{
    static constexpr const char *kTextProperty = "textBeforeCopied";
    if (!button->property(kTextProperty).isValid())
        button->setProperty(kTextProperty, button->text());
    const QString copied = QCoreApplication::translate("ui::PublishParts", "Copied ✓");
    button->setText(copied);
    button->setAccessibleDescription(copied);
    // A second copy within the time starts the time again: only the newest timer restores.
    const int generation = button->property("copiedGeneration").toInt() + 1;
    button->setProperty("copiedGeneration", generation);
    QTimer::singleShot(kCopiedConfirmationMs, button, [button, generation] {
        if (button->property("copiedGeneration").toInt() != generation)
            return;
        button->setText(button->property(kTextProperty).toString());
        button->setProperty(kTextProperty, QVariant());
        button->setAccessibleDescription(QString());
    });
}

void connectCopyButtons(QLineEdit *server, const SecretField &secret, QPushButton *copyServer,
                        QPushButton *copySecretButton, QPushButton *copyBoth)
{
    QObject::connect(copyServer, &QPushButton::clicked, copyServer, [server, copyServer] {
        copyPlain(server->text());
        confirmCopied(copyServer);
    });
    QObject::connect(copySecretButton, &QPushButton::clicked, copySecretButton,
                     [&secret, copySecretButton] {
                         copySecret(secret.text());
                         confirmCopied(copySecretButton);
                     });
    QObject::connect(copyBoth, &QPushButton::clicked, copyBoth, [server, &secret, copyBoth] {
        copySecret(server->text() + QLatin1Char('\n') + secret.text());
        confirmCopied(copyBoth);
    });
}

} // namespace ui::publish_parts
