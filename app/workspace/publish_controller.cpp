#include "workspace/publish_controller.h"

#include "document/stage_document.h"
#include "ivs/encoder_settings.h"
#include "ivs/ivs_client.h"
#include "ivs/publishing.h"
#include "ivs/stage_arn.h"
#include "ivs/token_attributes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace workspace {

static_assert(PublishController::kMinLifetimeMinutes == ivs::TokenRequest::kMinMinutes);
static_assert(PublishController::kMaxLifetimeMinutes == ivs::TokenRequest::kMaxMinutes);

namespace {

QString noAnswer()
{
    return PublishController::tr("The service gave no answer.");
}

} // namespace

PublishTarget publishTargetOf(const document::StageDocument &document)
{
    if (!document.stage())
        return {};
    const QJsonObject endpoints =
        document.stage()->json().value(QStringLiteral("endpoints")).toObject();
    return {document.arn(), endpoints.value(QStringLiteral("whip")).toString(),
            endpoints.value(QStringLiteral("rtmp")).toString(),
            endpoints.value(QStringLiteral("rtmps")).toString()};
}

PublishController::PublishController(ivs::IvsClient &client, keychain::KeychainStore *obsPasswords,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_obs(new ObsHandoff(obsPasswords, this))
{
    connect(m_obs, &ObsHandoff::busyChanged, this, &PublishController::updateBusy);
    connect(m_obs, &ObsHandoff::progress, this, &PublishController::obsProgress);
    connect(m_obs, &ObsHandoff::sent, this, &PublishController::obsSent);
    connect(m_obs, &ObsHandoff::failed, this, [this](const obs::ObsError &error) {
        emit obsFailed(error.message, error.kind == obs::ObsErrorKind::Streaming);
    });
}

PublishController::~PublishController() = default;

void PublishController::setStage(const QString &arn, const QString &whipEndpoint,
                                 const QString &rtmpEndpoint, const QString &rtmpsEndpoint)
{
    setStage(PublishTarget{arn, whipEndpoint, rtmpEndpoint, rtmpsEndpoint});
}

void PublishController::setStage(const PublishTarget &target)
{
    forgetSecrets();
    m_ingest.clear();
    m_target = target;
    emit stageChanged(m_target.arn);
}

QString PublishController::defaultUserId()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(variable);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // Started from a service manager or a bare shell, the environment may not name the user.
    if (const passwd *account = getpwuid(getuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return {};
}

bool PublishController::isBusy() const
{
    return m_tokenRequest || m_listRequest || m_keyRequest || m_obs->isBusy();
}

std::optional<ivs::TokenRequest> PublishController::tokenRequest(const QString &userId,
                                                                 int lifetimeMinutes,
                                                                 const QString &attributes,
                                                                 QString *problem) const
{
    const auto arn = ivs::StageArn::parse(m_target.arn, problem);
    if (!arn) {
        if (!hasStage())
            *problem = tr("No stage is shown: look a stage up first.");
        return std::nullopt;
    }
    ivs::TokenRequest request;
    request.userId = userId.trimmed();
    request.durationMinutes = lifetimeMinutes;
    request.capabilities = {QStringLiteral("PUBLISH")};
    const auto parsed = ivs::parseTokenAttributes(attributes, problem);
    if (!parsed)
        return std::nullopt;
    request.attributes = *parsed;
    if (*problem = request.problem(); !problem->isEmpty())
        return std::nullopt;
    return request;
}

QString PublishController::createToken(const QString &userId, int lifetimeMinutes,
                                       const QString &attributes)
{
    QString problem;
    const auto request = tokenRequest(userId, lifetimeMinutes, attributes, &problem);
    if (!request)
        return problem;
    m_obs->cancel();
    requestToken(*request, {});
    return {};
}

void PublishController::requestToken(const ivs::TokenRequest &request,
                                     std::function<void(const QString &problem)> after)
{
    // The previous token stays valid at the service, but showing it next to the new request's
    // settings would hand out a token the user did not just ask for.
    m_token.clear();
    m_participantId.clear();
    m_tokenExpiry = {};
    QObject *context = startRequest(m_tokenRequest);
    ivs::createParticipantToken(
        m_client, *ivs::StageArn::parse(m_target.arn), request, context,
        [this, context, after = std::move(after)](const ivs::TokenResult &result) {
            finishRequest(m_tokenRequest, context);
            if (!result.token) {
                const QString message = result.error ? result.error->userMessage() : noAnswer();
                emit tokenFailed(message);
                if (after)
                    after(message);
                return;
            }
            m_token = result.token->token;
            m_participantId = result.token->participantId;
            m_tokenExpiry = result.token->expirationTime;
            const QString warning =
                m_target.whip.isEmpty()
                    ? tr("The stage has no WHIP endpoint (GetStage returned none), so there is "
                         "no server for an encoder; the token still works with the IVS SDKs.")
                    : QString();
            emit tokenCreated(m_target.whip, m_token,
                              expiryText(m_tokenExpiry, QDateTime::currentDateTimeUtc()), warning);
            if (after)
                after({});
        });
}

QString PublishController::sendWhipToObs(const QString &userId, int lifetimeMinutes,
                                         const QString &attributes, const ObsSettings &obs)
{
    QString problem;
    const auto request = tokenRequest(userId, lifetimeMinutes, attributes, &problem);
    if (!request)
        return problem;
    if (m_target.whip.isEmpty())
        return tr("The stage has no WHIP endpoint, so OBS would have no server to send to; no "
                  "token was created.");
    if (const QString urlProblem = obs::ObsClient::urlProblem(obs.url); !urlProblem.isEmpty())
        return urlProblem;
    m_token.clear();
    m_participantId.clear();
    m_tokenExpiry = {};
    m_obs->start(obs, [this, request = *request](QObject *, ObsHandoff::SecretDone done) {
        emit obsProgress(tr("Creating a token…"));
        requestToken(request, [this, done = std::move(done)](const QString &failure) {
            if (!failure.isEmpty())
                done(std::nullopt, failure);
            else
                done(whipStreamService(m_target.whip, m_token), {});
        });
    });
    return {};
}

QString PublishController::sendRtmpToObs(const ObsSettings &obs)
{
    if (m_streamKey.isEmpty())
        return tr("There is no stream key to send: choose an ingest configuration first.");
    if (m_rtmpServer.isEmpty())
        return tr("The stage has no endpoint for this configuration's protocol, so OBS would have "
                  "no server to send to.");
    if (const QString urlProblem = obs::ObsClient::urlProblem(obs.url); !urlProblem.isEmpty())
        return urlProblem;
    m_obs->start(obs, [this](QObject *, ObsHandoff::SecretDone done) {
        done(rtmpStreamService(m_rtmpServer, m_streamKey), {});
    });
    return {};
}

void PublishController::loadIngestConfigurations()
{
    const auto arn = ivs::StageArn::parse(m_target.arn);
    if (!arn) {
        emit ingestConfigurationsFailed(tr("No stage is shown: look a stage up first."));
        return;
    }
    QObject *context = startRequest(m_listRequest);
    ivs::listIngestConfigurations(
        m_client, *arn, context, [this, context](const ivs::IngestListResult &result) {
            finishRequest(m_listRequest, context);
            m_ingest.clear();
            for (const ivs::IngestConfiguration &configuration : result.configurations)
                m_ingest.append({configuration.arn, configuration.name, configuration.protocol,
                                 configuration.state, configuration.userId});
            if (result.error)
                emit ingestConfigurationsFailed(result.error->userMessage());
            else
                emit ingestConfigurationsLoaded(static_cast<int>(m_ingest.size()));
        });
}

void PublishController::fetchStreamKey(const QString &ingestArn)
{
    m_streamKey.clear();
    m_rtmpServer.clear();
    QObject *context = startRequest(m_keyRequest);
    ivs::getIngestConfiguration(
        m_client, ingestArn, context, [this, context](const ivs::IngestResult &result) {
            finishRequest(m_keyRequest, context);
            if (!result.configuration) {
                emit streamKeyFailed(result.error ? result.error->userMessage() : noAnswer());
                return;
            }
            const ivs::IngestConfiguration &configuration = *result.configuration;
            // The server comes from the shown stage: a key of another stage would be sent
            // there and refused, or worse, look as if it belonged.
            if (!configuration.stageArn.isEmpty() && configuration.stageArn != m_target.arn) {
                emit streamKeyFailed(
                    tr("The ingest configuration %1 belongs to the stage %2, not to %3.")
                        .arg(configuration.name, configuration.stageArn, m_target.arn));
                return;
            }
            m_streamKey = configuration.streamKey;
            m_rtmpServer = rtmpServerFor(configuration.protocol, m_target.rtmp, m_target.rtmps);
            emit streamKeyFetched(configuration.name, m_rtmpServer, m_streamKey,
                                  rtmpWarning(configuration.protocol, configuration.insecureIngest,
                                              m_target.rtmp, m_target.rtmps));
        });
}

QString PublishController::saveWhipService(const QString &path) const
{
    if (m_token.isEmpty())
        return tr("There is no token to save: create one first.");
    if (m_target.whip.isEmpty())
        return tr("The stage has no WHIP endpoint, so OBS would have no server to send to.");
    return saveService(
        path,
        QJsonDocument(ivs::obsWhipService(m_target.whip, m_token)).toJson(QJsonDocument::Indented));
}

QString PublishController::saveRtmpService(const QString &path) const
{
    if (m_streamKey.isEmpty())
        return tr("There is no stream key to save: choose an ingest configuration first.");
    if (m_rtmpServer.isEmpty())
        return tr("The stage has no endpoint for this configuration's protocol, so OBS would have "
                  "no server to send to.");
    return saveService(path, QJsonDocument(ivs::obsRtmpService(m_rtmpServer, m_streamKey))
                                 .toJson(QJsonDocument::Indented));
}

QString PublishController::saveService(const QString &path, const QByteArray &document) const
{
    if (path.isEmpty())
        return tr("No file was chosen.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    // The file holds a secret: no one else on this computer needs to read it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(document) != document.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void PublishController::forgetSecrets()
{
    m_obs->cancel();
    cancelRequests();
    m_token.clear();
    m_participantId.clear();
    m_tokenExpiry = {};
    m_streamKey.clear();
    m_rtmpServer.clear();
}

QString PublishController::rtmpServerFor(const QString &protocol, const QString &rtmpEndpoint,
                                         const QString &rtmpsEndpoint)
{
    if (protocol == QLatin1String("RTMPS"))
        return rtmpsEndpoint;
    if (protocol == QLatin1String("RTMP"))
        return rtmpEndpoint;
    return {};
}

QString PublishController::rtmpWarning(const QString &protocol, std::optional<bool> insecureIngest,
                                       const QString &rtmpEndpoint, const QString &rtmpsEndpoint)
{
    QStringList warnings;
    if (protocol == QLatin1String("RTMP")) {
        // The service's default for insecureIngest is false, so a missing value means false.
        if (!insecureIngest.value_or(false))
            warnings.append(tr("RTMP without insecure ingest is rejected: use RTMPS (an ingest "
                               "configuration whose protocol is RTMPS), or create this one again "
                               "with insecure ingest allowed."));
        if (rtmpEndpoint.isEmpty())
            warnings.append(tr("The stage has no RTMP endpoint (GetStage returned none), so "
                               "there is no server to send to."));
    } else if (protocol == QLatin1String("RTMPS")) {
        if (rtmpsEndpoint.isEmpty())
            warnings.append(tr("The stage has no RTMPS endpoint (GetStage returned none), so "
                               "there is no server to send to."));
    } else {
        warnings.append(
            tr("The ingest protocol \"%1\" is unknown to this app: no server can be given.")
                .arg(protocol));
    }
    return warnings.join(QLatin1Char(' '));
}

QList<EncoderCheck> PublishController::encoderChecklist()
{
    QList<EncoderCheck> checks;
    for (const ivs::EncoderLimit &limit : ivs::encoderLimits())
        checks.append({limit.setting, limit.value, limit.appliesTo});
    return checks;
}

QString PublishController::expiryText(const QDateTime &expires, const QDateTime &now)
{
    if (!expires.isValid())
        return tr("unknown (the service did not say)");
    const qint64 minutes = (now.secsTo(expires) + 30) / 60;
    QString relative;
    if (minutes <= 0) {
        relative = tr("expired");
    } else if (minutes < 60) {
        relative = tr("in %1 min").arg(minutes);
    } else if (minutes < 48 * 60) {
        relative = minutes % 60 ? tr("in %1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                                : tr("in %1 h").arg(minutes / 60);
    } else {
        const qint64 hours = (minutes % (24 * 60)) / 60;
        relative = hours ? tr("in %1 days %2 h").arg(minutes / (24 * 60)).arg(hours)
                         : tr("in %1 days").arg(minutes / (24 * 60));
    }
    return tr("%1 (%2)").arg(
        QLocale::c().toString(expires.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")), relative);
}

QObject *PublishController::startRequest(QPointer<QObject> &slot)
{
    delete slot.data(); // aborts the request it supersedes
    slot = new QObject(this);
    updateBusy();
    return slot;
}

void PublishController::finishRequest(QPointer<QObject> &slot, QObject *context)
{
    context->deleteLater();
    if (slot == context)
        slot = nullptr;
    updateBusy();
}

void PublishController::cancelRequests()
{
    for (QPointer<QObject> *slot : {&m_tokenRequest, &m_listRequest, &m_keyRequest}) {
        delete slot->data();
        *slot = nullptr;
    }
    updateBusy();
}

void PublishController::updateBusy()
{
    if (m_busy == isBusy())
        return;
    m_busy = isBusy();
    emit busyChanged(m_busy);
}

} // namespace workspace
