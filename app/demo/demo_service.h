#pragma once

#include "demo/demo_buckets.h"
#include "demo/demo_live_show.h"
#include "demo/demo_sessions.h"
#include "net/loopback_http_server.h"

#include <functional>
#include <optional>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace demo {

// The Amazon IVS Real-Time operations the demo endpoint answers, over in-memory sample data,
// with AWS's validation rules and error shapes. Signature checks happen before, in DemoEndpoint.
class DemoService {
public:
    DemoService();

    QStringList stageArns() const { return m_stages.keys(); }

    // The town-hall show (LiveShow) runs from `origin` on the time `clock` gives; by default from
    // when the service was made, on the wall clock. Tests move it by hand.
    void setLiveShowClock(const QDateTime &origin, std::function<QDateTime()> clock);
    const LiveShow &liveShow() const { return m_liveShow; }

    net::HttpResponse getStage(const QByteArray &body, const QString &region);
    net::HttpResponse listStages(const QByteArray &body, const QString &region);
    net::HttpResponse getStorageConfiguration(const QByteArray &body, const QString &region);
    net::HttpResponse listStageSessions(const QByteArray &body, const QString &region);
    net::HttpResponse listParticipants(const QByteArray &body, const QString &region);
    net::HttpResponse getParticipant(const QByteArray &body, const QString &region);
    net::HttpResponse listParticipantEvents(const QByteArray &body, const QString &region);
    net::HttpResponse createParticipantToken(const QByteArray &body, const QString &region);
    net::HttpResponse listIngestConfigurations(const QByteArray &body, const QString &region);
    net::HttpResponse getIngestConfiguration(const QByteArray &body, const QString &region);
    net::HttpResponse updateStage(const QByteArray &body, const QString &region);
    net::HttpResponse tagResource(const QString &resourceArn, const QByteArray &body,
                                  const QString &region);
    net::HttpResponse untagResource(const QString &resourceArn, const QStringList &keys,
                                    const QString &region);
    net::HttpResponse listStorageConfigurations(const QString &region) const;
    net::HttpResponse disconnectParticipant(const QByteArray &body, const QString &region);
    // Path-style S3 for the storage configurations' buckets (DemoBuckets), made at the first
    // request: their thumbnails are pictures encoded then.
    net::HttpResponse s3(const net::HttpRequest &request, const QString &region);

private:
    // The stage named by `arnText` in `region`, or an error response in `failure`.
    QJsonObject *findStage(const QString &arnText, const QString &region,
                           net::HttpResponse *failure);

    // The participants of `sessionId` on the stage named in `request`, or an error response.
    const QList<QJsonObject> *sessionParticipants(const QJsonObject &request, const QString &region,
                                                  net::HttpResponse *failure);

    // Brings the town hall's stage and sessions to what the show has reached now.
    void syncLiveShow();

    QMap<QString, QJsonObject> m_stages; // by ARN
    QList<QJsonObject> m_storageConfigurations;
    DemoSessions m_sessions;
    std::optional<DemoBuckets> m_buckets;
    QList<QJsonObject> m_ingestConfigurations;
    LiveShow m_liveShow;
    std::function<QDateTime()> m_showClock;
};

net::HttpResponse awsError(int status, const QByteArray &errorType, const QString &message);

} // namespace demo
