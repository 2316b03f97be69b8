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
        connect(socket, &QTcpSocket::bytesWritten, this,
                [this](qint64 written) { m_bytesSent += written; });
        // Recorded before the behaviour's own handler reads the socket empty.
        const qsizetype index = m_received.size();
        m_received.append(QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
            QByteArray &received = m_received[index];
            received += socket->peek(4096 - received.size());
        });
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
        case Behaviour::ChunkedFlood:
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                socket->readAll();
                if (socket->property("flooding").toBool())
                    return;
                socket->setProperty("flooding", true);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n");
                flood(socket);
            });
            // More as soon as the kernel took what was queued: as fast as the peer reads.
            connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] { flood(socket); });
            break;
        }
    }
}

void RawTcpServer::flood(QTcpSocket *socket)
{
    // 64 KiB chunks (hexadecimal size line, data, CRLF), never the terminating empty chunk.
    static const QByteArray chunk =
        QByteArray("10000\r\n") + QByteArray(0x10000, ' ') + QByteArray("\r\n");
    while (socket->state() == QAbstractSocket::ConnectedState &&
           socket->bytesToWrite() < 4 * chunk.size())
        socket->write(chunk);
}

} // namespace testsupport
