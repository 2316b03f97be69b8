#include "support/raw_tcp_server.h"

#include <QTcpSocket>

namespace testsupport {

RawTcpServer::RawTcpServer(Behaviour behaviour, QObject *parent)
    : QObject(parent)
    , m_behaviour(behaviour)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawTcpServer::accept);
}

bool RawTcpServer::start()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QString RawTcpServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void RawTcpServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_accepted;
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            ++m_closedByPeer;
            socket->deleteLater();
        });
        switch (m_behaviour) {
        case Behaviour::CloseAtOnce:
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->abort(); // no bytes of an answer, and a reset rather than a clean close
            });
            break;
        case Behaviour::NeverAnswer:
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            break;
        case Behaviour::Trickle: {
            auto *drip = new QTimer(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, drip] {
                socket->readAll();
                if (drip->isActive())
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 1000000\r\n\r\n{\"stage\":");
                drip->start(50);
            });
            connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
            break;
        }
        }
    }
}

} // namespace testsupport
