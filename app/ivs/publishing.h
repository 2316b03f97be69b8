#pragma once

#include "ivs/service_error.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

class QDebug;

namespace ivs {

class IvsClient;
class StageArn;

// What CreateParticipantToken is asked for. Limits are the service's: 1–20160 minutes
// (default 720), user id at most 128 characters, capabilities PUBLISH and/or SUBSCRIBE.
struct TokenRequest {
    QString userId;
    int durationMinutes = 720;
    QStringList capabilities{QStringLiteral("PUBLISH"), QStringLiteral("SUBSCRIBE")};
    QMap<QString, QString> attributes;

    static constexpr int kMinMinutes = 1;
    static constexpr int kMaxMinutes = 20160;
    // Empty when the request may be sent; otherwise why not.
    QString problem() const;
};

// A participant token: a secret. Its QDebug output never shows the token itself.
struct ParticipantToken {
    QString participantId;
    QString token;
    QString userId;
    QDateTime expirationTime;
    QStringList capabilities;
};

struct IngestConfiguration {
    QString arn;
    QString name;
    QString protocol; // RTMP | RTMPS
    QString state;    // ACTIVE | INACTIVE
    QString userId;
    QString participantId;
    QString stageArn;
    QString streamKey;                  // only from GetIngestConfiguration; a secret
    std::optional<bool> insecureIngest; // when the service says
};

struct TokenResult {
    std::optional<ParticipantToken> token;
    std::optional<ServiceError> error;
};

struct IngestListResult {
    QList<IngestConfiguration> configurations;
    std::optional<ServiceError> error;
};

struct IngestResult {
    std::optional<IngestConfiguration> configuration;
    std::optional<ServiceError> error;
};

void createParticipantToken(IvsClient &client, const StageArn &stage, const TokenRequest &request,
                            QObject *context, std::function<void(const TokenResult &)> done);
// The ingest configurations associated with `stage` (every page).
void listIngestConfigurations(IvsClient &client, const StageArn &stage, QObject *context,
                              std::function<void(const IngestListResult &)> done);
void getIngestConfiguration(IvsClient &client, const QString &ingestArn, QObject *context,
                            std::function<void(const IngestResult &)> done);

} // namespace ivs

QDebug operator<<(QDebug debug, const ivs::ParticipantToken &token);
QDebug operator<<(QDebug debug, const ivs::IngestConfiguration &configuration);
