#include "demo/demo_service.h"

#include "demo/demo_stages.h"
#include "ivs/stage.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_rules.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace demo {

namespace {

const QString kRecordingKey = QStringLiteral("autoParticipantRecordingConfiguration");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

net::HttpResponse validationError(const QString &message)
{
    return awsError(400, "ValidationException", message);
}

std::optional<QJsonObject> jsonBody(const QByteArray &body, net::HttpResponse *failure)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *failure = validationError(QStringLiteral("Request body is not valid JSON."));
        return std::nullopt;
    }
    return document.object();
}

QString recordingProblem(const QJsonObject &recording)
{
    QString problem;
    if (!ivs::Stage::fromJson(
            QJsonObject{{QStringLiteral("arn"), QStringLiteral("x")}, {kRecordingKey, recording}},
            &problem))
        return problem;
    const QStringList paths = ivs::editablePaths();
    for (const QString &path : paths) {
        if (!path.startsWith(kRecordingKey))
            continue;
        QJsonValue value = recording;
        for (const QString &key : path.mid(kRecordingKey.size() + 1).split(QLatin1Char('.')))
            value = value.toObject().value(key);
        if (value.isUndefined())
            continue;
        problem = ivs::valueProblem(*ivs::ruleForPath(path), value);
        if (!problem.isEmpty())
            return QStringLiteral("%1: %2").arg(path, problem);
    }
    return {};
}

// One page of `all`, as the service pages: maxResults per page, an opaque nextToken.
net::HttpResponse pagedAnswer(const QString &listKey, const QJsonArray &all,
                              const QJsonObject &request)
{
    const int maxResults =
        std::clamp(request.value(QStringLiteral("maxResults")).toInt(50), 1, 100);
    const QString token = request.value(QStringLiteral("nextToken")).toString();
    int offset = 0;
    if (!token.isEmpty()) {
        bool ok = false;
        if (token.startsWith(QLatin1String("page-")))
            offset = token.mid(5).toInt(&ok);
        if (!ok || offset < 0)
            return validationError(QStringLiteral("The nextToken is not valid."));
    }
    QJsonArray page;
    for (int i = offset; i < all.size() && page.size() < maxResults; ++i)
        page.append(all.at(i));
    QJsonObject answer{{listKey, page}};
    if (offset + page.size() < all.size())
        answer.insert(QStringLiteral("nextToken"),
                      QStringLiteral("page-%1").arg(offset + page.size()));
    return net::HttpResponse::json(200, compact(answer));
}

// Get* of a resource named by "arn": found only in its own region, as the service does.
net::HttpResponse resourceByArn(const QByteArray &body, const QString &region,
                                const QList<QJsonObject> &resources, const QString &resultKey)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QString arn = request->value(QStringLiteral("arn")).toString();
    for (const QJsonObject &resource : resources) {
        if (resource.value(QStringLiteral("arn")).toString() == arn &&
            arn.section(QLatin1Char(':'), 3, 3) == region)
            return net::HttpResponse::json(200, compact(QJsonObject{{resultKey, resource}}));
    }
    return awsError(404, "ResourceNotFoundException",
                    QStringLiteral("Resource: %1 not found").arg(arn));
}

} // namespace

net::HttpResponse awsError(int status, const QByteArray &errorType, const QString &message)
{
    return net::HttpResponse::json(status,
                                   compact(QJsonObject{{QStringLiteral("message"), message}}),
                                   {{"x-amzn-ErrorType", errorType}});
}

DemoService::DemoService()
{
    const QList<QJsonObject> stages = sampleStages();
    for (const QJsonObject &stage : stages)
        m_stages.insert(stage.value(QStringLiteral("arn")).toString(), stage);
    m_storageConfigurations = sampleStorageConfigurations();
    m_sessions = DemoSessions::sample(QDateTime::currentDateTimeUtc());
    m_ingestConfigurations = sampleIngestConfigurations();
    m_showClock = [] { return QDateTime::currentDateTimeUtc(); };
}

net::HttpResponse DemoService::createParticipantToken(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    if (!findStage(request->value(QStringLiteral("stageArn")).toString(), region, &failure))
        return failure;
    const int duration = request->value(QStringLiteral("duration")).toInt(720);
    if (duration < 1 || duration > 20160)
        return validationError(QStringLiteral("duration must be between 1 and 20160."));
    const QString userId = request->value(QStringLiteral("userId")).toString();
    if (userId.size() > 128)
        return validationError(QStringLiteral("userId must be at most 128 characters."));
    QJsonArray capabilities = request->value(QStringLiteral("capabilities")).toArray();
    if (capabilities.isEmpty())
        capabilities = {QStringLiteral("PUBLISH"), QStringLiteral("SUBSCRIBE")};
    for (const QJsonValue &capability : std::as_const(capabilities)) {
        if (capability != QJsonValue(QStringLiteral("PUBLISH")) &&
            capability != QJsonValue(QStringLiteral("SUBSCRIBE")))
            return validationError(QStringLiteral("capabilities may hold PUBLISH and SUBSCRIBE."));
    }
    const QString participantId = QUuid::createUuid().toString(QUuid::Id128).left(12);
    // Shaped like the service's tokens (a JWT), but signed by nothing: it opens no real stage.
    const QString token = QStringLiteral("eyJhbGciOiJLTVMiLCJ0eXAiOiJKV1QifQ.") +
                          QString::fromLatin1(QUuid::createUuid().toRfc4122().toBase64(
                              QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) +
                          QStringLiteral(".demo");
    QJsonObject participantToken{
        {QStringLiteral("participantId"), participantId},
        {QStringLiteral("token"), token},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("capabilities"), capabilities},
        {QStringLiteral("duration"), duration},
        {QStringLiteral("expirationTime"),
         QDateTime::currentDateTimeUtc().addSecs(qint64(duration) * 60).toString(Qt::ISODate)},
    };
    if (request->contains(QStringLiteral("attributes")))
        participantToken.insert(QStringLiteral("attributes"),
                                request->value(QStringLiteral("attributes")));
    return net::HttpResponse::json(
        200, compact(QJsonObject{{QStringLiteral("participantToken"), participantToken}}));
}

net::HttpResponse DemoService::listIngestConfigurations(const QByteArray &body,
                                                        const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QString stageFilter = request->value(QStringLiteral("filterByStageArn")).toString();
    QJsonArray summaries;
    for (QJsonObject configuration : std::as_const(m_ingestConfigurations)) {
        if (configuration.value(QStringLiteral("arn")).toString().section(QLatin1Char(':'), 3, 3) !=
            region)
            continue;
        if (!stageFilter.isEmpty() &&
            configuration.value(QStringLiteral("stageArn")).toString() != stageFilter)
            continue;
        configuration.remove(QStringLiteral("streamKey")); // only GetIngestConfiguration has it
        summaries.append(configuration);
    }
    return pagedAnswer(QStringLiteral("ingestConfigurations"), summaries, *request);
}

net::HttpResponse DemoService::getIngestConfiguration(const QByteArray &body, const QString &region)
{
    return resourceByArn(body, region, m_ingestConfigurations,
                         QStringLiteral("ingestConfiguration"));
}

QJsonObject *DemoService::findStage(const QString &arnText, const QString &region,
                                    net::HttpResponse *failure)
{
    const auto arn = ivs::StageArn::parse(arnText);
    if (!arn || arn->text() != arnText) {
        *failure = validationError(
            QStringLiteral("1 validation error detected: Value at 'arn' failed to satisfy "
                           "constraint: Member must satisfy regular expression pattern: "
                           "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stage/[a-zA-Z0-9-]+$"));
        return nullptr;
    }
    auto stage = m_stages.find(arn->text());
    // Like AWS, a stage is only visible from its own region.
    if (stage == m_stages.end() || arn->region() != region) {
        *failure = awsError(404, "ResourceNotFoundException",
                            QStringLiteral("Resource: %1 not found").arg(arn->text()));
        return nullptr;
    }
    return &stage.value();
}

net::HttpResponse DemoService::getStage(const QByteArray &body, const QString &region)
{
    syncLiveShow();
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QJsonValue arn = request->value(QStringLiteral("arn"));
    if (!arn.isString())
        return validationError(QStringLiteral("1 validation error detected: Value null at 'arn' "
                                              "failed to satisfy constraint: Member must not be "
                                              "null"));
    const QJsonObject *stage = findStage(arn.toString(), region, &failure);
    if (!stage)
        return failure;
    return net::HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("stage"), *stage}}));
}

net::HttpResponse DemoService::listStages(const QByteArray &body, const QString &region)
{
    syncLiveShow();
    net::HttpResponse failure;
    const auto request = jsonBody(body.isEmpty() ? QByteArray("{}") : body, &failure);
    if (!request)
        return failure;
    QJsonArray summaries;
    for (const QJsonObject &stage : std::as_const(m_stages)) {
        const auto arn = ivs::StageArn::parse(stage.value(QStringLiteral("arn")).toString());
        if (!arn || arn->region() != region)
            continue;
        QJsonObject summary;
        for (const QString &key : {QStringLiteral("arn"), QStringLiteral("name"),
                                   QStringLiteral("activeSessionId"), QStringLiteral("tags")}) {
            if (stage.contains(key))
                summary.insert(key, stage.value(key));
        }
        summaries.append(summary);
    }
    return pagedAnswer(QStringLiteral("stages"), summaries, *request);
}

net::HttpResponse DemoService::getStorageConfiguration(const QByteArray &body,
                                                       const QString &region)
{
    return resourceByArn(body, region, m_storageConfigurations,
                         QStringLiteral("storageConfiguration"));
}

net::HttpResponse DemoService::listStageSessions(const QByteArray &body, const QString &region)
{
    syncLiveShow();
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QString stageArn = request->value(QStringLiteral("stageArn")).toString();
    if (!findStage(stageArn, region, &failure))
        return failure;
    QJsonArray sessions;
    for (const QJsonObject &session : m_sessions.sessionsByStage.value(stageArn))
        sessions.append(session);
    return pagedAnswer(QStringLiteral("stageSessions"), sessions, *request);
}

const QList<QJsonObject> *DemoService::sessionParticipants(const QJsonObject &request,
                                                           const QString &region,
                                                           net::HttpResponse *failure)
{
    syncLiveShow();
    const QString stageArn = request.value(QStringLiteral("stageArn")).toString();
    if (!findStage(stageArn, region, failure))
        return nullptr;
    const QString sessionId = request.value(QStringLiteral("sessionId")).toString();
    bool known = false;
    for (const QJsonObject &session : m_sessions.sessionsByStage.value(stageArn))
        known = known || session.value(QStringLiteral("sessionId")).toString() == sessionId;
    if (!known) {
        *failure = awsError(404, "ResourceNotFoundException",
                            QStringLiteral("Session %1 not found").arg(sessionId));
        return nullptr;
    }
    static const QList<QJsonObject> none;
    const auto found = m_sessions.participantsBySession.constFind(sessionId);
    return found == m_sessions.participantsBySession.constEnd() ? &none : &found.value();
}

net::HttpResponse DemoService::listParticipants(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QList<QJsonObject> *participants = sessionParticipants(*request, region, &failure);
    if (!participants)
        return failure;
    QJsonArray summaries;
    for (QJsonObject participant : *participants) {
        // Summaries carry no protocol or recording location: GetParticipant has those.
        participant.remove(QStringLiteral("protocol"));
        participant.remove(QStringLiteral("recordingS3BucketName"));
        participant.remove(QStringLiteral("recordingS3Prefix"));
        summaries.append(participant);
    }
    return pagedAnswer(QStringLiteral("participants"), summaries, *request);
}

net::HttpResponse DemoService::getParticipant(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QList<QJsonObject> *participants = sessionParticipants(*request, region, &failure);
    if (!participants)
        return failure;
    const QString id = request->value(QStringLiteral("participantId")).toString();
    for (const QJsonObject &participant : *participants) {
        if (participant.value(QStringLiteral("participantId")).toString() == id)
            return net::HttpResponse::json(
                200, compact(QJsonObject{{QStringLiteral("participant"), participant}}));
    }
    return awsError(404, "ResourceNotFoundException",
                    QStringLiteral("Participant %1 not found").arg(id));
}

net::HttpResponse DemoService::listParticipantEvents(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    if (!sessionParticipants(*request, region, &failure))
        return failure;
    const QString key = request->value(QStringLiteral("sessionId")).toString() + QLatin1Char('/') +
                        request->value(QStringLiteral("participantId")).toString();
    QJsonArray events;
    for (QJsonObject event : m_sessions.eventsByParticipant.value(key)) {
        event.insert(QStringLiteral("participantId"),
                     request->value(QStringLiteral("participantId")));
        events.append(event);
    }
    return pagedAnswer(QStringLiteral("events"), events, *request);
}

net::HttpResponse DemoService::updateStage(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    QJsonObject *stage =
        findStage(request->value(QStringLiteral("arn")).toString(), region, &failure);
    if (!stage)
        return failure;
    if (request->contains(QStringLiteral("name"))) {
        const QString problem = ivs::valueProblem(*ivs::ruleForPath(QStringLiteral("name")),
                                                  request->value(QStringLiteral("name")));
        if (!problem.isEmpty())
            return validationError(QStringLiteral("name: ") + problem);
    }
    if (request->contains(kRecordingKey)) {
        const QJsonObject recording = request->value(kRecordingKey).toObject();
        if (const QString problem = recordingProblem(recording); !problem.isEmpty())
            return validationError(problem);
        // As the service does: the configuration cannot change under an active recording.
        const bool recordingNow =
            !stage->value(QStringLiteral("activeSessionId")).toString().isEmpty() &&
            !stage->value(kRecordingKey)
                 .toObject()
                 .value(QStringLiteral("storageConfigurationArn"))
                 .toString()
                 .isEmpty();
        if (recordingNow)
            return awsError(409, "ConflictException",
                            QStringLiteral("Cannot update the auto participant recording "
                                           "configuration of a stage while it is recording a "
                                           "participant."));
        stage->insert(kRecordingKey, recording);
    }
    if (request->contains(QStringLiteral("name")))
        stage->insert(QStringLiteral("name"), request->value(QStringLiteral("name")));
    return net::HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("stage"), *stage}}));
}

net::HttpResponse DemoService::tagResource(const QString &resourceArn, const QByteArray &body,
                                           const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    QJsonObject *stage = findStage(resourceArn, region, &failure);
    if (!stage)
        return failure;
    QJsonObject tags = stage->value(QStringLiteral("tags")).toObject();
    const QJsonObject added = request->value(QStringLiteral("tags")).toObject();
    for (auto it = added.begin(); it != added.end(); ++it) {
        QString problem = ivs::tagKeyProblem(it.key());
        if (problem.isEmpty())
            problem = ivs::tagValueProblem(it.value().toString());
        if (problem.isEmpty() && !it.value().isString())
            problem = QStringLiteral("Tag values must be strings.");
        if (!problem.isEmpty())
            return validationError(problem);
        tags.insert(it.key(), it.value());
    }
    if (tags.size() > ivs::kMaxTags)
        return awsError(402, "ServiceQuotaExceededException",
                        QStringLiteral("A resource can have at most %1 tags.").arg(ivs::kMaxTags));
    stage->insert(QStringLiteral("tags"), tags);
    return net::HttpResponse::json(200, "{}");
}

net::HttpResponse DemoService::untagResource(const QString &resourceArn, const QStringList &keys,
                                             const QString &region)
{
    net::HttpResponse failure;
    QJsonObject *stage = findStage(resourceArn, region, &failure);
    if (!stage)
        return failure;
    if (keys.isEmpty())
        return validationError(QStringLiteral("tagKeys must list at least one key."));
    QJsonObject tags = stage->value(QStringLiteral("tags")).toObject();
    for (const QString &key : keys)
        tags.remove(key);
    stage->insert(QStringLiteral("tags"), tags);
    return net::HttpResponse::json(200, "{}");
}

net::HttpResponse DemoService::listStorageConfigurations(const QString &region) const
{
    QJsonArray configurations;
    for (const QJsonObject &configuration : m_storageConfigurations) {
        if (configuration.value(QStringLiteral("arn"))
                .toString()
                .contains(QStringLiteral(":ivs:%1:").arg(region)))
            configurations.append(configuration);
    }
    return net::HttpResponse::json(
        200, compact(QJsonObject{{QStringLiteral("storageConfigurations"), configurations}}));
}

void DemoService::setLiveShowClock(const QDateTime &origin, std::function<QDateTime()> clock)
{
    m_liveShow = LiveShow(origin);
    m_showClock = std::move(clock);
}

void DemoService::syncLiveShow()
{
    const QDateTime now = m_showClock();
    const QString stageArn = LiveShow::kStageArn;
    QList<QJsonObject> sessions = m_liveShow.sessions(now);
    for (const QJsonObject &session : std::as_const(sessions)) {
        const QString sessionId = session.value(QStringLiteral("sessionId")).toString();
        const QList<QJsonObject> participants = m_liveShow.participants(sessionId, now);
        m_sessions.participantsBySession.insert(sessionId, participants);
        for (const QJsonObject &participant : participants) {
            const QString participantId =
                participant.value(QStringLiteral("participantId")).toString();
            m_sessions.eventsByParticipant.insert(sessionId + QLatin1Char('/') + participantId,
                                                  m_liveShow.events(sessionId, participantId, now));
        }
    }
    m_sessions.sessionsByStage.insert(stageArn, sessions);
    const auto stage = m_stages.find(stageArn);
    if (stage == m_stages.end())
        return;
    const QString active = m_liveShow.activeSessionId(now);
    if (active.isEmpty())
        stage->remove(QStringLiteral("activeSessionId"));
    else
        stage->insert(QStringLiteral("activeSessionId"), active);
}

net::HttpResponse DemoService::disconnectParticipant(const QByteArray &body, const QString &region)
{
    net::HttpResponse failure;
    const auto request = jsonBody(body, &failure);
    if (!request)
        return failure;
    const QString stageArn = request->value(QStringLiteral("stageArn")).toString();
    QJsonObject *stage = findStage(stageArn, region, &failure);
    if (!stage)
        return failure;
    const QString participantId = request->value(QStringLiteral("participantId")).toString();
    if (participantId.isEmpty())
        return validationError(QStringLiteral("participantId must not be empty."));
    if (request->value(QStringLiteral("reason")).toString().size() > 128)
        return validationError(QStringLiteral("reason must be at most 128 characters."));
    const auto notFound = [&] {
        return awsError(404, "ResourceNotFoundException",
                        QStringLiteral("Participant %1 is not connected to the stage's active "
                                       "session.")
                            .arg(participantId));
    };
    const QDateTime now = m_showClock();
    if (stageArn == LiveShow::kStageArn) {
        if (!m_liveShow.disconnect(participantId, now))
            return notFound();
        syncLiveShow();
        return net::HttpResponse::json(200, QByteArray());
    }
    // The other stages: their sample session in progress, changed in place.
    const QString sessionId = stage->value(QStringLiteral("activeSessionId")).toString();
    auto participants = m_sessions.participantsBySession.find(sessionId);
    if (sessionId.isEmpty() || participants == m_sessions.participantsBySession.end())
        return notFound();
    for (QJsonObject &participant : *participants) {
        if (participant.value(QStringLiteral("participantId")).toString() != participantId ||
            participant.value(QStringLiteral("state")).toString() != QLatin1String("CONNECTED"))
            continue;
        participant.insert(QStringLiteral("state"), QStringLiteral("DISCONNECTED"));
        participant.insert(QStringLiteral("published"), false);
        m_sessions.eventsByParticipant[sessionId + QLatin1Char('/') + participantId].append(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("LEFT")},
                        {QStringLiteral("eventTime"), now.toUTC().toString(Qt::ISODateWithMs)}});
        return net::HttpResponse::json(200, QByteArray());
    }
    return notFound();
}

net::HttpResponse DemoService::s3(const net::HttpRequest &request, const QString &region)
{
    if (!m_buckets)
        m_buckets = DemoBuckets::sample(m_storageConfigurations, m_sessions);
    return m_buckets->handle(request, region);
}

} // namespace demo
