#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QWebSocket;
class QWebSocketServer;

namespace testsupport {

// A stand-in for OBS Studio's WebSocket server (obs-websocket 5) on 127.0.0.1: Hello with or
// without authentication, Identify checked as the protocol says (a wrong password closes with
// 4009), and the stream requests Send to OBS uses — GetStreamStatus, SetStreamServiceSettings,
// GetStreamServiceSettings — over a stream service it keeps. Every message it receives is kept,
// so tests can check what was (and was not) sent.
class FakeObs final : public QObject {
    Q_OBJECT
public:
    static const QString kSalt;
    static const QString kChallenge;

    explicit FakeObs(QObject *parent = nullptr);
    ~FakeObs() override;

    bool listen(); // 127.0.0.1, a free port
    QString url() const;

    void setPassword(const QString &password) { m_password = password; } // empty: none asked
    void setStreaming(bool streaming) { m_streaming = streaming; }
    // SetStreamServiceSettings fails with this status code and comment (0: succeeds).
    void refuseSet(int code, const QString &comment);
    // GetStreamServiceSettings answers this type and settings instead of what it holds.
    void setReadBack(const QString &type, const QJsonObject &settings);
    // Accepts connections but says nothing: no Hello.
    void setSilent(bool silent) { m_silent = silent; }
    // The answer to the next request is `bytes` long (a responseData padded with spaces).
    void setOversizedAnswer(qint64 bytes) { m_oversized = bytes; }
    void setRpcVersion(int version) { m_rpcVersion = version; }

    QString serviceType() const { return m_type; }
    QJsonObject serviceSettings() const { return m_settings; }
    QStringList requestTypes() const { return m_requestTypes; }
    // Every text message received, as it came.
    const QStringList &received() const { return m_received; }
    int connections() const { return m_connections; }
    bool wasIdentified() const { return m_identified; }

private:
    void onNewConnection();
    void onMessage(QWebSocket *socket, const QString &text);
    void answer(QWebSocket *socket, const QJsonObject &request);
    void send(QWebSocket *socket, int op, const QJsonObject &data);

    QWebSocketServer *m_server;
    QList<QPointer<QWebSocket>> m_sockets;
    QString m_password;
    bool m_streaming = false;
    int m_refuseCode = 0;
    QString m_refuseComment;
    bool m_readBackSet = false;
    QString m_readBackType;
    QJsonObject m_readBackSettings;
    bool m_silent = false;
    qint64 m_oversized = 0;
    int m_rpcVersion = 1;
    QString m_type = QStringLiteral("rtmp_common");
    QJsonObject m_settings{{QStringLiteral("service"), QStringLiteral("Twitch")}};
    QStringList m_requestTypes;
    QStringList m_received;
    int m_connections = 0;
    bool m_identified = false;
};

} // namespace testsupport
