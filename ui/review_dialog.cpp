#include "review_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ReviewDialog::ReviewDialog(const QString &review, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(review, this))
    , m_apply(nullptr)
{
    setWindowTitle(tr("Review Changes"));
    auto *intro = new QLabel(tr("Nothing has been sent yet. Apply sends these requests in this "
                                "order, then reads the stage again so the tree shows what the "
                                "service holds."),
                             this);
    intro->setWordWrap(true);

    m_text->setObjectName(QStringLiteral("reviewText"));
    m_text->setAccessibleName(tr("Requests to send"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The request bodies are long one-line JSON; wrapped, they stay readable without scrolling.
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReviewDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReviewDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(760, 420);
    m_apply->setFocus();
}

QString ReviewDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace ui
