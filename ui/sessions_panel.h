#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace workspace {
class StageInspector;
}

namespace ui {

// The shown stage's sessions (the one in progress first, marked), the participants of the
// selected session, and the selected participant's events, each explained, errors standing out.
// "Refresh automatically" keeps the session in progress up to date.
class SessionsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SessionsPanel(workspace::StageInspector &inspector, QWidget *parent = nullptr);
    ~SessionsPanel() override;

    QTableView *sessionsView() const { return m_sessions; }
    QTableView *participantsView() const { return m_participants; }
    QTableView *eventsView() const { return m_events; }
    QCheckBox *autoRefreshBox() const { return m_autoRefresh; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *recordingsButton() const { return m_recordings; }
    QLabel *sessionsStatus() const { return m_sessionsStatus; }
    QLabel *participantsStatus() const { return m_participantsStatus; }
    QLabel *eventsStatus() const { return m_eventsStatus; }

signals:
    // "Recordings…": what the selected session's recordings left in S3.
    void recordingsRequested(const QString &stageArn, const QString &sessionId);

private:
    void selectRow(QTableView *view, const QString &key);
    void onSessionsLoaded(const QString &error);
    void onParticipantsLoaded(const QString &sessionId, const QString &error);
    void onEventsLoaded(const QString &participantId, const QString &error);
    void reset();
    QString participantLabel(const QString &participantId) const;

    workspace::StageInspector &m_inspector;
    QTableView *m_sessions;
    QTableView *m_participants;
    QTableView *m_events;
    QCheckBox *m_autoRefresh;
    QPushButton *m_refresh;
    QPushButton *m_recordings;
    QLabel *m_sessionsStatus;
    QLabel *m_participantsStatus;
    QLabel *m_eventsStatus;
};

} // namespace ui
