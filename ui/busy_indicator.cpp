#include "busy_indicator.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace ui {

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("busyIndicator"));
    m_progress->setRange(0, 0); // no percentage is known: an indeterminate bar
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this request (Esc)"));
    m_cancel->setObjectName(QStringLiteral("cancelRequest"));
    connect(m_cancel, &QToolButton::clicked, this, &BusyIndicator::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);

    m_delay.setSingleShot(true);
    m_delay.setInterval(kShowAfterMs);
    connect(&m_delay, &QTimer::timeout, this, &QWidget::show);
    hide();
}

void BusyIndicator::setBusy(bool busy)
{
    if (busy) {
        if (isHidden() && !m_delay.isActive())
            m_delay.start();
        return;
    }
    m_delay.stop();
    hide();
}

void BusyIndicator::setText(const QString &text)
{
    m_progress->setToolTip(text);
}

void BusyIndicator::setCancellable(bool cancellable)
{
    m_cancel->setVisible(cancellable);
}

} // namespace ui
