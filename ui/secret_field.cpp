#include "secret_field.h"

#include "publish_parts.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>

namespace ui {

SecretField::SecretField(const QString &editObjectName, const QString &revealObjectName,
                         QWidget *parent)
    : m_edit(publish_parts::makeReadOnlyEdit(editObjectName, parent))
    , m_reveal(publish_parts::makeButton(tr("Reveal"), revealObjectName, parent))
{
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setContextMenuPolicy(Qt::NoContextMenu);
    m_edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_reveal->setCheckable(true);
    QObject::connect(m_reveal, &QPushButton::toggled, m_edit,
                     [edit = m_edit, button = m_reveal](bool shown) {
                         edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
                         button->setText(shown ? tr("Hide") : tr("Reveal"));
                     });
}

QString SecretField::text() const
{
    return m_edit->text();
}

void SecretField::show(const QString &secret)
{
    m_reveal->setChecked(false);
    m_edit->setText(secret);
}

void SecretField::clear()
{
    m_reveal->setChecked(false);
    m_edit->clear();
}

void SecretField::updateButton()
{
    m_reveal->setEnabled(!isEmpty());
}

void copySecret(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QApplication::clipboard()->setMimeData(data);
}

void copyPlain(const QString &text)
{
    QApplication::clipboard()->setText(text);
}

} // namespace ui
