#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace obs {

// What went wrong talking to OBS, as the user needs to hear it.
enum class ObsErrorKind {
    BadUrl,           // not ws:// or wss://, or ws:// to another computer
    NotRunning,       // nothing listens there: OBS is closed or its WebSocket server is off
    Network,          // another connection failure (host not found, TLS)
    Timeout,          // no answer in time
    PasswordRequired, // OBS asks for a password and none was given
    WrongPassword,    // OBS closed the connection with 4009 (authentication failed)
    Protocol,         // not obs-websocket 5, or an answer that breaks its protocol
    Disconnected,     // the connection ended before the answer came
    Refused,          // OBS answered a request with a failure: `code` and its comment
    Streaming,        // OBS is streaming, and the caller did not say to go ahead anyway
    Mismatch,         // OBS reads back other stream settings than it was given
    Secret,           // the token or stream key for OBS could not be had
};

struct ObsError {
    ObsErrorKind kind = ObsErrorKind::Protocol;
    int code = 0;    // the request status code (Refused) or the close code
    QString message; // what happened and what to do; never holds a password, token or key
};

// A request's answer: responseData, or the error.
struct ObsResponse {
    QJsonObject data;
    std::optional<ObsError> error;
};

// A client of obs-websocket, protocol version 5 (OBS Studio 28 and later): Hello, Identify
// (with the protocol's challenge-response authentication: the password itself is never sent),
// Identified, then requests matched to their answers by requestId.
//
// Bounded: every step and every request has a timeout; a message or frame over 1 MiB closes the
// connection. ws:// is accepted only for this computer (a token sent to OBS would cross the
// network in the clear); wss:// anywhere, with the certificate verified.
class ObsClient final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultPort = 4455;
    static constexpr int kRpcVersion = 1;
    static constexpr qint64 kMaxMessageBytes = 1024 * 1024;
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

    explicit ObsClient(QObject *parent = nullptr);
    ~ObsClient() override;

    // ws://127.0.0.1:4455, where OBS listens unless told otherwise.
    static QString defaultUrl();
    // Why `url` cannot be used, or empty. A URL with user name or password is refused too.
    static QString urlProblem(const QString &url);
    // URL for messages: without any user information.
    static QString displayUrl(const QString &url);
    // base64(SHA-256(base64(SHA-256(password + salt)) + challenge)), as the protocol defines.
    static QString authenticationString(const QString &password, const QString &salt,
                                        const QString &challenge);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Connects and identifies; identified() or failed() follows, once. The password is kept
    // only until OBS's Hello brings the challenge.
    void open(const QString &url, const QString &password);
    bool isIdentified() const { return m_identified; }
    // Sends a request once identified; `done` runs once, never after `context` is destroyed.
    void request(const QString &type, const QJsonObject &data, QObject *context,
                 std::function<void(const ObsResponse &)> done);
    // Closes the connection; pending requests are dropped without an answer.
    void close();

signals:
    void identified();
    // Before identified(), or when the connection ends with requests pending.
    void failed(const obs::ObsError &error);

private:
    struct Pending {
        QPointer<QObject> context;
        std::function<void(const ObsResponse &)> done;
        QTimer *timer = nullptr;
    };

    void onTextMessage(const QString &message);
    void onHello(const QJsonObject &data);
    void onResponse(const QJsonObject &data);
    void onDisconnected();
    void fail(ObsError error);
    void failPending(const ObsError &error);
    void sendJson(int op, const QJsonObject &data);
    ObsError closeError() const;

    QWebSocket *m_socket = nullptr;
    QString m_url;
    QString m_password;
    QTimer m_handshakeTimer;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_connected = false; // the WebSocket handshake succeeded
    bool m_identified = false;
    bool m_failed = false;
    quint64 m_nextRequest = 1;
    std::map<QString, Pending> m_pending;
};

} // namespace obs

Q_DECLARE_METATYPE(obs::ObsError)
