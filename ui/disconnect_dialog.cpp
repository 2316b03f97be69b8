#include "disconnect_dialog.h"

#include "ivs/participant_actions.h"
#include "model/text_colors.h"
#include "text_tone.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

DisconnectDialog::DisconnectDialog(const QString &userId, const QString &participantId,
                                   QWidget *parent)
    : QDialog(parent)
    , m_participantId(participantId)
    , m_reason(new QLineEdit)
    , m_problem(new QLabel)
{
    setObjectName(QStringLiteral("disconnectDialog"));
    setWindowTitle(tr("Disconnect Participant"));
    const QString who = userId.isEmpty() ? tr("the participant %1").arg(participantId)
                                         : tr("\"%1\" (participant %2)").arg(userId, participantId);
    auto *question = new QLabel(
        tr("Disconnect %1 from the session? Its token is revoked: it cannot join again with the "
           "same token.")
            .arg(who));
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("disconnectReason"));
    m_reason->setPlaceholderText(
        tr("Optional, up to %1 characters").arg(ivs::kMaxDisconnectReasonLength));
    m_problem->setObjectName(QStringLiteral("disconnectProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    setTextTone(m_problem, model::TextTone::Problem);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_disconnect = buttons->addButton(tr("&Disconnect"), QDialogButtonBox::AcceptRole);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    // Enter in the reason field must not disconnect by accident: Cancel is the default.
    m_disconnect->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &DisconnectDialog::check);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

QString DisconnectDialog::reason() const
{
    return m_reason->text().trimmed();
}

QString DisconnectDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void DisconnectDialog::check()
{
    const QString problem = ivs::disconnectReasonProblem(reason());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_disconnect->setEnabled(problem.isEmpty());
}

} // namespace ui
