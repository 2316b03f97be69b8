#pragma once

#include <QObject>

class QSocketNotifier;

namespace platform {

// Turns SIGINT (Ctrl+C) and SIGTERM into a Qt signal, for a command that runs until it is told to
// stop. The handler only writes one byte to a socket pair (async-signal-safe); a QSocketNotifier
// on the other end emits stopRequested() from the event loop, where ending cleanly is safe. The
// previous handlers are put back when the object goes. One at a time per process; elsewhere
// than on Unix it does nothing.
class StopSignals final : public QObject {
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // False when the handlers could not be installed (another StopSignals exists, or the socket
    // pair could not be made).
    bool isActive() const { return m_active; }

signals:
    void stopRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
    bool m_active = false;
};

} // namespace platform
