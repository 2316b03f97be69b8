#pragma once

#include "aws/credential_provider.h"
#include "aws/endpoint_config.h"
#include "ivs/service_error.h"
#include "ivs/stage.h"
#include "ivs/stage_summary.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QObject>

class QNetworkAccessManager;

namespace ivs {

class StageArn;

struct GetStageResult {
    std::optional<Stage> stage;
    std::optional<ServiceError> error;
    bool ok() const { return stage.has_value(); }
};

struct ListStagesResult {
    std::optional<StagePage> page;
    std::optional<ServiceError> error;
};

struct JsonCallResult {
    int httpStatus = 0;
    QByteArray body;
    std::optional<ServiceError> error;
};

// Amazon IVS Real-Time over HTTPS, signed with SigV4 (signing name "ivs"). One method per
// operation; every result arrives through a callback bound to a context object, and never arrives
// after that object is destroyed (destroying it also aborts the request).
class IvsClient final : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    IvsClient(QNetworkAccessManager *network, aws::CredentialProvider *credentials,
              aws::EndpointConfig endpoint, QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    const aws::EndpointConfig &endpointConfig() const { return m_endpoint; }
    void setEndpointConfig(aws::EndpointConfig endpoint) { m_endpoint = std::move(endpoint); }
    aws::CredentialProvider *credentialProvider() const { return m_credentials; }
    // Requests already under way keep the provider they started with.
    void setCredentialProvider(aws::CredentialProvider *provider) { m_credentials = provider; }

    // `region` overrides the ARN's own region when not empty.
    void getStage(const StageArn &arn, const QString &region, QObject *context,
                  std::function<void(const GetStageResult &)> done);

    void listStages(const QString &region, int maxResults, const QString &nextToken,
                    QObject *context, std::function<void(const ListStagesResult &)> done);

    // POST <base>/<operation> with a JSON body, for operations in `region`.
    void postJson(const QString &region, const QString &operation, const QByteArray &body,
                  QObject *context, std::function<void(const JsonCallResult &)> done);

private:
    void send(const QString &region, const QByteArray &path, const QByteArray &body,
              const aws::Credentials &credentials, QObject *context,
              std::function<void(const JsonCallResult &)> done);

    QNetworkAccessManager *m_network;
    aws::CredentialProvider *m_credentials;
    aws::EndpointConfig m_endpoint;
    Clock m_clock;
    int m_transferTimeoutMs = 30000;
};

} // namespace ivs
