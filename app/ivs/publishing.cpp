#include "ivs/publishing.h"

#include "ivs/ivs_client.h"
#include "ivs/paging.h"
#include "ivs/stage_arn.h"

#include <QCoreApplication>
#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::Publishing)
};

IngestConfiguration ingestFrom(const QJsonObject &object)
{
    IngestConfiguration configuration;
    configuration.arn = object.value(QStringLiteral("arn")).toString();
    configuration.name = object.value(QStringLiteral("name")).toString();
    configuration.protocol = object.value(QStringLiteral("ingestProtocol")).toString();
    configuration.state = object.value(QStringLiteral("state")).toString();
    configuration.userId = object.value(QStringLiteral("userId")).toString();
    configuration.participantId = object.value(QStringLiteral("participantId")).toString();
    configuration.stageArn = object.value(QStringLiteral("stageArn")).toString();
    configuration.streamKey = object.value(QStringLiteral("streamKey")).toString();
    if (object.value(QStringLiteral("insecureIngest")).isBool())
        configuration.insecureIngest = object.value(QStringLiteral("insecureIngest")).toBool();
    return configuration;
}

} // namespace

QString TokenRequest::problem() const
{
    if (durationMinutes < kMinMinutes || durationMinutes > kMaxMinutes)
        return Text::tr("The token lifetime must be from 1 minute to 14 days (20160 minutes); %1 "
                        "minutes was asked for.")
            .arg(durationMinutes);
    if (userId.size() > 128)
        return Text::tr("The user id has at most 128 characters; this one has %1.")
            .arg(userId.size());
    if (capabilities.isEmpty())
        return Text::tr("A token needs at least one capability: PUBLISH or SUBSCRIBE.");
    for (const QString &capability : capabilities) {
        if (capability != QLatin1String("PUBLISH") && capability != QLatin1String("SUBSCRIBE"))
            return Text::tr("\"%1\" is not a capability: use PUBLISH or SUBSCRIBE.")
                .arg(capability);
    }
    return {};
}

void createParticipantToken(IvsClient &client, const StageArn &stage, const TokenRequest &request,
                            QObject *context, std::function<void(const TokenResult &)> done)
{
    QJsonObject body{
        {QStringLiteral("stageArn"), stage.text()},
        {QStringLiteral("duration"), request.durationMinutes},
        {QStringLiteral("capabilities"), QJsonArray::fromStringList(request.capabilities)}};
    if (!request.userId.isEmpty())
        body.insert(QStringLiteral("userId"), request.userId);
    if (!request.attributes.isEmpty()) {
        QJsonObject attributes;
        for (auto it = request.attributes.begin(); it != request.attributes.end(); ++it)
            attributes.insert(it.key(), it.value());
        body.insert(QStringLiteral("attributes"), attributes);
    }
    client.postJson(
        stage.region(), QStringLiteral("CreateParticipantToken"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), context,
        [done = std::move(done)](const JsonCallResult &call) {
            TokenResult result;
            if (call.error) {
                result.error = call.error;
                return done(result);
            }
            const QJsonObject object = QJsonDocument::fromJson(call.body)
                                           .object()
                                           .value(QStringLiteral("participantToken"))
                                           .toObject();
            const QString token = object.value(QStringLiteral("token")).toString();
            if (token.isEmpty()) {
                result.error = unexpectedResponse(call.httpStatus, call.contentType,
                                                  Text::tr("The answer has no participant token."));
                return done(result);
            }
            ParticipantToken participant;
            participant.participantId = object.value(QStringLiteral("participantId")).toString();
            participant.token = token;
            participant.userId = object.value(QStringLiteral("userId")).toString();
            participant.expirationTime = QDateTime::fromString(
                object.value(QStringLiteral("expirationTime")).toString(), Qt::ISODateWithMs);
            const QJsonArray capabilities = object.value(QStringLiteral("capabilities")).toArray();
            for (const QJsonValue &capability : capabilities)
                participant.capabilities.append(capability.toString());
            result.token = participant;
            done(result);
        });
}

void listIngestConfigurations(IvsClient &client, const StageArn &stage, QObject *context,
                              std::function<void(const IngestListResult &)> done)
{
    fetchAllPages(
        client, stage.region(), QStringLiteral("ListIngestConfigurations"),
        {{QStringLiteral("filterByStageArn"), stage.text()}, {QStringLiteral("maxResults"), 100}},
        QStringLiteral("ingestConfigurations"), context,
        [done = std::move(done)](const PagedResult &paged) {
            IngestListResult result;
            result.error = paged.error;
            for (const QJsonValue &item : paged.items)
                result.configurations.append(ingestFrom(item.toObject()));
            done(result);
        });
}

void getIngestConfiguration(IvsClient &client, const QString &ingestArn, QObject *context,
                            std::function<void(const IngestResult &)> done)
{
    client.postJson(
        ingestArn.section(QLatin1Char(':'), 3, 3), QStringLiteral("GetIngestConfiguration"),
        QJsonDocument(QJsonObject{{QStringLiteral("arn"), ingestArn}})
            .toJson(QJsonDocument::Compact),
        context, [done = std::move(done)](const JsonCallResult &call) {
            IngestResult result;
            if (call.error) {
                result.error = call.error;
                return done(result);
            }
            const QJsonObject object = QJsonDocument::fromJson(call.body)
                                           .object()
                                           .value(QStringLiteral("ingestConfiguration"))
                                           .toObject();
            if (object.value(QStringLiteral("arn")).toString().isEmpty())
                result.error =
                    unexpectedResponse(call.httpStatus, call.contentType,
                                       Text::tr("The answer has no ingest configuration."));
            else
                result.configuration = ingestFrom(object);
            done(result);
        });
}

} // namespace ivs

QDebug operator<<(QDebug debug, const ivs::ParticipantToken &token)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "ParticipantToken(" << token.participantId << ", user " << token.userId
                    << ", expires " << token.expirationTime << ", token=<redacted>)";
    return debug;
}

QDebug operator<<(QDebug debug, const ivs::IngestConfiguration &configuration)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "IngestConfiguration(" << configuration.arn << ", " << configuration.protocol
                    << ", streamKey=<redacted>)";
    return debug;
}
