#include "support/fake_obs.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

namespace testsupport {

const QString FakeObs::kSalt = QStringLiteral("lM1GncleQOaCu9lT1yeUZhFYnqhsLLP1G5lAGo3ixaI=");
const QString FakeObs::kChallenge = QStringLiteral("+IxH4CnCiqpX1rM9scsNynZzbOe4KhDeYcTNS3PDaeY=");

namespace {

QString expectedAuthentication(const QString &password)
{
    const QByteArray secret =
        QCryptographicHash::hash((password + FakeObs::kSalt).toUtf8(), QCryptographicHash::Sha256)
            .toBase64();
    return QString::fromLatin1(
        QCryptographicHash::hash(secret + FakeObs::kChallenge.toUtf8(), QCryptographicHash::Sha256)
            .toBase64());
}

} // namespace

FakeObs::FakeObs(QObject *parent)
    : QObject(parent)
    , m_server(
          new QWebSocketServer(QStringLiteral("fake-obs"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeObs::onNewConnection);
}

FakeObs::~FakeObs()
{
    for (const QPointer<QWebSocket> &socket : std::as_const(m_sockets))
        if (socket)
            socket->abort();
}

bool FakeObs::listen()
{
    // Loopback only: a test server is never reachable from elsewhere.
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeObs::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1").arg(m_server->serverPort());
}

void FakeObs::refuseSet(int code, const QString &comment)
{
    m_refuseCode = code;
    m_refuseComment = comment;
}

void FakeObs::setReadBack(const QString &type, const QJsonObject &settings)
{
    m_readBackSet = true;
    m_readBackType = type;
    m_readBackSettings = settings;
}

void FakeObs::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        socket->setParent(this);
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onMessage(socket, text); });
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        if (m_silent)
            continue;
        QJsonObject hello{{QStringLiteral("obsWebSocketVersion"), QStringLiteral("5.5.0")},
                          {QStringLiteral("rpcVersion"), m_rpcVersion}};
        if (!m_password.isEmpty())
            hello.insert(QStringLiteral("authentication"),
                         QJsonObject{{QStringLiteral("challenge"), kChallenge},
                                     {QStringLiteral("salt"), kSalt}});
        send(socket, 0, hello);
    }
}

void FakeObs::onMessage(QWebSocket *socket, const QString &text)
{
    m_received.append(text);
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const int op = message.value(QStringLiteral("op")).toInt(-1);
    const QJsonObject data = message.value(QStringLiteral("d")).toObject();
    if (op == 1) { // Identify
        if (!m_password.isEmpty() && data.value(QStringLiteral("authentication")).toString() !=
                                         expectedAuthentication(m_password)) {
            socket->close(QWebSocketProtocol::CloseCode(4009),
                          QStringLiteral("Authentication failed."));
            return;
        }
        m_identified = true;
        send(socket, 2, {{QStringLiteral("negotiatedRpcVersion"), 1}});
    } else if (op == 6) {
        answer(socket, data);
    }
}

void FakeObs::answer(QWebSocket *socket, const QJsonObject &request)
{
    const QString type = request.value(QStringLiteral("requestType")).toString();
    m_requestTypes.append(type);
    QJsonObject status{{QStringLiteral("result"), true}, {QStringLiteral("code"), 100}};
    QJsonObject response;
    if (type == QLatin1String("GetStreamStatus")) {
        response = {{QStringLiteral("outputActive"), m_streaming},
                    {QStringLiteral("outputReconnecting"), false},
                    {QStringLiteral("outputTimecode"), QStringLiteral("00:00:00.000")}};
    } else if (type == QLatin1String("SetStreamServiceSettings")) {
        if (m_refuseCode != 0) {
            status = {{QStringLiteral("result"), false},
                      {QStringLiteral("code"), m_refuseCode},
                      {QStringLiteral("comment"), m_refuseComment}};
        } else {
            const QJsonObject data = request.value(QStringLiteral("requestData")).toObject();
            m_type = data.value(QStringLiteral("streamServiceType")).toString();
            m_settings = data.value(QStringLiteral("streamServiceSettings")).toObject();
        }
    } else if (type == QLatin1String("GetStreamServiceSettings")) {
        response = {{QStringLiteral("streamServiceType"), m_readBackSet ? m_readBackType : m_type},
                    {QStringLiteral("streamServiceSettings"),
                     m_readBackSet ? m_readBackSettings : m_settings}};
    } else {
        status = {{QStringLiteral("result"), false},
                  {QStringLiteral("code"), 204},
                  {QStringLiteral("comment"), QStringLiteral("Your request type is not valid.")}};
    }
    if (m_oversized > 0)
        response.insert(QStringLiteral("padding"), QString(m_oversized, QLatin1Char(' ')));
    QJsonObject answered{{QStringLiteral("requestType"), type},
                         {QStringLiteral("requestId"), request.value(QStringLiteral("requestId"))},
                         {QStringLiteral("requestStatus"), status}};
    if (!response.isEmpty())
        answered.insert(QStringLiteral("responseData"), response);
    send(socket, 7, answered);
}

void FakeObs::send(QWebSocket *socket, int op, const QJsonObject &data)
{
    socket->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("op"), op}, {QStringLiteral("d"), data}})
            .toJson(QJsonDocument::Compact)));
}

} // namespace testsupport
