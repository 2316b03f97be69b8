#include "sessions_panel.h"

#include "model/events_model.h"
#include "model/participants_model.h"
#include "model/sessions_model.h"
#include "row_icon_proxy.h"
#include "workspace/stage_inspector.h"
#include "wrapping_table_view.h"

#include <algorithm>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

QTableView *makeTable(const QString &name)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    setUpReadOnlyTable(view);
    return view;
}

QTableView *makeWrappingTable(const QString &name)
{
    auto *view = new WrappingTableView;
    view->setObjectName(name);
    return view;
}

QLabel *makeStatus(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

// A heading, its status line and its table, stacked.
QWidget *section(const QString &title, QLabel *status, QTableView *view, QWidget *action = nullptr)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addWidget(status, 1);
    if (action)
        top->addWidget(action);
    layout->addLayout(top);
    layout->addWidget(view, 1);
    return widget;
}

QString keyAt(const QModelIndex &index)
{
    return index.isValid() ? index.siblingAtColumn(0).data(model::KeyRole).toString() : QString();
}

} // namespace

SessionsPanel::SessionsPanel(workspace::StageInspector &inspector, QWidget *parent)
    : QWidget(parent)
    , m_inspector(inspector)
    , m_sessions(makeTable(QStringLiteral("sessionsTable")))
    , m_participants(makeTable(QStringLiteral("participantsTable")))
    , m_events(makeWrappingTable(QStringLiteral("eventsTable")))
    , m_autoRefresh(new QCheckBox)
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_recordings(new QPushButton(tr("Recor&dings…")))
    , m_sessionsStatus(makeStatus(QStringLiteral("sessionsStatus")))
    , m_participantsStatus(makeStatus(QStringLiteral("participantsStatus")))
    , m_eventsStatus(makeStatus(QStringLiteral("eventsStatus")))
{
    const int seconds = std::max(1, m_inspector.refreshInterval() / 1000);
    m_autoRefresh->setObjectName(QStringLiteral("autoRefresh"));
    m_autoRefresh->setText(tr("Refresh the session in progress every %1 s").arg(seconds));
    m_autoRefresh->setToolTip(tr("Read the participants of the session in progress, and the "
                                 "selected participant's events, again every %1 seconds; the "
                                 "checks follow")
                                  .arg(seconds));
    m_autoRefresh->setChecked(m_inspector.autoRefresh());
    m_refresh->setObjectName(QStringLiteral("refreshSession"));
    m_refresh->setToolTip(tr("Read the participants of the session in progress again"));
    m_recordings->setObjectName(QStringLiteral("sessionRecordings"));
    m_recordings->setToolTip(tr("What the selected session's recordings left in S3: outcome, "
                                "duration, size and thumbnails of each participant's recording"));
    m_sessions->setAccessibleName(tr("Sessions"));
    m_participants->setAccessibleName(tr("Participants"));
    m_events->setAccessibleName(tr("Events"));

    m_sessions->setModel(new RowIconProxy(m_inspector.sessions(), m_sessions));
    m_participants->setModel(new RowIconProxy(m_inspector.participants(), m_participants));
    m_events->setModel(new RowIconProxy(m_inspector.events(), m_events));
    m_events->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_events->horizontalHeader()->setSectionResizeMode(model::EventsModel::ExplanationColumn,
                                                       QHeaderView::Stretch);

    // The events' explanations are sentences: they get the whole width.
    // Named, so the window remembers where the user put the dividers.
    auto *lists = new QSplitter(Qt::Horizontal);
    lists->setObjectName(QStringLiteral("sessionListsSplitter"));
    lists->addWidget(section(tr("Sessions"), m_sessionsStatus, m_sessions, m_recordings));
    lists->addWidget(section(tr("Participants"), m_participantsStatus, m_participants));
    lists->setStretchFactor(0, 2);
    lists->setStretchFactor(1, 5);
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("sessionEventsSplitter"));
    split->addWidget(lists);
    split->addWidget(section(tr("Events"), m_eventsStatus, m_events));
    // In a short window the events give way (the splitter folds them) rather than the tree.
    split->setMinimumHeight(fontMetrics().height() * 6);

    auto *top = new QHBoxLayout;
    top->addWidget(m_autoRefresh);
    top->addStretch(1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_sessions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_inspector.selectSession(keyAt(current));
            });
    connect(m_participants->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_inspector.selectParticipant(keyAt(current));
            });
    // A model reset (a new list) loses the view's selection; the inspector still knows it.
    connect(m_inspector.sessions(), &QAbstractItemModel::modelReset, this, [this] {
        m_sessions->resizeColumnsToContents();
        selectRow(m_sessions, m_inspector.selectedSessionId());
    });
    connect(m_inspector.participants(), &QAbstractItemModel::modelReset, this, [this] {
        m_participants->resizeColumnsToContents();
        selectRow(m_participants, m_inspector.selectedParticipantId());
    });

    connect(m_autoRefresh, &QCheckBox::toggled, &m_inspector,
            &workspace::StageInspector::setAutoRefresh);
    connect(&m_inspector, &workspace::StageInspector::autoRefreshChanged, this, [this](bool on) {
        const QSignalBlocker blocker(m_autoRefresh);
        m_autoRefresh->setChecked(on);
    });
    connect(m_refresh, &QPushButton::clicked, &m_inspector, &workspace::StageInspector::refreshNow);
    connect(m_recordings, &QPushButton::clicked, this, [this] {
        if (!m_inspector.selectedSessionId().isEmpty())
            emit recordingsRequested(m_inspector.stageArn(), m_inspector.selectedSessionId());
    });

    connect(&m_inspector, &workspace::StageInspector::checksStarted, this, [this] {
        reset();
        m_sessionsStatus->setText(tr("Listing sessions…"));
    });
    connect(&m_inspector, &workspace::StageInspector::cleared, this, &SessionsPanel::reset);
    connect(&m_inspector, &workspace::StageInspector::sessionsLoaded, this,
            [this](const QString &, const QString &error) { onSessionsLoaded(error); });
    connect(&m_inspector, &workspace::StageInspector::sessionSelected, this,
            [this](const QString &sessionId) {
                selectRow(m_sessions, sessionId);
                m_recordings->setEnabled(!sessionId.isEmpty());
                m_participantsStatus->setText(sessionId.isEmpty() ? QString()
                                                                  : tr("Listing participants…"));
                m_eventsStatus->clear();
            });
    connect(&m_inspector, &workspace::StageInspector::participantsLoaded, this,
            &SessionsPanel::onParticipantsLoaded);
    connect(&m_inspector, &workspace::StageInspector::participantSelected, this,
            [this](const QString &participantId) {
                selectRow(m_participants, participantId);
                m_eventsStatus->setText(participantId.isEmpty() ? QString()
                                                                : tr("Reading events…"));
            });
    connect(&m_inspector, &workspace::StageInspector::participantLoaded, this,
            [this](const QString &participantId, const QString &error) {
                if (!error.isEmpty())
                    m_participantsStatus->setText(tr("The details of %1 could not be read: %2")
                                                      .arg(participantLabel(participantId), error));
            });
    connect(&m_inspector, &workspace::StageInspector::eventsLoaded, this,
            &SessionsPanel::onEventsLoaded);
    reset();
}

SessionsPanel::~SessionsPanel()
{
    disconnect(&m_inspector, nullptr, this, nullptr);
}

void SessionsPanel::reset()
{
    m_sessionsStatus->setText(
        m_inspector.stageArn().isEmpty() ? tr("Look up a stage to see its sessions.") : QString());
    m_participantsStatus->clear();
    m_eventsStatus->clear();
    m_refresh->setEnabled(!m_inspector.activeSessionId().isEmpty());
    m_recordings->setEnabled(!m_inspector.selectedSessionId().isEmpty());
}

void SessionsPanel::selectRow(QTableView *view, const QString &key)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; !key.isEmpty() && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(model::KeyRole).toString() == key) {
            if (view->currentIndex().row() != row)
                view->setCurrentIndex(index);
            view->scrollTo(index);
            return;
        }
    }
    view->clearSelection();
}

QString SessionsPanel::participantLabel(const QString &participantId) const
{
    const auto &participants = m_inspector.participants()->participants();
    const auto found = std::find_if(participants.begin(), participants.end(),
                                    [&participantId](const auto &participant) {
                                        return participant.participantId == participantId;
                                    });
    return found == participants.end() || found->userId.isEmpty() ? participantId : found->userId;
}

void SessionsPanel::onSessionsLoaded(const QString &error)
{
    m_refresh->setEnabled(!m_inspector.activeSessionId().isEmpty());
    if (!error.isEmpty()) {
        m_sessionsStatus->setText(tr("The sessions could not be listed: %1").arg(error));
        return;
    }
    const int count = m_inspector.sessions()->rowCount();
    const QString sessions = count == 1 ? tr("1 session") : tr("%1 sessions").arg(count);
    if (count == 0)
        m_sessionsStatus->setText(tr("No sessions yet."));
    else if (m_inspector.activeSessionId().isEmpty())
        m_sessionsStatus->setText(tr("%1, none in progress.").arg(sessions));
    else
        m_sessionsStatus->setText(tr("%1, one in progress.").arg(sessions));
}

void SessionsPanel::onParticipantsLoaded(const QString &sessionId, const QString &error)
{
    if (sessionId != m_inspector.selectedSessionId())
        return;
    if (!error.isEmpty()) {
        m_participantsStatus->setText(tr("The participants could not be listed: %1").arg(error));
        return;
    }
    const int count = m_inspector.participants()->rowCount();
    const QString text = count == 0 ? tr("Nobody joined this session.")
                         : count == 1
                             ? tr("1 participant; select one to see its events.")
                             : tr("%1 participants; select one to see its events.").arg(count);
    m_participantsStatus->setText(text);
}

void SessionsPanel::onEventsLoaded(const QString &participantId, const QString &error)
{
    if (participantId != m_inspector.selectedParticipantId())
        return;
    if (!error.isEmpty()) {
        m_eventsStatus->setText(tr("The events of %1 could not be read: %2")
                                    .arg(participantLabel(participantId), error));
        return;
    }
    const int count = m_inspector.events()->rowCount();
    const int errors = m_inspector.events()->errorCount();
    QString text = count == 1
                       ? tr("1 event of %1").arg(participantLabel(participantId))
                       : tr("%1 events of %2").arg(count).arg(participantLabel(participantId));
    if (errors > 0)
        text += errors == 1 ? tr(", 1 error.") : tr(", %1 errors.").arg(errors);
    else
        text += QLatin1Char('.');
    m_eventsStatus->setText(text);
}

} // namespace ui
