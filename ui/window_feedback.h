#pragma once

#include <QString>

class QWidget;
class QStatusBar;

namespace ui {

class BusyIndicator;
class MessageBanner;

// Where the window's parts tell the user something: the banner above the tree for what must be
// read, the status bar for passing news, the busy indicator (and cursor) while work runs. The
// window's feature components share one of these instead of each reaching for the widgets.
class WindowFeedback final {
public:
    WindowFeedback(QWidget &window, MessageBanner &banner, QStatusBar &statusBar,
                   BusyIndicator &busy);

    MessageBanner &banner() const { return m_banner; }
    BusyIndicator &busy() const { return m_busy; }

    void error(const QString &text);  // in the banner, until replaced or dismissed
    void notice(const QString &text); // in the banner, until replaced or dismissed
    void hideBanner();
    // Hides the banner only when it still says `text`: a complaint made old news by what
    // followed, without hiding a newer message.
    void hideBannerIfShowing(const QString &text);

    void status(const QString &text);      // in the status bar until replaced
    void passing(const QString &text);     // in the status bar for a few seconds
    void passingLong(const QString &text); // twice as long, for a reason worth reading
    void clearStatus();

    // The indicator and the busy cursor together; `cancellable` shows the indicator's Cancel.
    void setBusy(bool busy, bool cancellable = true);

private:
    QWidget &m_window;
    MessageBanner &m_banner;
    QStatusBar &m_statusBar;
    BusyIndicator &m_busy;
};

} // namespace ui
