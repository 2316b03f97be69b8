#include "choice_list_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace ui {

ChoiceListEditor::ChoiceListEditor(const QStringList &choices, QWidget *parent)
    : QWidget(parent)
{
    // The cell's text would show through otherwise.
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    for (const QString &choice : choices) {
        auto *box = new QCheckBox(choice, this);
        // The value, apart from the label, which a platform theme may decorate with mnemonics.
        box->setObjectName(choice);
        connect(box, &QCheckBox::clicked, this, &ChoiceListEditor::picked);
        layout->addWidget(box);
        m_boxes.append(box);
    }
    layout->addStretch(1);
    if (!m_boxes.isEmpty())
        setFocusProxy(m_boxes.constFirst());
}

QStringList ChoiceListEditor::checked() const
{
    QStringList values;
    for (const QCheckBox *box : m_boxes) {
        if (box->isChecked())
            values.append(box->objectName());
    }
    return values;
}

void ChoiceListEditor::setChecked(const QStringList &values)
{
    for (QCheckBox *box : std::as_const(m_boxes))
        box->setChecked(values.contains(box->objectName()));
}

QCheckBox *ChoiceListEditor::box(const QString &choice) const
{
    for (QCheckBox *box : m_boxes) {
        if (box->objectName() == choice)
            return box;
    }
    return nullptr;
}

} // namespace ui
