#include "live_panel.h"

#include "desktop_notifier.h"
#include "disconnect_dialog.h"
#include "ivs/stage_arn.h"
#include "model/text_colors.h"
#include "text_tone.h"
#include "workspace/live_monitor.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
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

// The stages whose failures are announced (their ARNs, newest last), in the settings.
const QString kNotifyKey = QStringLiteral("live/notifyFailuresOf");
constexpr int kMaxNotifiedStages = 500;

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
    , m_notify(new QCheckBox(tr("&Notify of failures")))
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

    m_notify->setObjectName(QStringLiteral("notifyFailuresBox"));
    m_notify->setToolTip(tr("While watching, show a desktop notification for each new failure "
                            "on this stage (a publish error, a failed recording, a participant "
                            "dropped by the service); remembered for the stage"));
    m_notify->hide(); // until there is somewhere to announce failures
    connect(m_notify, &QCheckBox::toggled, this, &LivePanel::rememberNotify);
    m_participantsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_participantsView, &QWidget::customContextMenuRequested, this,
            &LivePanel::showParticipantMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_watch);
    top->addWidget(m_counters, 1);
    top->addWidget(m_notify);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    // Named, so the window remembers where the user put the divider; in a short window the
    // splitter folds a table rather than taking room from the tree.
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(QStringLiteral("liveSplitter"));
    split->addWidget(m_participantsView);
    split->addWidget(m_timelineView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setMinimumHeight(fontMetrics().height() * 6);
    layout->addWidget(split, 1);

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

void LivePanel::setNotifications(DesktopNotifier *notifier, QSettings *settings)
{
    m_notifier = notifier;
    m_settings = settings;
    m_notify->setVisible(notifier && settings);
    if (notifier) {
        connect(notifier, &DesktopNotifier::activated, this, &LivePanel::onNotificationClicked);
        connect(notifier, &DesktopNotifier::unavailable, this, [this](const QString &why) {
            m_notifyNote = why;
            showStatus();
        });
        connect(notifier, &DesktopNotifier::delivered, this, [this] {
            if (!std::exchange(m_notifyNote, {}).isEmpty())
                showStatus();
        });
    }
    updateButton();
}

void LivePanel::rememberNotify(bool on)
{
    if (!m_settings || m_stageArn.isEmpty())
        return;
    QStringList stages = m_settings->value(kNotifyKey).toStringList();
    stages.removeAll(m_stageArn);
    if (on)
        stages.append(m_stageArn);
    while (stages.size() > kMaxNotifiedStages)
        stages.removeFirst();
    m_settings->setValue(kNotifyKey, stages);
}

void LivePanel::setStage(const QString &arn, const QString &name)
{
    m_stageName = name;
    if (arn == m_stageArn)
        return;
    stopWatching();
    m_stageArn = arn;
    m_unseenFailures = 0;
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
    connect(monitor, &workspace::LiveMonitor::failure, this, &LivePanel::notifyFailure);
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
    const bool stage = ivs::StageArn::parse(m_stageArn).has_value();
    m_watch->setEnabled(stage);
    m_watch->setChecked(m_monitor != nullptr);
    const QSignalBlocker notifyBlocker(m_notify);
    m_notify->setEnabled(stage);
    m_notify->setChecked(stage && m_settings &&
                         m_settings->value(kNotifyKey).toStringList().contains(m_stageArn));
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
        row[UserColumn]->setData(participant.userId, Qt::UserRole);
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

void LivePanel::notifyFailure(const workspace::MonitorEvent &event)
{
    if (!m_notifier || !m_notify->isChecked())
        return;
    ++m_unseenFailures;
    QString stage = m_stageName;
    if (stage.isEmpty()) {
        const auto arn = ivs::StageArn::parse(m_stageArn);
        stage = arn ? arn->stageId() : m_stageArn;
    }
    const QString summary = m_unseenFailures == 1
                                ? tr("%1 on %2").arg(event.event.name, stage)
                                : tr("%1 failures on %2").arg(m_unseenFailures).arg(stage);
    const QString who = event.userId.isEmpty() ? event.participantId : event.userId;
    QString what = event.event.name;
    if (!event.event.errorCode.isEmpty())
        what += QLatin1Char(' ') + event.event.errorCode;
    const QString body = event.explanation.isEmpty()
                             ? tr("%1: %2").arg(who, what)
                             : tr("%1: %2. %3").arg(who, what, event.explanation);
    m_notifier->notify(summary, body, m_stageArn + QLatin1Char('\n') + event.participantId);
}

void LivePanel::onNotificationClicked(const QString &key)
{
    const qsizetype split = key.indexOf(QLatin1Char('\n'));
    if (split < 0)
        return;
    if (key.left(split) == m_stageArn)
        selectParticipant(key.mid(split + 1));
    emit attentionRequested();
}

bool LivePanel::selectParticipant(const QString &participantId)
{
    for (int row = 0; row < m_participants->rowCount(); ++row) {
        if (m_participants->item(row, IdColumn)->text() != participantId)
            continue;
        const QModelIndex index = m_participants->index(row, UserColumn);
        m_participantsView->setCurrentIndex(index);
        m_participantsView->scrollTo(index);
        return true;
    }
    return false;
}

DisconnectDialog *LivePanel::askToDisconnect(int row)
{
    if (!m_monitor || row < 0 || row >= m_participants->rowCount() ||
        m_participants->item(row, StateColumn)->text() != QLatin1String("CONNECTED"))
        return nullptr;
    const QString participantId = m_participants->item(row, IdColumn)->text();
    const QString userId = m_participants->item(row, UserColumn)->data(Qt::UserRole).toString();
    auto *dialog = new DisconnectDialog(userId, participantId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<workspace::LiveMonitor> monitor(m_monitor.get());
    connect(dialog, &QDialog::accepted, this, [monitor, dialog] {
        if (monitor) // not stopped meanwhile
            monitor->disconnectParticipant(dialog->participantId(), dialog->reason());
    });
    dialog->open();
    return dialog;
}

void LivePanel::showParticipantMenu(const QPoint &position)
{
    const QModelIndex index = m_participantsView->indexAt(position);
    if (!index.isValid())
        return;
    const int row = index.row();
    const QString participantId = m_participants->item(row, IdColumn)->text();
    const QString user = m_participants->item(row, UserColumn)->text();
    QMenu menu(this);
    QAction *disconnectAction = menu.addAction(tr("&Disconnect %1…").arg(user));
    disconnectAction->setEnabled(m_monitor && m_participants->item(row, StateColumn)->text() ==
                                                  QLatin1String("CONNECTED"));
    QAction *copyAction = menu.addAction(tr("&Copy Participant ID"));
    QAction *chosen = menu.exec(m_participantsView->viewport()->mapToGlobal(position));
    if (chosen == disconnectAction)
        askToDisconnect(row);
    else if (chosen == copyAction)
        QApplication::clipboard()->setText(participantId);
}

void LivePanel::markSeen()
{
    m_unseenFailures = 0;
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
    if (!m_notifyNote.isEmpty() && m_notify->isChecked())
        lines << tr("Notifications: %1").arg(m_notifyNote);
    m_status->setText(lines.join(QLatin1Char('\n')));
    const bool problem = m_monitor && (m_monitor->isStale() || m_monitor->lastError());
    if (problem)
        setTextTone(m_status, model::TextTone::Problem);
    else
        clearTextTone(m_status);
}

} // namespace ui
