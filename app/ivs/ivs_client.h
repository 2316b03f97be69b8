#pragma once

#include "aws/credential_provider.h"
#include "aws/endpoint_config.h"
#include "ivs/retry_policy.h"
#include "ivs/service_error.h"
#include "ivs/stage.h"
#include "ivs/stage_summary.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>

class QNetworkAccessManager;

namespace ivs {

class StageArn;

struct GetStageResult {
    std::optional<Stage> stage;
    std::optional<ServiceError> error;
    // Set when the answer is about another stage than the one asked for (another account,
    // region or id): a sentence to show beside the stage, which is still delivered.
    QString mismatch;
    bool ok() const { return stage.has_value(); }
};

struct ListStagesResult {
    std::optional<StagePage> page;
    std::optional<ServiceError> error;
};

struct JsonCallResult {
    int httpStatus = 0;
    QByteArray body;
    QByteArray contentType;
    int attempts = 0;
    std::optional<ServiceError> error;
};

// Amazon IVS Real-Time over HTTPS, signed with SigV4 (signing name "ivs"). One method per
// single-request operation (List operations page through ivs::fetchAllPages); every result arrives
// through a callback bound to a context object, and never arrives after that object is destroyed
// (destroying it also aborts the request).
//
// Calls are retried like the AWS SDKs' standard mode, and a request refused because this
// computer's clock is off is re-signed once with the server's time (the offset is then kept).
class IvsClient final : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    // Runs `then` after `milliseconds`, unless `context` is gone by then. Tests replace it so
    // that backoff costs no real time.
    using DelayScheduler =
        std::function<void(int milliseconds, QObject *context, std::function<void()> then)>;

    IvsClient(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
              aws::EndpointConfig endpoint, QObject *parent = nullptr);
    ~IvsClient() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setTransferTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int transferTimeout() const { return m_timeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setDelayScheduler(DelayScheduler scheduler) { m_scheduler = std::move(scheduler); }
    void setRandomSource(std::function<double()> random01) { m_random = std::move(random01); }
    // Seconds added to the local clock when signing; learnt from a clock-skew refusal.
    qint64 clockOffset() const { return m_clockOffsetSeconds; }

    // Every request goes through this manager; tests wait on it until nothing is under way.
    QNetworkAccessManager *network() const { return m_network; }

    const aws::EndpointConfig &endpointConfig() const { return m_endpoint; }
    void setEndpointConfig(aws::EndpointConfig endpoint) { m_endpoint = std::move(endpoint); }
    aws::CredentialProvider *credentialProvider() const { return m_credentials; }
    // Requests already under way keep the credentials and the endpoint they started with.
    void setCredentialProvider(aws::CredentialProvider *provider) { m_credentials = provider; }

    // `region` overrides the ARN's own region when not empty.
    void getStage(const StageArn &arn, const QString &region, QObject *context,
                  std::function<void(const GetStageResult &)> done);

    // The first page of ListStages only, to see that a connection works; every page comes from
    // ivs::listAllStages, which pages through ivs::fetchAllPages.
    void listStages(const QString &region, int maxResults, QObject *context,
                    std::function<void(const ListStagesResult &)> done);

    // UpdateStage with `body` ({"arn", "name"?, "autoParticipantRecordingConfiguration"?}); the
    // answer is the updated stage.
    void updateStage(const StageArn &arn, const QJsonObject &body, QObject *context,
                     std::function<void(const GetStageResult &)> done);
    void tagResource(const StageArn &arn, const QMap<QString, QString> &tags, QObject *context,
                     std::function<void(const JsonCallResult &)> done);
    void untagResource(const StageArn &arn, const QStringList &tagKeys, QObject *context,
                       std::function<void(const JsonCallResult &)> done);
    // POST <base>/<operation> with a JSON body, for operations in `region`.
    void postJson(const QString &region, const QString &operation, const QByteArray &body,
                  QObject *context, std::function<void(const JsonCallResult &)> done);

    // Any operation: `path` and `query` percent-encoded, `body` JSON (empty for none).
    void send(const QString &region, const QByteArray &method, const QByteArray &path,
              const QByteArray &query, const QByteArray &body, QObject *context,
              std::function<void(const JsonCallResult &)> done);

signals:
    // A call is about to be tried again: "Too many requests (…): retrying in 0.4 s (attempt 2 of
    // 3)."
    void retrying(const QString &notice);
    void clockSkewCorrected(qint64 offsetSeconds, const QString &notice);
    // One line per request sent, for --verbose: method, URL, region, credentials (masked).
    void requestSent(const QString &summary);

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void handleOutcome(const std::shared_ptr<Call> &call, JsonCallResult result,
                       const QByteArray &dateHeader);

    QNetworkAccessManager *m_network;
    aws::CredentialProvider *m_credentials;
    aws::EndpointConfig m_endpoint;
    Clock m_clock;
    DelayScheduler m_scheduler;
    std::function<double()> m_random;
    RetryPolicy m_retryPolicy;
    int m_timeoutMs = 30000;
    qint64 m_maxResponseBytes = 8 * 1024 * 1024;
    qint64 m_clockOffsetSeconds = 0;
};

} // namespace ivs
