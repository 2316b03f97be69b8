// The loopback HTTP(S) server of the demo endpoint and the tests: requests, keep-alive and
// pipelining, idle connections, TLS, and refusing any address but loopback.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "net/loopback_http_server.h"
#include "support/test_certificates.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// The loopback server with the real client (QNetworkAccessManager) and with raw sockets that send
// exactly the bytes a test wants.
class TestLoopbackHttpServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void answersGetAndPostThroughTheHandler();
    void reusesOneConnectionForSeveralRequests();
    void honoursConnectionClose();
    void refusesAnOversizeBodyWith413();
    void refusesABodyOverTheDefault8MiB();
    void answersGarbageWith400AndCloses();
    void answersPipelinedRequestsInOrder();
    void answersHeadWithoutABody();
    void closesHttp10ConnectionsUnlessKeptAlive();
    void sendsContinueBeforeTheBody();
    void passesUnknownMethodsToTheHandler();
    void refusesNonLoopbackAddressesBeforeOpeningASocket();
    void closingTheServerClosesItsConnections();
    void closesAConnectionLeftIdle();
    void answersARequestThatStallsWith408();
    void aClientStillSendingIsNotCutOff();
    void servesHttpsWithATestCertificate();
    void refusesHttpsFromAClientThatDoesNotTrustTheCertificate();

private:
    testsupport::TestCertificates m_certificates;
};

namespace {

constexpr int kTimeoutMs = 20000;

// Records what the handler saw and answers with the path in the body.
struct Recorder {
    QList<net::HttpRequest> requests;

    net::LoopbackHttpServer::Handler handler()
    {
        return [this](const net::HttpRequest &request) {
            requests.append(request);
            net::HttpResponse response;
            response.status = request.method == "POST" ? 201 : 200;
            response.headers = {{"Content-Type", "text/plain"}, {"X-Seen-Method", request.method}};
            response.body = "path=" + request.path;
            return response;
        };
    }
};

struct Exchange {
    int status = 0;
    QByteArray reason;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

Exchange send(QNetworkAccessManager &network, const QNetworkRequest &request,
              const QByteArray &verb, const QByteArray &body = {})
{
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    Exchange exchange;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, kTimeoutMs)) {
        reply->abort();
        exchange.error = QNetworkReply::TimeoutError;
    } else {
        exchange.error = reply->error();
    }
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    exchange.body = reply->readAll();
    exchange.headers = reply->rawHeaderPairs();
    delete reply;
    return exchange;
}

QNetworkRequest requestTo(const net::LoopbackHttpServer &server, const QString &pathAndQuery)
{
    return QNetworkRequest(QUrl(server.url().toString() + pathAndQuery));
}

// A raw client: writes bytes, reads until the server closes or a number of answers are in.
class RawClient {
public:
    explicit RawClient(const net::LoopbackHttpServer &server)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, server.port());
    }

    bool waitConnected()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, kTimeoutMs);
    }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }

    // Everything the server sent until it closed the connection.
    QByteArray readUntilClosed()
    {
        const bool closed = QTest::qWaitFor(
            [this] {
                m_received += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            kTimeoutMs);
        m_received += m_socket.readAll();
        if (!closed)
            return "(still open) " + m_received;
        return m_received;
    }

    // Whole answers (framed by Content-Length) as they arrive; false on timeout.
    bool readAnswers(int count, QList<QByteArray> *answers)
    {
        return QTest::qWaitFor(
            [&] {
                m_received += m_socket.readAll();
                while (true) {
                    const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        break;
                    qsizetype length = 0;
                    const qsizetype at = m_received.indexOf("Content-Length: ");
                    const bool head = answers->size() < m_headAnswers;
                    if (!head && at >= 0 && at < headerEnd)
                        length = m_received.mid(at + 16, m_received.indexOf('\r', at) - at - 16)
                                     .toLongLong();
                    if (m_received.size() < headerEnd + 4 + length)
                        break;
                    answers->append(m_received.left(headerEnd + 4 + length));
                    m_received.remove(0, headerEnd + 4 + length);
                }
                return answers->size() >= count;
            },
            kTimeoutMs);
    }

    // The next `count` answers are to HEAD requests: their Content-Length frames nothing.
    void expectHeadAnswers(int count) { m_headAnswers = count; }

    QAbstractSocket::SocketState state() const { return m_socket.state(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    int m_headAnswers = 0;
};

} // namespace

void TestLoopbackHttpServer::initTestCase()
{
    QString error;
    QVERIFY2(m_certificates.generate(&error), qPrintable(error));
}

void TestLoopbackHttpServer::answersGetAndPostThroughTheHandler()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.url(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);

    QNetworkRequest get = requestTo(server, QStringLiteral("/tags/arn%3Aaws%2Fx?tagKeys=a%20b&z"));
    get.setRawHeader("X-Amz-Date", "20240102T030405Z");
    const Exchange got = send(network, get, "GET");
    QCOMPARE(got.error, QNetworkReply::NoError);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.reason, QByteArray("OK"));
    QCOMPARE(got.body, QByteArray("path=/tags/arn%3Aaws%2Fx"));
    QCOMPARE(got.header("X-Seen-Method"), QByteArray("GET"));
    QCOMPARE(got.header("Content-Length"), QByteArray::number(got.body.size()));

    QNetworkRequest post = requestTo(server, QStringLiteral("/CreateParticipantToken"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-amz-json-1.1"));
    const QByteArray body = "{\"stageArn\":\"arn:aws:ivs:us-west-2:123456789012:stage/x\"}";
    const Exchange posted = send(network, post, "POST", body);
    QCOMPARE(posted.error, QNetworkReply::NoError);
    QCOMPARE(posted.status, 201);
    QCOMPARE(posted.reason, QByteArray("Created"));

    QCOMPARE(recorder.requests.size(), 2);
    const net::HttpRequest &first = recorder.requests.at(0);
    QCOMPARE(first.method, QByteArray("GET"));
    QCOMPARE(first.path, QByteArray("/tags/arn%3Aaws%2Fx"));
    QCOMPARE(first.query, QByteArray("tagKeys=a%20b&z"));
    QCOMPARE(first.header("host"), QByteArray("127.0.0.1:") + QByteArray::number(server.port()));
    QCOMPARE(first.header("x-amz-date"), QByteArray("20240102T030405Z"));
    // The header names as the client wrote them.
    bool sawOriginalCase = false;
    for (const auto &[name, value] : first.headers)
        sawOriginalCase = sawOriginalCase || name == "X-Amz-Date";
    QVERIFY(sawOriginalCase);
    const net::HttpRequest &second = recorder.requests.at(1);
    QCOMPARE(second.method, QByteArray("POST"));
    QCOMPARE(second.path, QByteArray("/CreateParticipantToken"));
    QCOMPARE(second.body, body);
    QCOMPARE(second.header("content-type"), QByteArray("application/x-amz-json-1.1"));
    QCOMPARE(second.header("content-length"), QByteArray::number(body.size()));
}

void TestLoopbackHttpServer::reusesOneConnectionForSeveralRequests()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    for (int i = 0; i < 5; ++i) {
        const Exchange exchange = send(network, requestTo(server, QStringLiteral("/r%1").arg(i)),
                                       i % 2 ? "POST" : "GET", QByteArray(i * 1000, 'b'));
        QCOMPARE(exchange.error, QNetworkReply::NoError);
        QCOMPARE(exchange.body, QByteArray("path=/r") + QByteArray::number(i));
        QVERIFY(exchange.header("Connection").isEmpty());
    }
    QCOMPARE(recorder.requests.size(), 5);
    QCOMPARE(recorder.requests.at(3).body.size(), 3000);
    QCOMPARE(server.acceptedConnections(), 1);
}

void TestLoopbackHttpServer::honoursConnectionClose()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    for (int i = 0; i < 3; ++i) {
        QNetworkRequest request = requestTo(server, QStringLiteral("/closing"));
        request.setRawHeader("Connection", "close");
        const Exchange exchange = send(network, request, "GET");
        QCOMPARE(exchange.error, QNetworkReply::NoError);
        QCOMPARE(exchange.header("Connection"), QByteArray("close"));
    }
    QCOMPARE(recorder.requests.size(), 3);
    QCOMPARE(server.acceptedConnections(), 3);

    // At the byte level: the answer, then end of stream, and nothing for what followed the close.
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("GET /last HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
              "GET /ignored HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray received = raw.readUntilClosed();
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QVERIFY(received.endsWith("\r\n\r\npath=/last"));
    QCOMPARE(recorder.requests.size(), 4);
}

void TestLoopbackHttpServer::refusesAnOversizeBodyWith413()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    // A smaller limit than the default 8 MiB keeps the client's uploads short.
    net::HttpParseLimits limits;
    limits.maxBodyBytes = 256 * 1024;
    server.setLimits(limits);
    QVERIFY(server.listenOnLoopback());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);

    // The client is still uploading when the refusal comes; it reads it all the same.
    const Exchange refused = send(network, requestTo(server, QStringLiteral("/big")), "POST",
                                  QByteArray(4 * limits.maxBodyBytes, 'x'));
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.reason, QByteArray("Content Too Large"));
    QCOMPARE(refused.header("Connection"), QByteArray("close"));
    QVERIFY(recorder.requests.isEmpty());

    // At the limit exactly a body is accepted, on a new connection.
    const Exchange accepted = send(network, requestTo(server, QStringLiteral("/big")), "POST",
                                   QByteArray(limits.maxBodyBytes, 'x'));
    QCOMPARE(accepted.error, QNetworkReply::NoError);
    QCOMPARE(accepted.status, 201);
    QCOMPARE(recorder.requests.size(), 1);
    QCOMPARE(recorder.requests.first().body.size(), limits.maxBodyBytes);
    QCOMPARE(server.acceptedConnections(), 2);
}

void TestLoopbackHttpServer::refusesABodyOverTheDefault8MiB()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    const qsizetype size = 8 * 1024 * 1024 + 1;
    raw.write("PUT /big HTTP/1.1\r\nHost: h\r\nContent-Length: " + QByteArray::number(size) +
              "\r\n\r\n" + QByteArray(size, 'x'));
    const QByteArray received = raw.readUntilClosed();
    QVERIFY2(received.startsWith("HTTP/1.1 413 Content Too Large\r\n"), received.constData());
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QVERIFY(recorder.requests.isEmpty());
}

void TestLoopbackHttpServer::answersGarbageWith400AndCloses()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("HELLO THERE\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray received = raw.readUntilClosed();
    QVERIFY2(received.startsWith("HTTP/1.1 400 Bad Request\r\n"), received.constData());
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QCOMPARE(received.count("HTTP/1.1"), 1); // nothing after the refusal is read as a request
    QVERIFY(recorder.requests.isEmpty());
}

void TestLoopbackHttpServer::answersPipelinedRequestsInOrder()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
              "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
              "GET /three HTTP/1.1\r\nHost: h\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(3, &answers));
    QCOMPARE(answers.size(), 3);
    QVERIFY(answers.at(0).endsWith("path=/one"));
    QVERIFY(answers.at(1).startsWith("HTTP/1.1 201 Created\r\n"));
    QVERIFY(answers.at(1).endsWith("path=/two"));
    QVERIFY(answers.at(2).endsWith("path=/three"));
    // Still open for more, on the same connection.
    raw.write("GET /four HTTP/1.1\r\nHost: h\r\n\r\n");
    QVERIFY(raw.readAnswers(4, &answers));
    QVERIFY(answers.at(3).endsWith("path=/four"));
    QCOMPARE(recorder.requests.size(), 4);
    QCOMPARE(recorder.requests.at(1).body, QByteArray("abc"));
    QCOMPARE(server.acceptedConnections(), 1);
}

void TestLoopbackHttpServer::answersHeadWithoutABody()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.expectHeadAnswers(1);
    raw.write("HEAD /head HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(2, &answers));
    // The length the body would have, and no body: the next answer follows the blank line.
    QVERIFY(answers.at(0).contains("\r\nContent-Length: 10\r\n"));
    QVERIFY(answers.at(0).endsWith("\r\n\r\n"));
    QVERIFY(answers.at(1).startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(answers.at(1).endsWith("path=/after"));

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkReply *reply = network.head(requestTo(server, QStringLiteral("/head")));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, kTimeoutMs));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->rawHeader("Content-Length"), QByteArray("10"));
    QVERIFY(reply->readAll().isEmpty());
    delete reply;
}

void TestLoopbackHttpServer::closesHttp10ConnectionsUnlessKeptAlive()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    {
        RawClient raw(server);
        QVERIFY(raw.waitConnected());
        raw.write("GET /old HTTP/1.0\r\n\r\n");
        const QByteArray received = raw.readUntilClosed();
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
        QVERIFY(received.contains("\r\nConnection: close\r\n"));
        QVERIFY(received.endsWith("path=/old"));
    }
    RawClient kept(server);
    QVERIFY(kept.waitConnected());
    kept.write("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(kept.readAnswers(1, &answers));
    QVERIFY(answers.at(0).contains("\r\nConnection: keep-alive\r\n"));
    kept.write("GET /b HTTP/1.0\r\n\r\n");
    const QByteArray rest = kept.readUntilClosed();
    QVERIFY2(rest.endsWith("path=/b"), rest.constData());
    QCOMPARE(recorder.requests.size(), 3);
    QCOMPARE(server.acceptedConnections(), 2);
}

void TestLoopbackHttpServer::sendsContinueBeforeTheBody()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("POST /upload HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
              "Content-Length: 5\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(1, &answers));
    QCOMPARE(answers.at(0), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(recorder.requests.isEmpty());
    raw.write("hello");
    QVERIFY(raw.readAnswers(2, &answers));
    QVERIFY(answers.at(1).startsWith("HTTP/1.1 201 Created\r\n"));
    QCOMPARE(recorder.requests.size(), 1);
    QCOMPARE(recorder.requests.first().body, QByteArray("hello"));
}

void TestLoopbackHttpServer::passesUnknownMethodsToTheHandler()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const Exchange exchange = send(network, requestTo(server, QStringLiteral("/pot")), "BREW");
    QCOMPARE(exchange.error, QNetworkReply::NoError);
    QCOMPARE(exchange.header("X-Seen-Method"), QByteArray("BREW"));
    const Exchange removed = send(network, requestTo(server, QStringLiteral("/tags/x")), "DELETE");
    QCOMPARE(removed.header("X-Seen-Method"), QByteArray("DELETE"));
    QCOMPARE(recorder.requests.size(), 2);
    QCOMPARE(recorder.requests.at(0).method, QByteArray("BREW"));
}

void TestLoopbackHttpServer::refusesNonLoopbackAddressesBeforeOpeningASocket()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    for (const QHostAddress &address :
         {QHostAddress(QHostAddress::Any), QHostAddress(QHostAddress::AnyIPv6),
          QHostAddress(QStringLiteral("192.0.2.10")), QHostAddress(QStringLiteral("10.0.0.1"))}) {
        QString error;
        QVERIFY(!server.listenOnLoopback(address, 0, &error));
        QVERIFY2(error.contains(address.toString()), qPrintable(error));
        QVERIFY(!server.isListening());
        QCOMPARE(server.port(), quint16(0));
        // No listening socket was even created (0.0.0.0 would have been accepted by the OS).
        QVERIFY(server.findChildren<QTcpServer *>().isEmpty());
    }
    QString error;
    QVERIFY2(server.listenOnLoopback(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(server.isListening());
    QCOMPARE(server.findChildren<QTcpServer *>().size(), 1);
}

void TestLoopbackHttpServer::closingTheServerClosesItsConnections()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QVERIFY(server.listenOnLoopback());
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("GET /open HTTP/1.1\r\nHost: h\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(1, &answers));
    QCOMPARE(raw.state(), QAbstractSocket::ConnectedState);

    const quint16 port = server.port();
    server.close();
    QVERIFY(!server.isListening());
    QTRY_COMPARE_WITH_TIMEOUT(raw.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    // Nor does it accept new ones.
    QTcpSocket late;
    QSignalSpy failed(&late, &QTcpSocket::errorOccurred);
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(failed.wait(kTimeoutMs));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestLoopbackHttpServer::servesHttpsWithATestCertificate()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    server.useTls(m_certificates.serverConfiguration());
    QVERIFY(server.listenOnLoopback());
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));
    QVERIFY(server.findChildren<QSslServer *>().size() == 1);

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificates(m_certificates.caCertificatePath());
    for (int i = 0; i < 3; ++i) {
        QNetworkRequest request = requestTo(server, QStringLiteral("/secure?i=%1").arg(i));
        request.setSslConfiguration(trusting);
        const Exchange exchange = send(network, request, "POST", "over tls");
        QCOMPARE(exchange.error, QNetworkReply::NoError);
        QCOMPARE(exchange.status, 201);
        QCOMPARE(exchange.body, QByteArray("path=/secure"));
    }
    QCOMPARE(recorder.requests.size(), 3);
    QCOMPARE(recorder.requests.at(2).query, QByteArray("i=2"));
    QCOMPARE(recorder.requests.at(2).body, QByteArray("over tls"));
    QCOMPARE(server.acceptedConnections(), 1);

    // Connection: close over TLS: the answer arrives whole before the connection ends.
    QNetworkRequest closing = requestTo(server, QStringLiteral("/secure-close"));
    closing.setSslConfiguration(trusting);
    closing.setRawHeader("Connection", "close");
    const Exchange closed = send(network, closing, "GET");
    QCOMPARE(closed.error, QNetworkReply::NoError);
    QCOMPARE(closed.body, QByteArray("path=/secure-close"));
}

void TestLoopbackHttpServer::refusesHttpsFromAClientThatDoesNotTrustTheCertificate()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    server.useTls(m_certificates.serverConfiguration());
    QVERIFY(server.listenOnLoopback());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const Exchange exchange = send(network, requestTo(server, QStringLiteral("/secure")), "GET");
    QCOMPARE(exchange.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(recorder.requests.isEmpty());
    QCOMPARE(server.acceptedConnections(), 0); // only handshaken connections are handed over

    // Plain HTTP to the HTTPS port is not a request either.
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    const QByteArray received = raw.readUntilClosed();
    QVERIFY(!received.startsWith("(still open)"));
    QVERIFY(recorder.requests.isEmpty());
}

void TestLoopbackHttpServer::closesAConnectionLeftIdle()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    QCOMPARE(net::LoopbackHttpServer::kDefaultIdleTimeoutMs, 30000);
    server.setIdleTimeout(300);
    QVERIFY(server.listenOnLoopback());

    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("GET /once HTTP/1.1\r\nHost: h\r\n\r\n");
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(1, &answers));
    QVERIFY2(answers.constFirst().startsWith("HTTP/1.1 200 OK\r\n"),
             answers.constFirst().constData());
    QElapsedTimer silence;
    silence.start();
    // Nothing more is said: the connection just ends.
    QCOMPARE(raw.readUntilClosed(), QByteArray());
    QVERIFY2(silence.elapsed() >= 250, qPrintable(QString::number(silence.elapsed())));
    QCOMPARE(recorder.requests.size(), 1);
}

void TestLoopbackHttpServer::answersARequestThatStallsWith408()
{
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    server.setIdleTimeout(300);
    QVERIFY(server.listenOnLoopback());

    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    raw.write("POST /half HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n12345");
    const QByteArray received = raw.readUntilClosed();
    QVERIFY2(received.startsWith("HTTP/1.1 408 Request Timeout\r\n"), received.constData());
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QVERIFY(recorder.requests.isEmpty());
}

void TestLoopbackHttpServer::aClientStillSendingIsNotCutOff()
{
    // Time is told by the servers' own idle timers, which fire in the order they fall due. The
    // pieces go out one silent connection apart on `metronome`, whose timeout is a quarter of the
    // server's. `outlasting`, accepted after `raw` and with a longer timeout, is closed only once
    // `raw` has been open for longer than its own timeout: had that run from the start, `raw`
    // would be closed first.
    constexpr int kIdleTimeoutMs = 1200;
    Recorder recorder;
    net::LoopbackHttpServer server(recorder.handler());
    server.setIdleTimeout(kIdleTimeoutMs);
    QVERIFY(server.listenOnLoopback());
    net::LoopbackHttpServer metronome([](const net::HttpRequest &) { return net::HttpResponse(); });
    metronome.setIdleTimeout(kIdleTimeoutMs / 4);
    QVERIFY(metronome.listenOnLoopback());
    const auto beat = [&metronome] {
        RawClient silent(metronome);
        return silent.waitConnected() && silent.readUntilClosed().isEmpty();
    };

    QElapsedTimer open;
    open.start();
    RawClient raw(server);
    QVERIFY(raw.waitConnected());
    QTRY_COMPARE(server.acceptedConnections(), 1);
    server.setIdleTimeout(kIdleTimeoutMs * 5 / 4);
    RawClient outlasting(server);
    QVERIFY(outlasting.waitConnected());
    QTRY_COMPARE(server.acceptedConnections(), 2);

    // Never silent for as long as the timeout, and longer in all.
    raw.write("POST /slow HTTP/1.1\r\nHost: h\r\n");
    int piece = 0;
    while (outlasting.state() == QAbstractSocket::ConnectedState) {
        QVERIFY(beat());
        QCOMPARE(raw.state(), QAbstractSocket::ConnectedState);
        raw.write("X-Piece: " + QByteArray::number(++piece) + "\r\n");
    }
    QVERIFY2(open.elapsed() > kIdleTimeoutMs, qPrintable(QString::number(open.elapsed())));
    const QList<QByteArray> rest{"Content-Length: 6\r\n", "\r\n", "abc", "def"};
    for (const QByteArray &bytes : rest) {
        raw.write(bytes);
        QVERIFY(beat());
        QCOMPARE(raw.state(), QAbstractSocket::ConnectedState);
    }
    QList<QByteArray> answers;
    QVERIFY(raw.readAnswers(1, &answers));
    QVERIFY2(answers.constFirst().startsWith("HTTP/1.1 201 Created\r\n"),
             answers.constFirst().constData());
    QCOMPARE(recorder.requests.size(), 1);
    QCOMPARE(recorder.requests.constFirst().body, QByteArray("abcdef"));
}

QTEST_MAIN(TestLoopbackHttpServer)
#include "tst_loopback_http_server.moc"
