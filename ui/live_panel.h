#pragma once

#include <functional>
#include <memory>
#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ivs {
class StageArn;
}
namespace workspace {
class LiveMonitor;
struct MonitorEvent;
} // namespace workspace

namespace ui {

// The live view of the shown stage during a show: Watch Live starts a workspace::LiveMonitor,
// which follows the session in progress. Counters at the top (connected, publishing, recording,
// failed), every participant with its state, and one merged timeline of all participants' events,
// newest first, failures in red, new rows in bold until the panel is looked at again. Polling
// pauses while the window is minimised and catches up on return; the status line says when the
// view is stale, the session ended or the service refused.
class LivePanel final : public QWidget {
    Q_OBJECT
public:
    using MonitorFactory =
        std::function<std::unique_ptr<workspace::LiveMonitor>(const ivs::StageArn &stage)>;

    explicit LivePanel(MonitorFactory factory, QWidget *parent = nullptr);
    ~LivePanel() override;

    // The stage shown in the window; a monitor of another stage stops. Empty: none is shown.
    void setStage(const QString &arn);
    void setWindowMinimised(bool minimised);
    void startWatching();
    void stopWatching();
    // Marks every row as seen.
    void markSeen();

    workspace::LiveMonitor *monitor() const { return m_monitor.get(); }
    QPushButton *watchButton() const { return m_watch; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *countersLabel() const { return m_counters; }
    QTableView *participantsView() const { return m_participantsView; }
    QTableView *timelineView() const { return m_timelineView; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showParticipants();
    void addEvents(const QList<workspace::MonitorEvent> &events);
    void showStatus();
    void updateButton();

    MonitorFactory m_factory;
    std::unique_ptr<workspace::LiveMonitor> m_monitor;
    QString m_stageArn;
    QString m_sessionNote; // "Session … ended at …", "No session in progress", …
    QPushButton *m_watch;
    QLabel *m_status;
    QLabel *m_counters;
    QStandardItemModel *m_participants;
    QStandardItemModel *m_timeline;
    QTableView *m_participantsView;
    QTableView *m_timelineView;
    int m_failures = 0;
    bool m_sessionEnded = false; // the note says which session ended
};

} // namespace ui
