#pragma once

#include <functional>
#include <memory>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSettings;
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

class DesktopNotifier;
class DisconnectDialog;

// The live view of the shown stage during a show: Watch Live starts a workspace::LiveMonitor,
// which follows the session in progress. Counters at the top (connected, publishing, recording,
// failed), every participant with its state, and one merged timeline of all participants' events,
// newest first, failures in red, new rows in bold until the panel is looked at again. Polling
// pauses while the window is minimised and catches up on return; the status line says when the
// view is stale, the session ended or the service refused.
//
// With "Notify of failures" ticked (off by default, remembered per stage), each new failure is
// also a desktop notification; clicking it selects the participant and asks for the panel to be
// shown (attentionRequested). A participant's context menu disconnects it, after a confirmation
// naming its user id; the outcome joins the timeline.
class LivePanel final : public QWidget {
    Q_OBJECT
public:
    using MonitorFactory =
        std::function<std::unique_ptr<workspace::LiveMonitor>(const ivs::StageArn &stage)>;

    explicit LivePanel(MonitorFactory factory, QWidget *parent = nullptr);
    ~LivePanel() override;

    // Where failures are announced, and where the stages to announce them for are remembered;
    // both outlive the panel. Without them the box is hidden.
    void setNotifications(DesktopNotifier *notifier, QSettings *settings);

    // The stage shown in the window; a monitor of another stage stops. Empty: none is shown.
    // `name` names it in notifications.
    void setStage(const QString &arn, const QString &name = {});
    void setWindowMinimised(bool minimised);
    void startWatching();
    void stopWatching();
    // Marks every row as seen.
    void markSeen();
    // Selects the participant's row; false when it is not listed.
    bool selectParticipant(const QString &participantId);
    // Asks to disconnect the participant of `row` (participants view); the dialog is open (not
    // modal to the app) until answered. Null when the row names no connected participant.
    DisconnectDialog *askToDisconnect(int row);

    workspace::LiveMonitor *monitor() const { return m_monitor.get(); }
    QPushButton *watchButton() const { return m_watch; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *countersLabel() const { return m_counters; }
    QTableView *participantsView() const { return m_participantsView; }
    QTableView *timelineView() const { return m_timelineView; }
    QCheckBox *notifyBox() const { return m_notify; }

signals:
    // The user clicked a notification: the window should come up with this panel in view.
    void attentionRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showParticipants();
    void addEvents(const QList<workspace::MonitorEvent> &events);
    void showStatus();
    void updateButton();
    void notifyFailure(const workspace::MonitorEvent &event);
    void onNotificationClicked(const QString &key);
    void showParticipantMenu(const QPoint &position);
    void rememberNotify(bool on);

    MonitorFactory m_factory;
    std::unique_ptr<workspace::LiveMonitor> m_monitor;
    QString m_stageArn;
    QString m_stageName;
    DesktopNotifier *m_notifier = nullptr;
    QSettings *m_settings = nullptr;
    QCheckBox *m_notify;
    int m_unseenFailures = 0; // since the panel was last looked at
    QString m_notifyNote;     // why the last notification reached nobody
    QString m_sessionNote;    // "Session … ended at …", "No session in progress", …
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
