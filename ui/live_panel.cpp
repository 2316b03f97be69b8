#include "live_panel.h"

#include "ivs/stage_arn.h"
#include "model/text_colors.h"
#include "text_tone.h"
#include "workspace/live_monitor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

enum ParticipantColumn { UserColumn, StateColumn, PublishedColumn, RecordingColumn, IdColumn };
enum TimelineColumn { TimeColumn, WhoColumn, EventColumn, ErrorColumn, ExplanationColumn };

QTableView *makeTable(QStandardItemModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

QStandardItem *readOnly(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

} // namespace

LivePanel::LivePanel(MonitorFactory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
    , m_watch(new QPushButton(tr("&Watch Live")))
    , m_status(new QLabel)
    , m_counters(new QLabel)
    , m_participants(new QStandardItemModel(0, 5, this))
    , m_timeline(new QStandardItemModel(0, 5, this))
    , m_participantsView(makeTable(m_participants))
    , m_timelineView(makeTable(m_timeline))
{
    m_watch->setObjectName(QStringLiteral("watchLiveButton"));
    m_watch->setCheckable(true);
    m_watch->setToolTip(tr("Follow the stage's session in progress: who is connected, who "
                           "publishes, and every event as it happens"));
    m_status->setObjectName(QStringLiteral("liveStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counters->setObjectName(QStringLiteral("liveCounters"));
    m_participantsView->setObjectName(QStringLiteral("liveParticipants"));
    m_participantsView->setAccessibleName(tr("Participants of the session in progress"));
    m_timelineView->setObjectName(QStringLiteral("liveTimeline"));
    m_timelineView->setAccessibleName(tr("Events of all participants, newest first"));
    m_participants->setHorizontalHeaderLabels(
        {tr("User ID"), tr("State"), tr("Published"), tr("Recording"), tr("Participant ID")});
    m_timeline->setHorizontalHeaderLabels(
        {tr("Time"), tr("User ID"), tr("Event"), tr("Error"), tr("What it means")});

    auto *top = new QHBoxLayout;
    top->addWidget(m_watch);
    top->addWidget(m_counters, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_participantsView, 1);
    layout->addWidget(m_timelineView, 2);

    connect(m_watch, &QPushButton::clicked, this, [this](bool checked) {
        if (checked)
            startWatching();
        else
            stopWatching();
    });
    connect(m_timelineView, &QAbstractItemView::clicked, this, &LivePanel::markSeen);
    updateButton();
    showStatus();
}

LivePanel::~LivePanel()
{
    if (m_monitor)
        disconnect(m_monitor.get(), nullptr, this, nullptr);
}

void LivePanel::setStage(const QString &arn)
{
    if (arn == m_stageArn)
        return;
    stopWatching();
    m_stageArn = arn;
    m_participants->removeRows(0, m_participants->rowCount());
    m_timeline->removeRows(0, m_timeline->rowCount());
    m_failures = 0;
    m_counters->clear();
    updateButton();
    showStatus();
}

void LivePanel::setWindowMinimised(bool minimised)
{
    if (!m_monitor)
        return;
    if (minimised)
        m_monitor->pause();
    else if (m_monitor->isPaused())
        m_monitor->resume(); // polls at once to catch up
    showStatus();
}

void LivePanel::startWatching()
{
    const auto arn = ivs::StageArn::parse(m_stageArn);
    if (!arn || m_monitor) {
        updateButton();
        return;
    }
    m_monitor = m_factory(*arn);
    m_sessionNote = tr("Looking for the session in progress…");
    m_sessionEnded = false;
    workspace::LiveMonitor *monitor = m_monitor.get();
    connect(monitor, &workspace::LiveMonitor::sessionStarted, this,
            [this](const QString &sessionId, const QDateTime &start) {
                m_sessionNote = tr("Session %1, in progress since %2.")
                                    .arg(sessionId, QLocale().toString(start.toLocalTime(),
                                                                       QLocale::ShortFormat));
                m_failures = 0;
                m_sessionEnded = false;
                showStatus();
            });
    connect(monitor, &workspace::LiveMonitor::sessionEnded, this,
            [this](const QString &sessionId, const QDateTime &end) {
                m_sessionNote =
                    tr("Session %1 ended at %2; waiting for the next session on the stage.")
                        .arg(sessionId,
                             QLocale().toString(end.toLocalTime(), QLocale::ShortFormat));
                m_sessionEnded = true;
                showStatus();
            });
    connect(monitor, &workspace::LiveMonitor::waitingForSession, this, [this] {
        if (m_sessionEnded)
            return; // "Session … ended at …; waiting for the next" says it already
        m_sessionNote = tr("No session in progress; waiting for one to start.");
        showStatus();
    });
    connect(monitor, &workspace::LiveMonitor::participantsChanged, this,
            &LivePanel::showParticipants);
    connect(monitor, &workspace::LiveMonitor::eventsAdded, this, &LivePanel::addEvents);
    connect(monitor, &workspace::LiveMonitor::staleChanged, this, &LivePanel::showStatus);
    connect(monitor, &workspace::LiveMonitor::pollFinished, this, &LivePanel::showStatus);
    monitor->start();
    updateButton();
    showStatus();
}

void LivePanel::stopWatching()
{
    if (!m_monitor)
        return;
    disconnect(m_monitor.get(), nullptr, this, nullptr);
    m_monitor->stop();
    m_monitor.reset();
    m_sessionNote.clear();
    updateButton();
    showStatus();
}

void LivePanel::updateButton()
{
    const QSignalBlocker blocker(m_watch);
    m_watch->setEnabled(ivs::StageArn::parse(m_stageArn).has_value());
    m_watch->setChecked(m_monitor != nullptr);
}

void LivePanel::showParticipants()
{
    const QList<ivs::ParticipantSummary> participants = m_monitor->participants();
    m_participants->removeRows(0, m_participants->rowCount());
    int connected = 0;
    int publishing = 0;
    int recording = 0;
    for (const ivs::ParticipantSummary &participant : participants) {
        const bool isConnected = participant.state == QLatin1String("CONNECTED");
        connected += isConnected ? 1 : 0;
        publishing += isConnected && participant.published ? 1 : 0;
        recording += participant.recordingState == QLatin1String("ACTIVE") ? 1 : 0;
        QList<QStandardItem *> row{
            readOnly(participant.userId.isEmpty() ? tr("(no user ID)") : participant.userId),
            readOnly(participant.state), readOnly(participant.published ? tr("yes") : tr("no")),
            readOnly(participant.recordingState), readOnly(participant.participantId)};
        if (participant.recordingState == QLatin1String("FAILED"))
            row[RecordingColumn]->setForeground(model::textColor(model::TextTone::Problem));
        if (!isConnected) {
            for (QStandardItem *item : row)
                item->setForeground(model::textColor(model::TextTone::Secondary));
        }
        m_participants->appendRow(row);
    }
    m_participantsView->resizeColumnsToContents();
    m_counters->setText(tr("Connected %1 · Publishing %2 · Recording %3 · Failed %4")
                            .arg(connected)
                            .arg(publishing)
                            .arg(recording)
                            .arg(m_failures));
}

void LivePanel::addEvents(const QList<workspace::MonitorEvent> &events)
{
    // Newest first, as they come: the newest goes on top.
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const workspace::MonitorEvent &event = *it;
        QList<QStandardItem *> row{
            readOnly(event.event.eventTime.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
            readOnly(event.userId.isEmpty() ? event.participantId : event.userId),
            readOnly(event.event.name), readOnly(event.event.errorCode),
            readOnly(event.explanation)};
        row[TimeColumn]->setToolTip(event.event.eventTime.toLocalTime().toString(Qt::ISODate));
        row[WhoColumn]->setToolTip(tr("Participant %1").arg(event.participantId));
        row[ExplanationColumn]->setToolTip(event.explanation); // often wider than the column
        if (event.failure) {
            ++m_failures;
            for (QStandardItem *item : row)
                item->setForeground(model::textColor(model::TextTone::Problem));
        }
        if (!event.backlog) {
            QFont bold;
            bold.setBold(true);
            for (QStandardItem *item : row)
                item->setFont(bold);
        }
        m_timeline->insertRow(0, row);
    }
    // The monitor keeps no more than its timeline's capacity; neither does the view.
    const int capacity = m_monitor ? m_monitor->timeline().capacity() : 0;
    if (capacity > 0 && m_timeline->rowCount() > capacity)
        m_timeline->removeRows(capacity, m_timeline->rowCount() - capacity);
    m_timelineView->resizeColumnsToContents();
    if (m_monitor)
        showParticipants(); // the failure count
}

void LivePanel::markSeen()
{
    for (int row = 0; row < m_timeline->rowCount(); ++row) {
        for (int column = 0; column < m_timeline->columnCount(); ++column) {
            if (QStandardItem *item = m_timeline->item(row, column); item && item->font().bold())
                item->setFont(QFont());
        }
    }
}

void LivePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markSeen();
}

void LivePanel::showStatus()
{
    QStringList lines;
    if (m_stageArn.isEmpty()) {
        lines << tr("Look up a stage to watch it live.");
    } else if (!m_monitor) {
        lines << tr("Not watching. Watch Live follows the session in progress; it polls every "
                    "%1 s and pauses while the window is minimised.")
                     .arg(workspace::LiveMonitor::kDefaultIntervalMs / 1000);
    } else {
        lines << m_sessionNote;
        if (m_monitor->isPaused())
            lines << tr("Paused while the window is minimised.");
        if (m_monitor->isStale())
            lines << tr("Stale: the last successful poll is older than two intervals.");
        if (const auto &error = m_monitor->lastError())
            lines << tr("The last poll failed: %1").arg(error->userMessage());
    }
    m_status->setText(lines.join(QLatin1Char('\n')));
    const bool problem = m_monitor && (m_monitor->isStale() || m_monitor->lastError());
    if (problem)
        setTextTone(m_status, model::TextTone::Problem);
    else
        clearTextTone(m_status);
}

} // namespace ui
