#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace workspace {
class StageInspector;
}

namespace ui {

// What the checks found about the shown stage, errors first, each with what to do about it.
// Activating a finding (double-click, Enter) asks for its row in the stage tree, or, for a
// finding about a participant, selects that participant (and its events) in the inspector.
class ChecksPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPanel(workspace::StageInspector &inspector, QWidget *parent = nullptr);
    ~ChecksPanel() override;

    QTableView *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    // When the findings shown were made: "Checked at 14:05:09"; empty while checking.
    QLabel *checkedAtLabel() const { return m_checkedAt; }
    QPushButton *recheckButton() const { return m_recheck; }

signals:
    void fieldRequested(const QString &fieldPath);
    // A finding about a participant was activated; the inspector has selected it, with its
    // events, in the active session. The window shows the Sessions panel.
    void participantRequested(const QString &participantId);

private:
    void showSummary(const QString &text, bool problems);
    void showFinding(const QModelIndex &index);

    workspace::StageInspector &m_inspector;
    QLabel *m_icon;
    QLabel *m_summary;
    QLabel *m_checkedAt;
    QPushButton *m_recheck;
    QTableView *m_table;
};

} // namespace ui
