#pragma once

#include "obs/obs_client.h"

#include <chrono>
#include <functional>
#include <optional>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

namespace keychain {
class KeychainStore;
}

namespace workspace {

// What OBS is told to stream to: its stream service type and settings.
struct StreamService {
    QString type;         // whip_custom | rtmp_custom
    QJsonObject settings; // server + bearer_token | server + key
    QString server() const { return settings.value(QStringLiteral("server")).toString(); }
};
StreamService whipStreamService(const QString &server, const QString &bearerToken);
StreamService rtmpStreamService(const QString &server, const QString &streamKey);

// Where OBS is and how to talk to it.
struct ObsSettings {
    QString url;                     // ws://127.0.0.1:4455
    std::optional<QString> password; // nullopt: the one saved in the keychain for `url`, if any
    bool rememberPassword = false;   // save `password` in the keychain once OBS accepted it
    bool evenIfStreaming = false;    // change the settings while OBS is streaming
};

// "Send to OBS": points OBS Studio (obs-websocket 5) at a stage in one step. OBS is checked
// first — reachable, password accepted, not streaming — so that no token is created for an OBS
// that cannot take it; then the secret step runs (create a token, or take a stream key), then
// SetStreamServiceSettings, then GetStreamServiceSettings confirms that OBS holds what was sent.
//
// The OBS password lives in the keychain (one entry per OBS address), never in a file; OBS is
// sent only the protocol's hash of it. Tokens and keys are never part of a message.
class ObsHandoff final : public QObject {
    Q_OBJECT
public:
    // Hands the step its outcome: the service, or why there is none (kind Secret).
    using SecretDone =
        std::function<void(const std::optional<StreamService> &service, const QString &problem)>;
    // Makes the secret; `context` is destroyed when the hand-off is cancelled.
    using SecretStep = std::function<void(QObject *context, SecretDone done)>;

    explicit ObsHandoff(keychain::KeychainStore *keychain, QObject *parent = nullptr);
    ~ObsHandoff() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    bool isBusy() const { return m_run != nullptr; }

    // Starts a hand-off, replacing one in progress. sent() or failed() follows, once.
    void start(const ObsSettings &settings, SecretStep secret);
    // Stops the hand-off in progress: no signal follows.
    void cancel();

    // The keychain entry of the password for OBS at `url`.
    static QString keychainKey(const QString &url);

signals:
    void busyChanged(bool busy);
    // "Connecting to OBS…", "Creating a token…", "Setting OBS's stream service…"
    void progress(const QString &step);
    // OBS holds the new settings. `note` tells of a password that could not be saved.
    void sent(const QString &summary, const QString &note);
    void failed(const obs::ObsError &error);

private:
    struct Run;
    void connectToObs(const std::optional<QString> &password, const QString &keychainProblem);
    void onIdentified();
    void checkStreaming();
    void runSecretStep();
    void setService(const StreamService &service);
    void confirm(const StreamService &service);
    void finish(const std::optional<obs::ObsError> &error, const QString &summary = {});
    void dropRun();

    keychain::KeychainStore *m_keychain;
    std::chrono::milliseconds m_timeout = obs::ObsClient::kDefaultTimeout;
    Run *m_run = nullptr;
};

} // namespace workspace
