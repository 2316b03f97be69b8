#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTimer>

namespace testsupport {

// A loopback TCP server that misbehaves on purpose, below HTTP: it drops connections, never
// answers, or sends an answer that never ends. It counts what happened to each connection.
class RawTcpServer final : public QObject {
    Q_OBJECT
public:
    enum class Behaviour {
        CloseAtOnce, // accept, read the request, close without a byte: a connection reset
        NeverAnswer, // accept and keep silent
        Trickle,     // send headers promising a large body, then one byte now and then
    };

    explicit RawTcpServer(Behaviour behaviour, QObject *parent = nullptr);
    bool start();
    QString url() const;

    int connectionsAccepted() const { return m_accepted; }
    int connectionsClosedByPeer() const { return m_closedByPeer; }

private:
    void accept();

    QTcpServer m_server;
    Behaviour m_behaviour;
    int m_accepted = 0;
    int m_closedByPeer = 0;
};

} // namespace testsupport
