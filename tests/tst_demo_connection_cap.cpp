#include "demo/demo_endpoint.h"

#include <memory>
#include <QTcpSocket>
#include <QTest>
#include <vector>

namespace {

// Connections opened and then left silent, as a local process holding the endpoint could.
struct HeldConnections {
    std::vector<std::unique_ptr<QTcpSocket>> sockets;

    // In batches, each connected before the next starts, so that the listen backlog never
    // overflows (a refused SYN would be retried seconds later, not refused by the app).
    bool open(const QUrl &url, int count)
    {
        constexpr int kBatch = 20;
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(url.host(), quint16(url.port()));
            sockets.push_back(std::move(socket));
            if ((i + 1) % kBatch == 0 || i + 1 == count) {
                const bool settled = QTest::qWaitFor(
                    [this] {
                        return inState(QAbstractSocket::HostLookupState) +
                                   inState(QAbstractSocket::ConnectingState) ==
                               0;
                    },
                    10000);
                if (!settled)
                    return false;
            }
        }
        return true;
    }
    int inState(QAbstractSocket::SocketState state) const
    {
        int count = 0;
        for (const auto &socket : sockets)
            count += socket->state() == state ? 1 : 0;
        return count;
    }
    // Closed (by the server: this side never closes them) after connecting.
    int closed() const { return inState(QAbstractSocket::UnconnectedState); }
    int connected() const { return inState(QAbstractSocket::ConnectedState); }
};

// One plain request on a new connection: whether any HTTP answer came back.
bool answersARequest(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.startsWith("HTTP/1.1 ") ||
                   socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000));
    return answer.startsWith("HTTP/1.1 ");
}

} // namespace

// The demo endpoint listens on loopback with public keys, so any local process can use it. What
// such a process cannot do is hold it hostage with connections it never uses: past the cap, a
// connection is closed as soon as it is accepted, and the endpoint serves again once the held
// connections go.
class TestDemoConnectionCap : public QObject {
    Q_OBJECT
private slots:
    void connectionsPastTheCapAreClosed();
};

void TestDemoConnectionCap::connectionsPastTheCapAreClosed()
{
    demo::DemoEndpoint endpoint;
    QString error;
    QVERIFY2(endpoint.start(&error), qPrintable(error));
    constexpr int kCap = demo::DemoEndpoint::kMaxConnections;
    constexpr int kExtra = 168; // 200 in all, as in the report

    HeldConnections held;
    QVERIFY(held.open(endpoint.url(), kCap + kExtra));
    // Seen from the clients: exactly the connections past the cap are closed by the server.
    QTRY_COMPARE_WITH_TIMEOUT(held.closed(), kExtra, 15000);
    QTRY_COMPARE(held.connected(), kCap);
    QCOMPARE(endpoint.server().openConnections(), kCap);
    QVERIFY(!answersARequest(endpoint.url())); // full: a newcomer is not served

    // Once the held connections go, the endpoint serves again.
    held.sockets.clear();
    QTRY_COMPARE(endpoint.server().openConnections(), 0);
    QVERIFY(answersARequest(endpoint.url()));
    QCOMPARE(endpoint.server().refusedConnections(), kExtra + 1);
}

QTEST_GUILESS_MAIN(TestDemoConnectionCap)
#include "tst_demo_connection_cap.moc"
