#include "workspace/obs_handoff.h"

#include "keychain/keychain_store.h"

#include <QJsonValue>

namespace workspace {

using obs::ObsError;
using obs::ObsErrorKind;

// One hand-off: destroying it drops the connection and every callback still on its way.
struct ObsHandoff::Run final : QObject {
    ObsSettings settings;
    SecretStep secret;
    QString url; // for messages: no user information
    QString keychainProblem;
    QString note;
    obs::ObsClient client;
    QPointer<QObject> secretContext;

    Run(ObsSettings s, SecretStep step, QObject *parent)
        : QObject(parent)
        , settings(std::move(s))
        , secret(std::move(step))
        , url(obs::ObsClient::displayUrl(settings.url))
        , client(this)
    {
    }
};

StreamService whipStreamService(const QString &server, const QString &bearerToken)
{
    return {QStringLiteral("whip_custom"),
            QJsonObject{{QStringLiteral("server"), server},
                        {QStringLiteral("bearer_token"), bearerToken}}};
}

StreamService rtmpStreamService(const QString &server, const QString &streamKey)
{
    return {QStringLiteral("rtmp_custom"), QJsonObject{{QStringLiteral("server"), server},
                                                       {QStringLiteral("key"), streamKey},
                                                       {QStringLiteral("use_auth"), false}}};
}

ObsHandoff::ObsHandoff(keychain::KeychainStore *keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

ObsHandoff::~ObsHandoff()
{
    delete m_run;
}

QString ObsHandoff::keychainKey(const QString &url)
{
    return QStringLiteral("obs-websocket:") + obs::ObsClient::displayUrl(url);
}

void ObsHandoff::start(const ObsSettings &settings, SecretStep secret)
{
    const bool wasBusy = isBusy();
    dropRun();
    m_run = new Run(settings, std::move(secret), this);
    m_run->client.setTimeout(m_timeout);
    if (!wasBusy)
        emit busyChanged(true);
    Run *run = m_run;
    if (const QString problem = obs::ObsClient::urlProblem(settings.url); !problem.isEmpty()) {
        QTimer::singleShot(0, run, [this, run, problem] {
            if (run == m_run)
                finish(ObsError{ObsErrorKind::BadUrl, 0, problem});
        });
        return;
    }
    if (settings.password || !m_keychain) {
        QTimer::singleShot(0, run, [this, run] {
            if (run == m_run)
                connectToObs(run->settings.password, {});
        });
        return;
    }
    emit progress(tr("Looking for the OBS password in the keychain…"));
    m_keychain->read(
        keychainKey(settings.url), run, [this, run](const keychain::ReadResult &result) {
            if (run != m_run)
                return;
            if (const auto *saved = std::get_if<QByteArray>(&result)) {
                connectToObs(QString::fromUtf8(*saved), {});
                return;
            }
            const auto &error = std::get<keychain::KeychainError>(result);
            // No entry: OBS may well ask for no password. Any other problem is told only if OBS
            // does ask for one.
            connectToObs(std::nullopt, error.kind == keychain::KeychainErrorKind::NotFound
                                           ? QString()
                                           : error.message);
        });
}

void ObsHandoff::cancel()
{
    if (!m_run)
        return;
    dropRun();
    emit busyChanged(false);
}

void ObsHandoff::dropRun()
{
    if (!m_run)
        return;
    // Not deleted at once: this may run inside one of its callbacks, which check that their run
    // is still the current one.
    m_run->client.close();
    if (m_run->secretContext)
        m_run->secretContext->deleteLater(); // a token request on its way goes with it
    m_run->deleteLater();
    m_run = nullptr;
}

void ObsHandoff::connectToObs(const std::optional<QString> &password,
                              const QString &keychainProblem)
{
    Run *run = m_run;
    run->keychainProblem = keychainProblem;
    emit progress(tr("Connecting to OBS at %1…").arg(run->url));
    connect(&run->client, &obs::ObsClient::identified, run, [this, run] {
        if (run == m_run)
            onIdentified();
    });
    connect(&run->client, &obs::ObsClient::failed, run, [this, run](const ObsError &error) {
        if (run != m_run)
            return;
        ObsError told = error;
        if (told.kind == ObsErrorKind::PasswordRequired && !m_run->keychainProblem.isEmpty())
            told.message += QLatin1Char(' ') +
                            tr("The keychain could not be read: %1").arg(m_run->keychainProblem);
        finish(told);
    });
    run->client.open(run->settings.url, password.value_or(QString()));
}

void ObsHandoff::onIdentified()
{
    Run *run = m_run;
    const std::optional<QString> password = run->settings.password;
    run->settings.password.reset();
    if (!run->settings.rememberPassword || !m_keychain || !password || password->isEmpty()) {
        checkStreaming();
        return;
    }
    // OBS took the password: worth keeping. A keychain that fails does not stop the hand-off.
    m_keychain->write(keychainKey(run->settings.url), password->toUtf8(), run,
                      [this, run](const std::optional<keychain::KeychainError> &error) {
                          if (run != m_run)
                              return;
                          if (error)
                              m_run->note =
                                  tr("The OBS password was not saved: %1").arg(error->message);
                          checkStreaming();
                      });
}

void ObsHandoff::checkStreaming()
{
    Run *run = m_run;
    emit progress(tr("Asking OBS whether it is streaming…"));
    run->client.request(
        QStringLiteral("GetStreamStatus"), {}, run, [this, run](const obs::ObsResponse &response) {
            if (run != m_run)
                return;
            if (response.error) {
                finish(response.error);
                return;
            }
            const bool streaming =
                response.data.value(QStringLiteral("outputActive")).toBool(false);
            if (streaming && !m_run->settings.evenIfStreaming) {
                finish(ObsError{ObsErrorKind::Streaming, 0,
                                tr("OBS at %1 is streaming: its stream settings were left as they "
                                   "are, and no token was created. Stop the stream first, or say "
                                   "to go ahead anyway (the new settings take effect at the next "
                                   "Start Streaming).")
                                    .arg(m_run->url)});
                return;
            }
            runSecretStep();
        });
}

void ObsHandoff::runSecretStep()
{
    Run *run = m_run;
    run->secretContext = new QObject(run);
    run->secret(run->secretContext, [this, run](const std::optional<StreamService> &service,
                                                const QString &problem) {
        if (run != m_run)
            return;
        if (!service) {
            finish(ObsError{ObsErrorKind::Secret, 0, problem});
            return;
        }
        if (service->server().isEmpty()) {
            finish(ObsError{ObsErrorKind::Secret, 0,
                            tr("There is no server to give OBS: the stage lacks the endpoint.")});
            return;
        }
        setService(*service);
    });
}

void ObsHandoff::setService(const StreamService &service)
{
    Run *run = m_run;
    emit progress(tr("Setting OBS's stream service…"));
    run->client.request(QStringLiteral("SetStreamServiceSettings"),
                        {{QStringLiteral("streamServiceType"), service.type},
                         {QStringLiteral("streamServiceSettings"), service.settings}},
                        run, [this, run, service](const obs::ObsResponse &response) {
                            if (run != m_run)
                                return;
                            if (response.error)
                                finish(response.error);
                            else
                                confirm(service);
                        });
}

void ObsHandoff::confirm(const StreamService &service)
{
    Run *run = m_run;
    emit progress(tr("Reading OBS's stream service back…"));
    run->client.request(
        QStringLiteral("GetStreamServiceSettings"), {}, run,
        [this, run, service](const obs::ObsResponse &response) {
            if (run != m_run)
                return;
            if (response.error) {
                finish(response.error);
                return;
            }
            const QString type =
                response.data.value(QStringLiteral("streamServiceType")).toString();
            const QJsonObject held =
                response.data.value(QStringLiteral("streamServiceSettings")).toObject();
            QStringList differ;
            if (type != service.type)
                differ.append(
                    tr("the service type is \"%1\", not \"%2\"").arg(type.left(100), service.type));
            for (auto it = service.settings.begin(); it != service.settings.end(); ++it) {
                // What decides where OBS streams; flags such as use_auth OBS may keep its way.
                const bool decisive = it.key() == QLatin1String("server") ||
                                      it.key() == QLatin1String("bearer_token") ||
                                      it.key() == QLatin1String("key");
                if (!decisive || held.value(it.key()) == it.value())
                    continue;
                // The secret is never echoed: only which setting differs.
                differ.append(
                    it.key() == QLatin1String("server")
                        ? tr("the server is \"%1\"").arg(held.value(it.key()).toString().left(200))
                        : tr("\"%1\" is not what was sent").arg(it.key()));
            }
            if (!differ.isEmpty()) {
                finish(ObsError{ObsErrorKind::Mismatch, 0,
                                tr("OBS at %1 accepted the stream settings but reads back others: "
                                   "%2. Another program may have changed them; check OBS → "
                                   "Settings → Stream.")
                                    .arg(m_run->url, differ.join(QStringLiteral("; ")))});
                return;
            }
            finish(std::nullopt,
                   service.type == QLatin1String("whip_custom")
                       ? tr("OBS at %1 now streams to %2 over WHIP, with the new token. Start "
                            "Streaming in OBS to go live.")
                             .arg(m_run->url, service.server())
                       : tr("OBS at %1 now streams to %2 over RTMP(S), with the stream key. Start "
                            "Streaming in OBS to go live.")
                             .arg(m_run->url, service.server()));
        });
}

void ObsHandoff::finish(const std::optional<ObsError> &error, const QString &summary)
{
    if (!m_run)
        return;
    const QString note = m_run->note;
    dropRun();
    emit busyChanged(false);
    if (error)
        emit failed(*error);
    else
        emit sent(summary, note);
}

} // namespace workspace
