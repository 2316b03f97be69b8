#pragma once

#include "workspace/obs_handoff.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ivs {
class IvsClient;
struct TokenRequest;
} // namespace ivs
namespace keychain {
class KeychainStore;
}
namespace document {
class StageDocument;
}

namespace workspace {

// A stage as an encoder needs it: where to send, as the window shows it.
struct PublishTarget {
    QString arn;
    QString whip;
    QString rtmp;
    QString rtmps;
};

// The stage the tree shows; empty strings when it shows none (or lacks an endpoint).
PublishTarget publishTargetOf(const document::StageDocument &document);

// An ingest configuration as the dialog lists it: no stream key, which the list never carries.
struct IngestChoice {
    QString arn;
    QString name;
    QString protocol; // RTMP | RTMPS
    QString state;    // ACTIVE while an encoder publishes with it
    QString userId;
};

// One thing the service enforces on what an encoder sends.
struct EncoderCheck {
    QString setting;   // "Video codec"
    QString value;     // "H.264, Baseline or Constrained Baseline profile"
    QString appliesTo; // "WHIP and RTMP(S)"
};

// What the "Publish to this stage" dialog talks to: participant tokens for WHIP, ingest
// configurations and their stream keys for RTMP(S), and OBS's service file. Everything arrives
// as plain strings.
//
// Tokens and stream keys are secrets. They are handed out only through the signals that
// announce them and the accessors below, never logged, and written to a file only by the
// save…Service() calls the user asks for. forgetSecrets() drops them when the dialog closes.
class PublishController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultLifetimeMinutes = 720;
    static constexpr int kMinLifetimeMinutes = 1;
    static constexpr int kMaxLifetimeMinutes = 20160;

    // `obsPasswords` keeps the OBS password (Send to OBS); null: none is kept or looked up.
    explicit PublishController(ivs::IvsClient &client,
                               keychain::KeychainStore *obsPasswords = nullptr,
                               QObject *parent = nullptr);
    ~PublishController() override;

    // Replaces the stage; what belonged to the previous one — requests, secrets, the ingest
    // list — is dropped, since a key for one stage must never be offered for another.
    void setStage(const QString &arn, const QString &whipEndpoint, const QString &rtmpEndpoint,
                  const QString &rtmpsEndpoint);
    void setStage(const PublishTarget &target);
    const PublishTarget &target() const { return m_target; }
    bool hasStage() const { return !m_target.arn.isEmpty(); }

    // The user id a new token gets unless the user types another: the OS user name.
    static QString defaultUserId();

    bool isBusy() const;

    // Asks for a PUBLISH token. When the form breaks a limit (lifetime, user id, attributes
    // "k=v, k=v") nothing is sent and the reason is returned; otherwise returns an empty string
    // and tokenCreated or tokenFailed follows. A newer request supersedes an older one.
    QString createToken(const QString &userId, int lifetimeMinutes, const QString &attributes);
    // Send to OBS: checks OBS (reachable, password, not streaming), creates a token as
    // createToken() does (tokenCreated or tokenFailed follows), then sets OBS's stream service to
    // the stage's WHIP server with it and reads it back; obsSent or obsFailed ends it. A form that
    // breaks a limit, a stage without WHIP endpoint or an unusable OBS address is refused before
    // anything is sent: the reason is returned.
    QString sendWhipToObs(const QString &userId, int lifetimeMinutes, const QString &attributes,
                          const ObsSettings &obs);
    // The same with the stream key fetched last and its RTMP(S) server.
    QString sendRtmpToObs(const ObsSettings &obs);
    ObsHandoff &obsHandoff() const { return *m_obs; }

    void loadIngestConfigurations();
    const QList<IngestChoice> &ingestConfigurations() const { return m_ingest; }
    // GetIngestConfiguration: the only call that returns the stream key.
    void fetchStreamKey(const QString &ingestArn);

    QString token() const { return m_token; }
    QString participantId() const { return m_participantId; }
    QDateTime tokenExpiry() const { return m_tokenExpiry; }
    QString streamKey() const { return m_streamKey; }
    QString rtmpServer() const { return m_rtmpServer; }

    // Writes OBS's service.json for the token (whip_custom) or the stream key (rtmp_custom):
    // replaced in one step, readable by the owner only. Returns the problem, empty on success.
    QString saveWhipService(const QString &path) const;
    QString saveRtmpService(const QString &path) const;

    // Drops the token and the stream key and aborts requests that would bring new ones.
    void forgetSecrets();

    // Where an RTMP(S) encoder connects for a configuration of `protocol`: the stage's RTMPS
    // endpoint for RTMPS, its RTMP endpoint for RTMP; empty when the stage lacks it.
    static QString rtmpServerFor(const QString &protocol, const QString &rtmpEndpoint,
                                 const QString &rtmpsEndpoint);
    // Why an encoder using that configuration would be turned away; empty when nothing is amiss.
    static QString rtmpWarning(const QString &protocol, std::optional<bool> insecureIngest,
                               const QString &rtmpEndpoint, const QString &rtmpsEndpoint);
    // What to check in the encoder before going live.
    static QList<EncoderCheck> encoderChecklist();
    // "2026-11-26 16:00 (in 12 h)", in local time.
    static QString expiryText(const QDateTime &expires, const QDateTime &now);

signals:
    // The previous stage's secrets and ingest list are gone; what shows them should clear.
    void stageChanged(const QString &arn);
    void busyChanged(bool busy);
    // `warning` is set when the stage has no WHIP endpoint (`server` is then empty).
    void tokenCreated(const QString &server, const QString &token, const QString &expiry,
                      const QString &warning);
    void tokenFailed(const QString &message);
    void ingestConfigurationsLoaded(int count);
    void ingestConfigurationsFailed(const QString &message);
    void streamKeyFetched(const QString &name, const QString &server, const QString &streamKey,
                          const QString &warning);
    void streamKeyFailed(const QString &message);
    // Send to OBS: the step it is at, and how it ended.
    void obsProgress(const QString &step);
    void obsSent(const QString &summary, const QString &note);
    // `streaming`: refused only because OBS is streaming; sending again with evenIfStreaming
    // would go ahead.
    void obsFailed(const QString &message, bool streaming);

private:
    std::optional<ivs::TokenRequest> tokenRequest(const QString &userId, int lifetimeMinutes,
                                                  const QString &attributes,
                                                  QString *problem) const;
    // CreateParticipantToken for the stage; `after` gets the failure, empty on success.
    void requestToken(const ivs::TokenRequest &request,
                      std::function<void(const QString &problem)> after);
    QObject *startRequest(QPointer<QObject> &slot);
    void finishRequest(QPointer<QObject> &slot, QObject *context);
    void cancelRequests();
    void updateBusy();
    QString saveService(const QString &path, const QByteArray &document) const;

    ivs::IvsClient &m_client;
    ObsHandoff *m_obs;
    PublishTarget m_target;
    QPointer<QObject> m_tokenRequest;
    QPointer<QObject> m_listRequest;
    QPointer<QObject> m_keyRequest;
    bool m_busy = false;
    QList<IngestChoice> m_ingest;
    QString m_token;
    QString m_participantId;
    QDateTime m_tokenExpiry;
    QString m_streamKey;
    QString m_rtmpServer;
};

} // namespace workspace
