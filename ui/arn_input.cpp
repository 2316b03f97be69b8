#include "arn_input.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ui {

ArnInput::ArnInput(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_getButton(new QPushButton(tr("&Get"), this))
{
    auto *label = new QLabel(tr("Stage &ARN:"), this);
    label->setBuddy(m_combo);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_combo->setMinimumContentsLength(60);
    m_combo->lineEdit()->setPlaceholderText(
        tr("Paste a stage ARN: arn:aws:ivs:REGION:ACCOUNT:stage/ID"));
    m_combo->lineEdit()->setClearButtonEnabled(true);
    m_combo->setToolTip(tr("The ARN of an Amazon IVS Real-Time stage. Press Enter to look it up."));
    m_getButton->setToolTip(tr("Look up the stage (Enter)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_getButton);

    connect(m_combo->lineEdit(), &QLineEdit::returnPressed, this, &ArnInput::submit);
    connect(m_getButton, &QPushButton::clicked, this, &ArnInput::submit);
    // Picking an ARN from the list shows it at once.
    connect(m_combo, &QComboBox::activated, this, &ArnInput::submit);
}

QString ArnInput::text() const
{
    return m_combo->currentText();
}

void ArnInput::setText(const QString &text)
{
    m_combo->setEditText(text);
}

void ArnInput::setSuggestions(const QStringList &arns)
{
    const QString typed = text();
    m_combo->clear();
    m_combo->addItems(arns);
    setText(typed);
}

void ArnInput::rememberArn(const QString &arn)
{
    const QString typed = text();
    const int existing = m_combo->findText(arn);
    if (existing >= 0)
        m_combo->removeItem(existing);
    m_combo->insertItem(0, arn);
    setText(typed);
}

void ArnInput::focusInput()
{
    m_combo->setFocus(Qt::OtherFocusReason);
}

void ArnInput::selectText()
{
    m_combo->lineEdit()->selectAll();
}

void ArnInput::submit()
{
    emit submitted(text());
}

} // namespace ui
