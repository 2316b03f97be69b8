#pragma once

#include "ivs/stage_arn.h"
#include "support/manual_monitor_time.h"
#include "support/scripted_endpoint.h"
#include "support/single_attempt_client.h"
#include "workspace/live_monitor.h"
#include "workspace/request_budget.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTimer>

// What tests/tst_live_monitor.cpp drives the live monitor with: a stage on a loopback server
// whose session the test changes between polls, and the monitor on a hand-moved clock.
namespace testsupport {

inline const QString kMonitorArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/monitorTest1");
inline const QDateTime kShowOrigin(QDate(2026, 5, 1), QTime(18, 0), QTimeZone::utc());

inline QString at(int seconds)
{
    return kShowOrigin.addSecs(seconds).toString(Qt::ISODateWithMs);
}

inline QJsonObject session(const QString &id, int startSeconds, std::optional<int> endSeconds = {})
{
    QJsonObject object{{QStringLiteral("sessionId"), id},
                       {QStringLiteral("startTime"), at(startSeconds)}};
    if (endSeconds)
        object.insert(QStringLiteral("endTime"), at(*endSeconds));
    return object;
}

// Publishing by default: a participant connected but not publishing is read every poll for its
// first 30 s (workspace::LiveMonitor::kSettlingMs).
inline QJsonObject participant(const QString &id,
                               const QString &state = QStringLiteral("CONNECTED"),
                               bool published = true,
                               const QString &recording = QStringLiteral("DISABLED"))
{
    return {{QStringLiteral("participantId"), id},
            {QStringLiteral("userId"), QStringLiteral("user-") + id},
            {QStringLiteral("state"), state},
            {QStringLiteral("published"), published},
            {QStringLiteral("recordingState"), recording},
            {QStringLiteral("firstJoinTime"), at(0)}};
}

inline QJsonObject eventJson(const QString &name, int seconds, const QString &errorCode = {})
{
    QJsonObject object{{QStringLiteral("name"), name}, {QStringLiteral("eventTime"), at(seconds)}};
    if (!errorCode.isEmpty())
        object.insert(QStringLiteral("errorCode"), errorCode);
    return object;
}

// A stage on a loopback server whose session the test changes between polls; it logs every
// request with the monitor's clock.
class FakeStage {
public:
    explicit FakeStage(const ManualMonitorTime &time)
        : m_time(time)
    {
        endpoint.setHandler([this](const net::HttpRequest &request) { return answer(request); });
    }

    ScriptedEndpoint endpoint;
    QList<QJsonObject> sessions;
    QMap<QString, QList<QJsonObject>> participants; // by session, as listed (twice is possible)
    QMap<QString, QList<QJsonObject>> events;       // by participant, as listed
    int throttleNext = 0;
    int failNext = 0;
    QList<std::pair<QByteArray, qint64>> log; // path, monitor time
    QHash<QString, int> eventReads;           // ListParticipantEvents by participant
    QList<QJsonObject> disconnects;           // DisconnectParticipant bodies, as received

    qsizetype count(const QByteArray &path, qint64 fromMs = 0,
                    qint64 toMs = std::numeric_limits<qint64>::max()) const
    {
        return std::count_if(log.cbegin(), log.cend(), [&](const auto &entry) {
            return entry.first == path && entry.second >= fromMs && entry.second <= toMs;
        });
    }
    qsizetype total() const { return log.size(); }

    void setParticipant(const QString &sessionId, const QJsonObject &object)
    {
        QList<QJsonObject> &list = participants[sessionId];
        for (QJsonObject &existing : list) {
            if (existing.value(QStringLiteral("participantId")) ==
                object.value(QStringLiteral("participantId"))) {
                existing = object;
                return;
            }
        }
        list.append(object);
    }

private:
    net::HttpResponse answer(const net::HttpRequest &request)
    {
        log.append({request.path, m_time.elapsedMs()});
        if (throttleNext > 0) {
            --throttleNext;
            return awsErrorResponse(429, "ThrottlingException", QStringLiteral("Rate exceeded"));
        }
        if (failNext > 0) {
            --failNext;
            return awsErrorResponse(500, "InternalServerException", QStringLiteral("Oops"));
        }
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const auto list = [](const QList<QJsonObject> &objects) {
            QJsonArray array;
            for (const QJsonObject &object : objects)
                array.append(object);
            return array;
        };
        if (request.path == "/ListStageSessions")
            return listPage(QStringLiteral("stageSessions"), list(sessions));
        if (request.path == "/ListParticipants")
            return listPage(
                QStringLiteral("participants"),
                list(participants.value(body.value(QStringLiteral("sessionId")).toString())));
        if (request.path == "/DisconnectParticipant") {
            disconnects.append(body);
            const QString id = body.value(QStringLiteral("participantId")).toString();
            for (const QList<QJsonObject> &listed : std::as_const(participants)) {
                for (const QJsonObject &object : listed) {
                    if (object.value(QStringLiteral("participantId")).toString() == id)
                        return net::HttpResponse::json(200, "{}");
                }
            }
            return awsErrorResponse(404, "ResourceNotFoundException",
                                    QStringLiteral("No participant %1").arg(id));
        }
        if (request.path == "/ListParticipantEvents")
            ++eventReads[body.value(QStringLiteral("participantId")).toString()];
        if (request.path == "/ListParticipantEvents")
            return listPage(
                QStringLiteral("events"),
                list(events.value(body.value(QStringLiteral("participantId")).toString())));
        return awsErrorResponse(404, "UnknownOperationException", QStringLiteral("no"));
    }

    const ManualMonitorTime &m_time;
};

// A monitor on a FakeStage (or another server), on the manual clock.
struct MonitorRig {
    explicit MonitorRig(workspace::RequestRate rate = {1000.0, 1000})
        : stage(time)
    {
        if (!stage.endpoint.start())
            qFatal("no loopback server");
        connect(stage.endpoint.url(), rate);
        stage.sessions = {session(QStringLiteral("s1"), 0)};
    }

    void connect(const QUrl &url, workspace::RequestRate rate,
                 const aws::Credentials &credentials = {QStringLiteral("AKIDMONITOR"),
                                                        QStringLiteral("secret"),
                                                        {},
                                                        {}},
                 const QString &arn = kMonitorArn)
    {
        monitor.reset();
        client = std::make_unique<SingleAttemptClient>(url, credentials);
        budget = std::make_unique<workspace::RequestBudget>(time, rate);
        monitor = std::make_unique<workspace::LiveMonitor>(
            *client->client, *ivs::StageArn::parse(arn), &time, budget.get());
        time.setSettle([this] { settle(); });
    }

    // Runs the event loop until the client has nothing under way, like waitUntilIdle() but
    // without its 10 ms naps: thousands of polls run here. Waits for events, never for time.
    void settle()
    {
        const QNetworkAccessManager &network = *client->client->network();
        const auto busy = [&network] {
            const auto replies = network.findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
            return std::any_of(replies.cbegin(), replies.cend(),
                               [](const QNetworkReply *reply) { return !reply->isFinished(); });
        };
        QTimer watchdog; // wakes the loop now and then, so a wait can always end
        watchdog.start(100);
        const QDeadlineTimer deadline(30000);
        for (;;) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            if (!busy()) {
                // What the last answers posted (a credentials answer, a queued step) has run.
                QCoreApplication::processEvents(QEventLoop::AllEvents);
                if (!busy())
                    return;
            }
            if (deadline.hasExpired())
                qFatal("the client never settled");
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
    }

    // Every event announced so far, in the order announced.
    QList<workspace::MonitorEvent> announced(const QSignalSpy &spy) const
    {
        QList<workspace::MonitorEvent> all;
        for (const QList<QVariant> &arguments : spy)
            all += arguments.at(0).value<QList<workspace::MonitorEvent>>();
        return all;
    }

    ManualMonitorTime time;
    FakeStage stage;
    std::unique_ptr<SingleAttemptClient> client;
    std::unique_ptr<workspace::RequestBudget> budget;
    std::unique_ptr<workspace::LiveMonitor> monitor;
};

} // namespace testsupport
