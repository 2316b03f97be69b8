#include "tag_dialog.h"

#include "text_tone.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

TagDialog::TagDialog(Mode mode, const QString &key, const QString &value, Submit submit,
                     QWidget *parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
    , m_key(new QLineEdit(key, this))
    , m_value(new QLineEdit(value, this))
    , m_error(new QLabel(this))
    , m_ok(nullptr)
{
    const bool adding = mode == Mode::Add;
    setWindowTitle(adding ? tr("Add Tag") : tr("Rename Tag \"%1\"").arg(key));
    m_key->setObjectName(QStringLiteral("tagKey"));
    m_value->setObjectName(QStringLiteral("tagValue"));
    m_key->setMinimumWidth(m_key->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    m_value->setReadOnly(!adding);
    m_error->setObjectName(QStringLiteral("tagError"));
    m_error->setWordWrap(true);
    setTextTone(m_error, model::TextTone::Problem);
    m_error->hide();

    auto *intro = new QLabel(adding ? tr("The tag is added to the pending changes; nothing is sent "
                                         "until you apply them.")
                                    : tr("Renaming deletes the tag and adds it under the new key "
                                         "when you apply."),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("&Value:"), m_value);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(adding ? tr("&Add") : tr("&Rename"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TagDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TagDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    auto update = [this] {
        clearError();
        m_ok->setEnabled(!m_key->text().isEmpty());
    };
    connect(m_key, &QLineEdit::textChanged, this, update);
    connect(m_value, &QLineEdit::textChanged, this, &TagDialog::clearError);
    update();
    m_key->setFocus();
    m_key->selectAll();
}

QString TagDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TagDialog::clearError()
{
    m_error->hide();
    m_error->clear();
}

void TagDialog::accept()
{
    QString error;
    if (!m_submit(m_key->text(), m_value->text(), &error)) {
        m_error->setText(error);
        m_error->show();
        m_key->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace ui
