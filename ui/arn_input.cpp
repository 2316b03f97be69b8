#include "arn_input.h"

#include "ivs/stage_arn.h"

#include <QAction>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>

namespace ui {

ArnInput::ArnInput(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_listButton(new QToolButton(this))
    , m_getButton(new QPushButton(tr("&Get"), this))
    , m_menu(new QMenu(this))
    , m_completions(new QStringListModel(this))
{
    auto *label = new QLabel(tr("Stage &ARN:"), this);
    label->setBuddy(m_edit);
    m_edit->setPlaceholderText(tr("Paste a stage ARN: arn:aws:ivs:REGION:ACCOUNT:stage/ID"));
    m_edit->setClearButtonEnabled(true);
    // Narrow enough for a small window (the field scrolls); it takes all the width it is given.
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_edit->setToolTip(tr("The ARN of an Amazon IVS Real-Time stage. Press Enter to look it up."));
    // A stage ARN or console link dropped here is looked up by the window, as anywhere else in
    // it, rather than inserted into whatever the field holds.
    m_edit->setAcceptDrops(false);

    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_edit->setCompleter(completer);
    // A deliberate pick from the completion list shows that stage at once.
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, &ArnInput::pick);

    m_listButton->setArrowType(Qt::DownArrow);
    m_listButton->setToolTip(tr("Known stage ARNs"));
    m_listButton->setAccessibleName(m_listButton->toolTip());
    m_listButton->setMenu(m_menu);
    m_listButton->setPopupMode(QToolButton::InstantPopup);
    m_listButton->setEnabled(false);
    m_getButton->setToolTip(tr("Look up the stage (Enter)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_listButton);
    layout->addWidget(m_getButton);

    connect(m_edit, &QLineEdit::returnPressed, this, &ArnInput::submit);
    connect(m_getButton, &QPushButton::clicked, this, &ArnInput::submit);
}

QString ArnInput::text() const
{
    return m_edit->text();
}

void ArnInput::setText(const QString &text)
{
    m_edit->setText(text);
}

void ArnInput::setSuggestions(const QStringList &arns)
{
    m_suggested = arns;
    rebuildLists();
}

void ArnInput::setRecentArns(const QStringList &arns)
{
    m_recent = arns;
    rebuildLists();
}

QStringList ArnInput::knownArns() const
{
    QStringList all = m_recent;
    for (const QString &arn : m_suggested) {
        if (!all.contains(arn))
            all.append(arn);
    }
    return all;
}

void ArnInput::rebuildLists()
{
    m_completions->setStringList(knownArns());
    m_menu->clear();
    auto addSection = [this](const QString &title, const QStringList &arns) {
        if (arns.isEmpty())
            return;
        m_menu->addSection(title);
        for (const QString &arn : arns) {
            QAction *action = m_menu->addAction(arn);
            connect(action, &QAction::triggered, this, [this, arn] { pick(arn); });
        }
    };
    addSection(tr("Recent"), m_recent);
    QStringList suggestedOnly = m_suggested;
    for (const QString &arn : std::as_const(m_recent))
        suggestedOnly.removeAll(arn);
    addSection(tr("Demo stages"), suggestedOnly);
    if (!m_recent.isEmpty()) {
        m_menu->addSeparator();
        QAction *clear = m_menu->addAction(tr("Clear Recent"));
        clear->setObjectName(QStringLiteral("clearRecentArns"));
        clear->setToolTip(tr("Forget the recently shown stage ARNs"));
        // Queued: clearing rebuilds this menu, which deletes the action still being triggered.
        connect(clear, &QAction::triggered, this, &ArnInput::clearRecentRequested,
                Qt::QueuedConnection);
    }
    m_listButton->setEnabled(!m_menu->isEmpty());
}

void ArnInput::focusInput()
{
    m_edit->setFocus(Qt::OtherFocusReason);
}

void ArnInput::focusAndSelectInput()
{
    focusInput();
    m_edit->selectAll();
}

void ArnInput::pick(const QString &arn)
{
    m_edit->setText(arn);
    submit();
}

void ArnInput::submit()
{
    // A pasted ARN in quotes is shown as it is looked up; stray spaces around it may stay.
    if (const auto arn = ivs::StageArn::parse(text()); arn && arn->text() != text().trimmed())
        m_edit->setText(arn->text());
    emit submitted(text());
}

} // namespace ui
