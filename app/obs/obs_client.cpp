#include "obs/obs_client.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QWebSocket>

namespace obs {

namespace {

// The protocol's message types (OpCodes).
enum OpCode {
    Hello = 0,
    Identify = 1,
    Identified = 2,
    Event = 5,
    Request = 6,
    RequestResponse = 7
};

// Close codes obs-websocket uses before identification.
constexpr int kAuthenticationFailed = 4009;
constexpr int kUnsupportedRpcVersion = 4010;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString notRunning(const QString &url)
{
    return ObsClient::tr("OBS is not running at %1, or its WebSocket server is off: start OBS "
                         "and tick Tools → WebSocket Server Settings → Enable WebSocket server "
                         "(the port shown there must match).")
        .arg(url);
}

} // namespace

ObsClient::ObsClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<obs::ObsError>();
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail({ObsErrorKind::Timeout, 0,
              tr("OBS at %1 did not answer within %2 s.")
                  .arg(m_url)
                  .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count())});
    });
}

ObsClient::~ObsClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString ObsClient::defaultUrl()
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(kDefaultPort);
}

QString ObsClient::urlProblem(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty())
        return tr("No OBS address was given: OBS listens at %1 unless told otherwise.")
            .arg(defaultUrl());
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not an address OBS listens at: it looks like %2.")
            .arg(displayUrl(text), defaultUrl());
    if (!url.userInfo().isEmpty())
        return tr("The OBS address may not hold a user name or password; the password is given "
                  "on its own.");
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return tr("The OBS address must start with ws:// (or wss://), not \"%1\".")
            .arg(url.scheme());
    if (scheme == QLatin1String("ws") && !isLoopbackHost(url.host()))
        return tr("ws:// is accepted only for OBS on this computer (127.0.0.1, ::1, localhost): "
                  "the token would cross the network in the clear. Reach OBS on %1 through "
                  "wss:// (a TLS proxy in front of it).")
            .arg(url.host());
    return {};
}

QString ObsClient::displayUrl(const QString &text)
{
    QUrl url(text.trimmed());
    if (!url.isValid())
        return text.trimmed().left(200);
    return url.adjusted(QUrl::RemoveUserInfo).toString();
}

QString ObsClient::authenticationString(const QString &password, const QString &salt,
                                        const QString &challenge)
{
    const QByteArray secret =
        QCryptographicHash::hash((password + salt).toUtf8(), QCryptographicHash::Sha256).toBase64();
    return QString::fromLatin1(
        QCryptographicHash::hash(secret + challenge.toUtf8(), QCryptographicHash::Sha256)
            .toBase64());
}

void ObsClient::open(const QString &url, const QString &password)
{
    close();
    m_failed = false;
    m_identified = false;
    m_connected = false;
    m_url = displayUrl(url);
    if (const QString problem = urlProblem(url); !problem.isEmpty()) {
        // Reported from the event loop, as every other outcome is.
        QTimer::singleShot(0, this, [this, problem] { fail({ObsErrorKind::BadUrl, 0, problem}); });
        return;
    }
    m_password = password;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    const QUrl target(url.trimmed());
    // OBS on this computer is never reached through a proxy.
    if (isLoopbackHost(target.host()))
        m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ObsClient::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] {
        fail({ObsErrorKind::Protocol, 0,
              tr("OBS at %1 sent a binary message; obs-websocket 5 speaks JSON text.").arg(m_url)});
    });
    connect(m_socket, &QWebSocket::connected, this, [this] { m_connected = true; });
    connect(m_socket, &QWebSocket::disconnected, this, &ObsClient::onDisconnected);
    // Qt 6.4 names the signal error(); 6.5 added errorOccurred().
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::RemoteHostClosedError)
                    return; // disconnected() tells, with the close code
                if (error == QAbstractSocket::ConnectionRefusedError)
                    fail({ObsErrorKind::NotRunning, 0, notRunning(m_url)});
                else
                    fail({ObsErrorKind::Network, 0,
                          tr("Cannot reach OBS at %1: %2").arg(m_url, m_socket->errorString())});
            });
    m_handshakeTimer.start(m_timeout);
    QNetworkRequest request(target);
    m_socket->open(request);
}

void ObsClient::request(const QString &type, const QJsonObject &data, QObject *context,
                        std::function<void(const ObsResponse &)> done)
{
    if (!m_identified || !m_socket) {
        QTimer::singleShot(0, context, [done = std::move(done), this] {
            done({{},
                  ObsError{ObsErrorKind::Disconnected, 0,
                           tr("Not connected to OBS at %1.").arg(m_url)}});
        });
        return;
    }
    const QString id = QStringLiteral("ivs-stage-browser-%1").arg(m_nextRequest++);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id, type] {
        const auto found = m_pending.find(id);
        if (found == m_pending.end())
            return;
        Pending pending = std::move(found->second);
        m_pending.erase(found);
        pending.timer->deleteLater();
        if (pending.context)
            pending.done(
                {{},
                 ObsError{ObsErrorKind::Timeout, 0,
                          tr("OBS at %1 did not answer %2 within %3 s.")
                              .arg(m_url, type)
                              .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout)
                                       .count())}});
    });
    m_pending.emplace(id, Pending{context, std::move(done), timer});
    timer->start(m_timeout);
    QJsonObject message{{QStringLiteral("requestType"), type}, {QStringLiteral("requestId"), id}};
    if (!data.isEmpty())
        message.insert(QStringLiteral("requestData"), data);
    sendJson(Request, message);
}

void ObsClient::close()
{
    m_handshakeTimer.stop();
    m_password.clear();
    for (auto &[id, pending] : m_pending)
        pending.timer->deleteLater();
    m_pending.clear();
    m_identified = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void ObsClient::onTextMessage(const QString &message)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &error);
    const QJsonObject object = document.object();
    const QJsonValue op = object.value(QStringLiteral("op"));
    const QJsonObject data = object.value(QStringLiteral("d")).toObject();
    if (error.error != QJsonParseError::NoError || !document.isObject() || !op.isDouble()) {
        fail({ObsErrorKind::Protocol, 0,
              tr("What answers at %1 is not obs-websocket 5 (a message is not its JSON).")
                  .arg(m_url)});
        return;
    }
    switch (op.toInt()) {
    case Hello:
        onHello(data);
        break;
    case Identified:
        if (m_identified || m_failed)
            return;
        m_identified = true;
        m_handshakeTimer.stop();
        emit identified();
        break;
    case RequestResponse:
        onResponse(data);
        break;
    default:
        break; // events and anything newer: not asked for, not needed
    }
}

void ObsClient::onHello(const QJsonObject &data)
{
    if (m_identified)
        return;
    const int rpcVersion = data.value(QStringLiteral("rpcVersion")).toInt(0);
    if (rpcVersion < kRpcVersion) {
        fail({ObsErrorKind::Protocol, 0,
              tr("OBS at %1 speaks an obs-websocket protocol this app does not know (RPC version "
                 "%2): use OBS Studio 28 or later.")
                  .arg(m_url)
                  .arg(rpcVersion)});
        return;
    }
    QJsonObject identify{{QStringLiteral("rpcVersion"), kRpcVersion},
                         {QStringLiteral("eventSubscriptions"), 0}};
    if (data.contains(QStringLiteral("authentication"))) {
        const QJsonObject auth = data.value(QStringLiteral("authentication")).toObject();
        if (m_password.isEmpty()) {
            fail({ObsErrorKind::PasswordRequired, 0,
                  tr("OBS at %1 asks for a password and none was given (OBS → Tools → "
                     "WebSocket Server Settings → Show Connect Info shows it).")
                      .arg(m_url)});
            return;
        }
        identify.insert(QStringLiteral("authentication"),
                        authenticationString(m_password,
                                             auth.value(QStringLiteral("salt")).toString(),
                                             auth.value(QStringLiteral("challenge")).toString()));
    }
    m_password.clear();
    sendJson(Identify, identify);
}

void ObsClient::onResponse(const QJsonObject &data)
{
    const auto found = m_pending.find(data.value(QStringLiteral("requestId")).toString());
    if (found == m_pending.end())
        return; // timed out already, or not ours
    Pending pending = std::move(found->second);
    m_pending.erase(found);
    pending.timer->deleteLater();
    if (!pending.context)
        return;
    const QJsonObject status = data.value(QStringLiteral("requestStatus")).toObject();
    const QString type = data.value(QStringLiteral("requestType")).toString();
    if (status.value(QStringLiteral("result")).toBool()) {
        pending.done({data.value(QStringLiteral("responseData")).toObject(), std::nullopt});
        return;
    }
    const int code = status.value(QStringLiteral("code")).toInt();
    const QString comment = status.value(QStringLiteral("comment")).toString().left(500);
    pending.done(
        {{},
         ObsError{ObsErrorKind::Refused, code,
                  comment.isEmpty()
                      ? tr("OBS refused %1 with code %2.").arg(type).arg(code)
                      : tr("OBS refused %1 with code %2: %3").arg(type).arg(code).arg(comment)}});
}

void ObsClient::onDisconnected()
{
    if (!m_socket)
        return;
    if (!m_connected) {
        // Never connected: Qt may say so before or after its error signal.
        if (m_socket->error() == QAbstractSocket::ConnectionRefusedError ||
            m_socket->error() == QAbstractSocket::UnknownSocketError)
            fail({ObsErrorKind::NotRunning, 0, notRunning(m_url)});
        else
            fail({ObsErrorKind::Network, 0,
                  tr("Cannot reach OBS at %1: %2").arg(m_url, m_socket->errorString())});
        return;
    }
    if (!m_identified) {
        fail(closeError());
        return;
    }
    m_identified = false;
    const ObsError error{ObsErrorKind::Disconnected, m_socket->closeCode(),
                         tr("OBS at %1 closed the connection (code %2%3).")
                             .arg(m_url)
                             .arg(m_socket->closeCode())
                             .arg(m_socket->closeReason().isEmpty()
                                      ? QString()
                                      : QStringLiteral(": ") + m_socket->closeReason().left(200))};
    failPending(error);
    emit failed(error);
}

ObsError ObsClient::closeError() const
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    if (code == kAuthenticationFailed)
        return {ObsErrorKind::WrongPassword, code,
                tr("OBS at %1 refused the password (close code 4009): check it in OBS → Tools → "
                   "WebSocket Server Settings → Show Connect Info.")
                    .arg(m_url)};
    if (code == kUnsupportedRpcVersion)
        return {ObsErrorKind::Protocol, code,
                tr("OBS at %1 does not support obs-websocket RPC version %2 (close code 4010).")
                    .arg(m_url)
                    .arg(kRpcVersion)};
    return {ObsErrorKind::Disconnected, code,
            tr("OBS at %1 closed the connection before it was ready (code %2). Is it OBS Studio "
               "28 or later, with its WebSocket server on?")
                .arg(m_url)
                .arg(code)};
}

void ObsClient::fail(ObsError error)
{
    if (m_failed)
        return;
    m_failed = true;
    m_handshakeTimer.stop();
    m_password.clear();
    failPending(error);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_identified = false;
    emit failed(error);
}

void ObsClient::failPending(const ObsError &error)
{
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, request] : pending) {
        request.timer->deleteLater();
        if (request.context)
            request.done({{}, error});
    }
}

void ObsClient::sendJson(int op, const QJsonObject &data)
{
    if (!m_socket)
        return;
    const QJsonObject message{{QStringLiteral("op"), op}, {QStringLiteral("d"), data}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace obs
