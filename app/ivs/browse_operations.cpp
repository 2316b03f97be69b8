#include "ivs/browse_operations.h"

#include "ivs/ivs_client.h"
#include "ivs/paging.h"
#include "ivs/stage_arn.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace ivs {

namespace {

QDateTime timestamp(const QJsonValue &value)
{
    // restJson1 timestamps are ISO 8601 strings; tolerate epoch seconds too.
    if (value.isDouble())
        return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(value.toDouble()),
                                             QTimeZone::utc());
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

ParticipantSummary participantFrom(const QJsonObject &object)
{
    ParticipantSummary participant;
    participant.participantId = object.value(QStringLiteral("participantId")).toString();
    participant.userId = object.value(QStringLiteral("userId")).toString();
    participant.state = object.value(QStringLiteral("state")).toString();
    participant.published = object.value(QStringLiteral("published")).toBool();
    participant.recordingState = object.value(QStringLiteral("recordingState")).toString();
    participant.replicationType = object.value(QStringLiteral("replicationType")).toString();
    participant.firstJoinTime = timestamp(object.value(QStringLiteral("firstJoinTime")));
    participant.protocol = object.value(QStringLiteral("protocol")).toString();
    participant.recordingS3BucketName =
        object.value(QStringLiteral("recordingS3BucketName")).toString();
    participant.recordingS3Prefix = object.value(QStringLiteral("recordingS3Prefix")).toString();
    return participant;
}

QJsonObject sessionRequest(const StageArn &stage, const QString &sessionId)
{
    return {{QStringLiteral("stageArn"), stage.text()}, {QStringLiteral("sessionId"), sessionId}};
}

} // namespace

void listAllStages(IvsClient &client, const QString &region, QObject *context,
                   std::function<void(const StageListResult &)> done,
                   std::shared_ptr<PagingBudget> budget)
{
    fetchAllPages(
        client, region, QStringLiteral("ListStages"), {{QStringLiteral("maxResults"), 100}},
        QStringLiteral("stages"), context,
        [done = std::move(done)](const PagedResult &paged) {
            StageListResult result;
            result.error = paged.error;
            int withoutArn = 0;
            for (const QJsonValue &item : paged.items) {
                const QJsonObject object = item.toObject();
                StageSummary stage;
                stage.arn = object.value(QStringLiteral("arn")).toString();
                if (stage.arn.isEmpty()) {
                    ++withoutArn; // cannot be looked up: left out, and said so below
                    continue;
                }
                stage.name = object.value(QStringLiteral("name")).toString();
                stage.activeSessionId = object.value(QStringLiteral("activeSessionId")).toString();
                const QJsonObject tags = object.value(QStringLiteral("tags")).toObject();
                for (auto it = tags.begin(); it != tags.end(); ++it)
                    stage.tags.insert(it.key(), it.value().toString());
                result.stages.append(stage);
            }
            if (withoutArn > 0 && !result.error)
                result.error = unexpectedResponse(
                    200, QByteArray(),
                    withoutArn == 1
                        ? QCoreApplication::translate(
                              "ivs::Browse", "1 stage in the answer had no ARN and was left out.")
                        : QCoreApplication::translate(
                              "ivs::Browse",
                              "%1 stages in the answer had no ARN and were left out.")
                              .arg(withoutArn));
            done(result);
        },
        kMaxPages, std::move(budget));
}

void listStorageConfigurations(IvsClient &client, const QString &region, QObject *context,
                               std::function<void(const ListStorageConfigurationsResult &)> done)
{
    fetchAllPages(client, region, QStringLiteral("ListStorageConfigurations"),
                  {{QStringLiteral("maxResults"), 50}}, QStringLiteral("storageConfigurations"),
                  context, [done = std::move(done)](const PagedResult &paged) {
                      ListStorageConfigurationsResult result;
                      result.error = paged.error;
                      for (const QJsonValue &item : paged.items) {
                          const QJsonObject object = item.toObject();
                          result.configurations.append(
                              {object.value(QStringLiteral("arn")).toString(),
                               object.value(QStringLiteral("name")).toString(),
                               object.value(QStringLiteral("s3"))
                                   .toObject()
                                   .value(QStringLiteral("bucketName"))
                                   .toString()});
                      }
                      done(result);
                  });
}

void getStorageConfiguration(IvsClient &client, const QString &storageArn, QObject *context,
                             std::function<void(const StorageLookup &)> done)
{
    const QString region = storageArn.section(QLatin1Char(':'), 3, 3);
    client.postJson(
        region, QStringLiteral("GetStorageConfiguration"),
        QJsonDocument(QJsonObject{{QStringLiteral("arn"), storageArn}})
            .toJson(QJsonDocument::Compact),
        context, [done = std::move(done)](const JsonCallResult &call) {
            StorageLookup lookup;
            if (call.error) {
                lookup.error = call.error;
                // The generic summary speaks of a stage; this is about storage.
                if (call.error->category == ErrorCategory::NotFound) {
                    lookup.error->summary = QCoreApplication::translate(
                        "ivs::Browse", "Storage configuration not found");
                    lookup.error->nextStep = QCoreApplication::translate(
                        "ivs::Browse", "Check the ARN, or create a storage configuration in the "
                                       "stage's region.");
                }
                return done(lookup);
            }
            const QJsonObject object = QJsonDocument::fromJson(call.body)
                                           .object()
                                           .value(QStringLiteral("storageConfiguration"))
                                           .toObject();
            if (object.value(QStringLiteral("arn")).toString().isEmpty()) {
                lookup.error = unexpectedResponse(
                    call.httpStatus, call.contentType,
                    QCoreApplication::translate("ivs::Browse",
                                                "The answer has no storage configuration."));
                return done(lookup);
            }
            lookup.configuration =
                StorageConfiguration{object.value(QStringLiteral("arn")).toString(),
                                     object.value(QStringLiteral("name")).toString(),
                                     object.value(QStringLiteral("s3"))
                                         .toObject()
                                         .value(QStringLiteral("bucketName"))
                                         .toString()};
            done(lookup);
        });
}

void listStageSessions(IvsClient &client, const StageArn &stage, QObject *context,
                       std::function<void(const SessionsResult &)> done)
{
    fetchAllPages(
        client, stage.region(), QStringLiteral("ListStageSessions"),
        {{QStringLiteral("stageArn"), stage.text()}, {QStringLiteral("maxResults"), 100}},
        QStringLiteral("stageSessions"), context,
        [done = std::move(done)](const PagedResult &paged) {
            SessionsResult result;
            result.error = paged.error;
            for (const QJsonValue &item : paged.items) {
                const QJsonObject object = item.toObject();
                result.sessions.append({object.value(QStringLiteral("sessionId")).toString(),
                                        timestamp(object.value(QStringLiteral("startTime"))),
                                        timestamp(object.value(QStringLiteral("endTime")))});
            }
            std::stable_sort(result.sessions.begin(), result.sessions.end(),
                             [](const StageSessionSummary &a, const StageSessionSummary &b) {
                                 if (a.isActive() != b.isActive())
                                     return a.isActive();
                                 return a.startTime > b.startTime;
                             });
            done(result);
        });
}

void listParticipants(IvsClient &client, const StageArn &stage, const QString &sessionId,
                      QObject *context, std::function<void(const ParticipantsResult &)> done)
{
    QJsonObject request = sessionRequest(stage, sessionId);
    request.insert(QStringLiteral("maxResults"), 100);
    fetchAllPages(client, stage.region(), QStringLiteral("ListParticipants"), request,
                  QStringLiteral("participants"), context,
                  [done = std::move(done)](const PagedResult &paged) {
                      ParticipantsResult result;
                      result.error = paged.error;
                      for (const QJsonValue &item : paged.items)
                          result.participants.append(participantFrom(item.toObject()));
                      done(result);
                  });
}

void getParticipant(IvsClient &client, const StageArn &stage, const QString &sessionId,
                    const QString &participantId, QObject *context,
                    std::function<void(const ParticipantResult &)> done)
{
    QJsonObject request = sessionRequest(stage, sessionId);
    request.insert(QStringLiteral("participantId"), participantId);
    client.postJson(
        stage.region(), QStringLiteral("GetParticipant"),
        QJsonDocument(request).toJson(QJsonDocument::Compact), context,
        [done = std::move(done)](const JsonCallResult &call) {
            ParticipantResult result;
            if (call.error) {
                result.error = call.error;
                return done(result);
            }
            const QJsonObject object = QJsonDocument::fromJson(call.body)
                                           .object()
                                           .value(QStringLiteral("participant"))
                                           .toObject();
            if (object.isEmpty())
                result.error = unexpectedResponse(
                    call.httpStatus, call.contentType,
                    QCoreApplication::translate("ivs::Browse", "The answer has no participant."));
            else
                result.participant = participantFrom(object);
            done(result);
        });
}

void listParticipantEvents(IvsClient &client, const StageArn &stage, const QString &sessionId,
                           const QString &participantId, QObject *context,
                           std::function<void(const EventsResult &)> done)
{
    QJsonObject request = sessionRequest(stage, sessionId);
    request.insert(QStringLiteral("participantId"), participantId);
    request.insert(QStringLiteral("maxResults"), 100);
    fetchAllPages(client, stage.region(), QStringLiteral("ListParticipantEvents"), request,
                  QStringLiteral("events"), context,
                  [done = std::move(done)](const PagedResult &paged) {
                      EventsResult result;
                      result.error = paged.error;
                      for (const QJsonValue &item : paged.items) {
                          const QJsonObject object = item.toObject();
                          result.events.append(
                              {object.value(QStringLiteral("name")).toString(),
                               timestamp(object.value(QStringLiteral("eventTime"))),
                               object.value(QStringLiteral("errorCode")).toString(),
                               object.value(QStringLiteral("remoteParticipantId")).toString()});
                      }
                      std::stable_sort(result.events.begin(), result.events.end(),
                                       [](const ParticipantEvent &a, const ParticipantEvent &b) {
                                           return a.eventTime < b.eventTime;
                                       });
                      done(result);
                  });
}

} // namespace ivs
