#pragma once

#include <QTimer>
#include <QWidget>

class QProgressBar;
class QToolButton;

namespace ui {

// A progress bar with a Cancel button that appears only when work lasts longer than a moment,
// so quick answers don't make the window flicker.
class BusyIndicator final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kShowAfterMs = 200;

    explicit BusyIndicator(QWidget *parent = nullptr);

    void setBusy(bool busy);
    void setText(const QString &text);
    // Work that cannot be stopped halfway (applying edits) shows no Cancel button.
    void setCancellable(bool cancellable);
    QToolButton *cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QTimer m_delay;
};

} // namespace ui
