#include "message_banner.h"

#include "model/text_colors.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("messageText"));
    // Named by its kind, which only the icon shows; the message is its description.
    m_text->setAccessibleName(tr("Message"));

    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss the message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    applyColours();
    m_text->setText(text);
    m_text->setAccessibleName(kind == Kind::Error ? tr("Error") : tr("Notice"));
    m_text->setAccessibleDescription(text);
    show();
}

void MessageBanner::applyColours()
{
    const bool error = m_kind == Kind::Error;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation,
                           nullptr, this)
            .pixmap(QSize(size, size), devicePixelRatio()));
    // A tint of the application's own background with its own text colour: readable on a light
    // palette and a dark one, and again after the user switches between them.
    const QPalette base = QApplication::palette(this);
    QPalette tinted; // only these two roles: the rest keeps following the application's
    const auto tone = error ? model::TextTone::Problem : model::TextTone::Info;
    tinted.setColor(QPalette::Window, model::tintColor(tone, base));
    tinted.setColor(QPalette::WindowText, base.color(QPalette::Text));
    m_restyling = true;
    setPalette(tinted);
    m_restyling = false;
}

void MessageBanner::changeEvent(QEvent *event)
{
    // A new application palette reaches the banner as its parent's palette changing.
    if ((event->type() == QEvent::ApplicationPaletteChange ||
         event->type() == QEvent::PaletteChange) &&
        !m_restyling)
        applyColours();
    QFrame::changeEvent(event);
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace ui
