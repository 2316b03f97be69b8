#include "publish_parts.h"

#include "text_tone.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

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

} // namespace ui::publish_parts
