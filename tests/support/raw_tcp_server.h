#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace testsupport {

// A loopback TCP server that misbehaves on purpose, below HTTP: it drops connections, never
// answers, or sends an answer that never ends. It counts what happened to each connection.
class RawTcpServer final : public QObject {
    Q_OBJECT
public:
    enum class Behaviour {
        CloseAtOnce,  // accept, read the request, close without a byte: a connection reset
        NeverAnswer,  // accept and keep silent
        Trickle,      // send headers promising a large body, then one byte now and then
        ChunkedFlood, // a 200 with Transfer-Encoding: chunked whose chunks never end, sent as
                      // fast as the peer takes them
    };

    explicit RawTcpServer(Behaviour behaviour, QObject *parent = nullptr);
    bool start();
    QString url() const;

    int connectionsAccepted() const { return m_accepted; }
    int connectionsClosedByPeer() const { return m_closedByPeer; }
    // Bytes the operating system took from this server for its peers, over all connections.
    qint64 bytesSent() const { return m_bytesSent; }
    // The first bytes each connection sent (up to 4 KiB each), in the order they arrived.
    QList<QByteArray> requestsReceived() const { return m_received; }

private:
    void accept();
    void flood(QTcpSocket *socket);

    QTcpServer m_server;
    Behaviour m_behaviour;
    int m_accepted = 0;
    int m_closedByPeer = 0;
    qint64 m_bytesSent = 0;
    QList<QByteArray> m_received;
};

} // namespace testsupport
