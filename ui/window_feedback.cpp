#include "window_feedback.h"

#include "busy_indicator.h"
#include "message_banner.h"

#include <QStatusBar>
#include <QWidget>

namespace ui {

namespace {
constexpr int kTransientMessageMs = 5000;
}

WindowFeedback::WindowFeedback(QWidget &window, MessageBanner &banner, QStatusBar &statusBar,
                               BusyIndicator &busy)
    : m_window(window)
    , m_banner(banner)
    , m_statusBar(statusBar)
    , m_busy(busy)
{
}

void WindowFeedback::error(const QString &text)
{
    m_banner.showMessage(MessageBanner::Kind::Error, text);
}

void WindowFeedback::notice(const QString &text)
{
    m_banner.showMessage(MessageBanner::Kind::Notice, text);
}

void WindowFeedback::hideBanner()
{
    m_banner.hide();
}

void WindowFeedback::hideBannerIfShowing(const QString &text)
{
    if (!text.isEmpty() && m_banner.text() == text)
        m_banner.hide();
}

void WindowFeedback::status(const QString &text)
{
    m_statusBar.showMessage(text);
}

void WindowFeedback::passing(const QString &text)
{
    m_statusBar.showMessage(text, kTransientMessageMs);
}

void WindowFeedback::passingLong(const QString &text)
{
    m_statusBar.showMessage(text, 2 * kTransientMessageMs);
}

void WindowFeedback::clearStatus()
{
    m_statusBar.clearMessage();
}

void WindowFeedback::setBusy(bool busy, bool cancellable)
{
    m_busy.setCancellable(cancellable);
    m_busy.setBusy(busy);
    if (busy)
        m_window.setCursor(Qt::BusyCursor);
    else
        m_window.unsetCursor();
}

} // namespace ui
