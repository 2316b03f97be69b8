#include "net/http_request_parser.h"

#include <limits>
#include <QTest>

using net::HttpParseLimits;
using net::HttpRequestParser;
using net::ParsedRequest;
using Result = net::HttpRequestParser::Result;

// The request parser on its own: framing, pipelining, every refusal and the limits, with input
// arriving whole or one byte at a time.
class TestHttpRequestParser : public QObject {
    Q_OBJECT
private slots:
    void parsesRequestLineAndHeadersAsSent();
    void looksUpHeadersCaseInsensitively();
    void parsesBodyByContentLength();
    void sameRequestsWhenInputArrivesByteByByte();
    void answersPipelinedRequestsInOrder();
    void decidesWhetherTheConnectionPersists_data();
    void decidesWhetherTheConnectionPersists();
    void keepsPathAndQueryAsOnTheRequestLine_data();
    void keepsPathAndQueryAsOnTheRequestLine();
    void passesUnknownMethodsByName();
    void acceptsLenientButUnambiguousInput();
    void refusesMalformedRequests_data();
    void refusesMalformedRequests();
    void refusesHeaderSectionOverTheLimit();
    void refusesHeaderSectionOverTheLimitBeforeItEnds();
    void refusesBodyOverTheLimitBeforeItArrives();
    void defaultLimitsAre64KiBOfHeadersAnd8MiBOfBody();
    void staysFailedAfterARefusal();
    void asksForContinueOnlyWhileTheBodyIsAwaited();
};

namespace {

struct Outcome {
    QList<ParsedRequest> requests;
    Result last = Result::NeedMoreData;
    net::HttpParseError error;
};

// Takes every request the parser completes after `bytes`.
void drain(HttpRequestParser &parser, Outcome &outcome)
{
    while ((outcome.last = parser.parse()) == Result::RequestReady)
        outcome.requests.append(parser.takeRequest());
    if (outcome.last == Result::Failed)
        outcome.error = parser.error();
}

Outcome parseWhole(const QByteArray &input, HttpParseLimits limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    parser.append(input);
    drain(parser, outcome);
    return outcome;
}

Outcome parseByteByByte(const QByteArray &input, HttpParseLimits limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    for (const char byte : input) {
        parser.append(QByteArrayView(&byte, 1));
        drain(parser, outcome);
        if (outcome.last == Result::Failed)
            break;
    }
    return outcome;
}

void compareRequests(const ParsedRequest &actual, const ParsedRequest &expected)
{
    QCOMPARE(actual.request.method, expected.request.method);
    QCOMPARE(actual.request.path, expected.request.path);
    QCOMPARE(actual.request.query, expected.request.query);
    QCOMPARE(actual.request.headers, expected.request.headers);
    QCOMPARE(actual.request.body, expected.request.body);
    QCOMPARE(actual.minorVersion, expected.minorVersion);
    QCOMPARE(actual.keepAlive, expected.keepAlive);
    QCOMPARE(actual.headRequest, expected.headRequest);
}

const QByteArray kPipelined = "GET /first?a=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
                              "POST /second HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                              "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n"
                              "{\"n\":\"\r\n\"}"
                              "HEAD /third HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                              "Connection: close\r\n\r\n";

} // namespace

void TestHttpRequestParser::parsesRequestLineAndHeadersAsSent()
{
    const Outcome outcome = parseWhole("GET /GetStage?x=1 HTTP/1.1\r\n"
                                       "Host: 127.0.0.1:8080\r\n"
                                       "X-Amz-Date:20240102T030405Z\r\n"
                                       "x-lower:  padded value \t\r\n"
                                       "X-Empty:\r\n"
                                       "X-Amz-Date: second\r\n"
                                       "\r\n");
    QCOMPARE(outcome.last, Result::NeedMoreData);
    QCOMPARE(outcome.requests.size(), 1);
    const ParsedRequest &parsed = outcome.requests.first();
    QCOMPARE(parsed.request.method, QByteArray("GET"));
    QCOMPARE(parsed.request.path, QByteArray("/GetStage"));
    QCOMPARE(parsed.request.query, QByteArray("x=1"));
    // In order, names as sent, values without the blanks around them, repeats kept.
    const net::HeaderList expected{{"Host", "127.0.0.1:8080"},
                                   {"X-Amz-Date", "20240102T030405Z"},
                                   {"x-lower", "padded value"},
                                   {"X-Empty", ""},
                                   {"X-Amz-Date", "second"}};
    QCOMPARE(parsed.request.headers, expected);
    QVERIFY(parsed.request.body.isEmpty());
    QCOMPARE(parsed.minorVersion, 1);
    QVERIFY(parsed.keepAlive);
    QVERIFY(!parsed.headRequest);
}

void TestHttpRequestParser::looksUpHeadersCaseInsensitively()
{
    const Outcome outcome = parseWhole("GET / HTTP/1.1\r\nHOST: h\r\nContent-TYPE: a/b\r\n"
                                       "x-amz-date: 1\r\nX-AMZ-DATE: 2\r\nX-Empty:\r\n\r\n");
    QCOMPARE(outcome.requests.size(), 1);
    const net::HttpRequest &request = outcome.requests.first().request;
    QCOMPARE(request.header("host"), QByteArray("h"));
    QCOMPARE(request.header("content-type"), QByteArray("a/b"));
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("1")); // the first of repeated headers
    // An empty header is not a missing one.
    QVERIFY(!request.header("x-empty").isNull());
    QVERIFY(request.header("x-empty").isEmpty());
    QVERIFY(request.header("x-missing").isNull());
}

void TestHttpRequestParser::parsesBodyByContentLength()
{
    HttpRequestParser parser;
    parser.append("POST /CreateParticipantToken HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n"
                  "0123");
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    parser.append("456789GET");
    QCOMPARE(parser.parse(), Result::RequestReady);
    QCOMPARE(parser.parse(), Result::RequestReady); // until taken, the same request is ready
    const ParsedRequest parsed = parser.takeRequest();
    QCOMPARE(parsed.request.method, QByteArray("POST"));
    QCOMPARE(parsed.request.body, QByteArray("0123456789"));
    // What follows the body is the start of the next request.
    QCOMPARE(parser.bufferedBytes(), qsizetype(3));
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    parser.append(" / HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(parser.parse(), Result::RequestReady);
    QCOMPARE(parser.takeRequest().request.method, QByteArray("GET"));
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
}

void TestHttpRequestParser::sameRequestsWhenInputArrivesByteByByte()
{
    const Outcome whole = parseWhole(kPipelined);
    const Outcome split = parseByteByByte(kPipelined);
    QCOMPARE(whole.requests.size(), 3);
    QCOMPARE(split.requests.size(), 3);
    for (int i = 0; i < 3; ++i)
        compareRequests(split.requests.at(i), whole.requests.at(i));
    QCOMPARE(split.last, Result::NeedMoreData);

    // A refusal is found at the same byte whichever way the input arrives.
    const QByteArray bad = "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n"
                           "\r\nhello";
    QCOMPARE(parseByteByByte(bad).error.status, 400);
    QCOMPARE(parseWhole(bad).error.status, 400);
}

void TestHttpRequestParser::answersPipelinedRequestsInOrder()
{
    const Outcome outcome = parseWhole(kPipelined);
    QCOMPARE(outcome.requests.size(), 3);
    QCOMPARE(outcome.requests.at(0).request.path, QByteArray("/first"));
    QCOMPARE(outcome.requests.at(0).request.query, QByteArray("a=1"));
    QVERIFY(outcome.requests.at(0).request.body.isEmpty());
    QCOMPARE(outcome.requests.at(1).request.path, QByteArray("/second"));
    QCOMPARE(outcome.requests.at(1).request.body, QByteArray("{\"n\":\"\r\n\"}"));
    QCOMPARE(outcome.requests.at(2).request.method, QByteArray("HEAD"));
    QVERIFY(outcome.requests.at(2).headRequest);
    QVERIFY(outcome.requests.at(1).keepAlive);
    QVERIFY(!outcome.requests.at(2).keepAlive);
}

void TestHttpRequestParser::decidesWhetherTheConnectionPersists_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<int>("minorVersion");
    QTest::newRow("1.1 by default") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true << 1;
    QTest::newRow("1.1 close") << QByteArray(
                                      "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                               << false << 1;
    QTest::newRow("1.1 Close in a list")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n") << false
        << 1;
    QTest::newRow("1.1 close in a second field")
        << QByteArray(
               "GET / HTTP/1.1\r\nHost: h\r\nConnection: upgrade\r\nConnection: close\r\n\r\n")
        << false << 1;
    QTest::newRow("1.1 keep-alive") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: "
                                                  "keep-alive\r\n\r\n")
                                    << true << 1;
    QTest::newRow("1.0 by default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false << 0;
    QTest::newRow("1.0 Keep-Alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true << 0;
    QTest::newRow("1.0 keep-alive and close")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive,close\r\n\r\n") << false << 0;
}

void TestHttpRequestParser::decidesWhetherTheConnectionPersists()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    QFETCH(int, minorVersion);
    const Outcome outcome = parseWhole(input);
    QCOMPARE(outcome.requests.size(), 1);
    QCOMPARE(outcome.requests.first().keepAlive, keepAlive);
    QCOMPARE(outcome.requests.first().minorVersion, minorVersion);
}

void TestHttpRequestParser::keepsPathAndQueryAsOnTheRequestLine_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("plain") << QByteArray("/GetStage") << QByteArray("/GetStage") << QByteArray();
    // As SigV4 signs them: nothing decoded, re-encoded or normalised.
    QTest::newRow("encoded ARN and repeated keys")
        << QByteArray("/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2Fab"
                      "?tagKeys=a%20b&tagKeys=c%2Bd&tagKeys=%7E")
        << QByteArray("/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2Fab")
        << QByteArray("tagKeys=a%20b&tagKeys=c%2Bd&tagKeys=%7E");
    QTest::newRow("dot segments and double slashes")
        << QByteArray("/a/./b/../c//d%2e%2E") << QByteArray("/a/./b/../c//d%2e%2E") << QByteArray();
    QTest::newRow("empty query") << QByteArray("/x?") << QByteArray("/x") << QByteArray("");
    QTest::newRow("question mark in the query")
        << QByteArray("/x?a=?&b") << QByteArray("/x") << QByteArray("a=?&b");
    QTest::newRow("absolute form") << QByteArray("http://127.0.0.1:8080/p%20q?r=s")
                                   << QByteArray("/p%20q") << QByteArray("r=s");
    QTest::newRow("absolute form, no path")
        << QByteArray("HTTPS://localhost?r") << QByteArray("/") << QByteArray("r");
}

void TestHttpRequestParser::keepsPathAndQueryAsOnTheRequestLine()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, query);
    const Outcome outcome = parseWhole("DELETE " + target + " HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(outcome.last, Result::NeedMoreData);
    QCOMPARE(outcome.requests.size(), 1);
    QCOMPARE(outcome.requests.first().request.path, path);
    QCOMPARE(outcome.requests.first().request.query, query);
    QCOMPARE(outcome.requests.first().request.query.isNull(), query.isNull());
}

void TestHttpRequestParser::passesUnknownMethodsByName()
{
    const Outcome outcome = parseWhole("BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n"
                                       "M-SEARCH * HTTP/1.1\r\nHost: h\r\n\r\n"
                                       "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"
                                       "get / HTTP/1.1\r\nHost: h\r\n\r\n");
    // "*" is for OPTIONS only: M-SEARCH ends the parse.
    QCOMPARE(outcome.requests.size(), 1);
    QCOMPARE(outcome.requests.first().request.method, QByteArray("BREW"));
    QCOMPARE(outcome.error.status, 400);

    const Outcome options = parseWhole("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"
                                       "get / HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(options.requests.size(), 2);
    QCOMPARE(options.requests.at(0).request.path, QByteArray("*"));
    // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET and is passed on as sent.
    QCOMPARE(options.requests.at(1).request.method, QByteArray("get"));
}

void TestHttpRequestParser::acceptsLenientButUnambiguousInput()
{
    // Empty lines before a request, bare LF line ends, an HTTP/1.0 request without Host, equal
    // repeated lengths, leading zeros and a later minor version.
    const Outcome outcome =
        parseWhole("\r\n\nPOST /a HTTP/1.1\nHost: h\nContent-Length: 3\n\nabc"
                   "GET /b HTTP/1.0\r\n\r\n"
                   "PUT /c HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n"
                   "Content-Length: 2\r\n\r\nxy"
                   "PUT /d HTTP/1.1\r\nHost: h\r\nContent-Length: 004\r\n\r\nwxyz"
                   "GET /e HTTP/1.9\r\nHost: h\r\n\r\n");
    QCOMPARE(outcome.last, Result::NeedMoreData);
    QCOMPARE(outcome.requests.size(), 5);
    QCOMPARE(outcome.requests.at(0).request.body, QByteArray("abc"));
    QCOMPARE(outcome.requests.at(0).request.header("host"), QByteArray("h"));
    QCOMPARE(outcome.requests.at(1).request.path, QByteArray("/b"));
    QCOMPARE(outcome.requests.at(2).request.body, QByteArray("xy"));
    QCOMPARE(outcome.requests.at(3).request.body, QByteArray("wxyz"));
    QCOMPARE(outcome.requests.at(4).minorVersion, 9);
    QVERIFY(outcome.requests.at(4).keepAlive);
}

void TestHttpRequestParser::refusesMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    const QByteArray host = "Host: h\r\n";
    QTest::newRow("garbage") << QByteArray("HELLO THERE\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n", 13)
                            << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("trailing word") << QByteArray("GET / HTTP/1.1 x\r\n" + host + "\r\n") << 400;
    QTest::newRow("tab separator") << QByteArray("GET\t/ HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("method not a token") << QByteArray("GE(T / HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("long version") << QByteArray("GET / HTTP/1.10\r\n" + host + "\r\n") << 400;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n" + host + "\r\n") << 505;
    QTest::newRow("relative target") << QByteArray("GET stage HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("fragment") << QByteArray("GET /a#b HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("non-ASCII target")
        << QByteArray("GET /\xc3\xa9 HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("absolute form without host")
        << QByteArray("GET http:///a HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("bare CR in request line")
        << QByteArray("GET /\r HTTP/1.1\r\n" + host + "\r\n") << 400;
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X-Broken\r\n\r\n") << 400;
    QTest::newRow("blank before colon")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X-Name : v\r\n\r\n") << 400;
    QTest::newRow("empty header name")
        << QByteArray("GET / HTTP/1.1\r\n" + host + ": v\r\n\r\n") << 400;
    QTest::newRow("folded header")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A: one\r\n two\r\n\r\n") << 400;
    QTest::newRow("NUL in value") << QByteArray("GET / HTTP/1.1\r\n" + host +
                                                QByteArray("X-A: a\0b\r\n\r\n", 12))
                                  << 400;
    QTest::newRow("bare CR in value")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X-A: a\rb\r\n\r\n") << 400;
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\n" + host + host + "\r\n") << 400;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n") << 400;
    QTest::newRow("signed length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: +1\r\n\r\nx") << 400;
    QTest::newRow("non-numeric length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: ten\r\n\r\n") << 400;
    QTest::newRow("hex length") << QByteArray("POST / HTTP/1.1\r\n" + host +
                                              "Content-Length: 0x10\r\n\r\n")
                                << 400;
    QTest::newRow("empty length") << QByteArray("POST / HTTP/1.1\r\n" + host +
                                                "Content-Length:\r\n\r\n")
                                  << 400;
    QTest::newRow("length with inner blank")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 1 0\r\n\r\n") << 400;
    QTest::newRow("differing lengths")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!")
        << 400;
    QTest::newRow("differing lengths in a list")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 5, 6\r\n\r\nhello!") << 400;
    QTest::newRow("empty list element")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 5,\r\n\r\nhello") << 400;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\n" + host +
                                           "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n")
                             << 501;
    QTest::newRow("chunked and a length")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello")
        << 501;
    QTest::newRow("length over 2^63")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999\r\n\r\n")
        << 413;
}

void TestHttpRequestParser::refusesMalformedRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    const Outcome whole = parseWhole(input);
    QCOMPARE(whole.last, Result::Failed);
    QVERIFY(whole.requests.isEmpty());
    QCOMPARE(whole.error.status, status);
    QVERIFY(!whole.error.reason.isEmpty());
    const Outcome split = parseByteByByte(input);
    QCOMPARE(split.last, Result::Failed);
    QCOMPARE(split.error.status, status);
}

void TestHttpRequestParser::refusesHeaderSectionOverTheLimit()
{
    HttpParseLimits limits;
    limits.maxHeaderBytes = 100;
    const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\nX-Fill: "; // 33 bytes
    const QByteArray end = "\r\n\r\n";
    // Exactly at the limit, line ends included, is accepted; one byte more is not.
    const QByteArray fits = start + QByteArray(100 - start.size() - end.size(), 'a') + end;
    QCOMPARE(fits.size(), 100);
    QCOMPARE(parseWhole(fits, limits).requests.size(), 1);
    const QByteArray over = start + QByteArray(101 - start.size() - end.size(), 'a') + end;
    QCOMPARE(parseWhole(over, limits).error.status, 431);
    QCOMPARE(parseByteByByte(over, limits).error.status, 431);

    // The limit is per request: many requests of 100 bytes each pass on one connection.
    QCOMPARE(parseWhole(fits + fits + fits, limits).requests.size(), 3);
    // Empty lines before a request count towards it.
    QCOMPARE(parseWhole("\r\n" + fits, limits).error.status, 431);
}

void TestHttpRequestParser::refusesHeaderSectionOverTheLimitBeforeItEnds()
{
    HttpParseLimits limits;
    limits.maxHeaderBytes = 1000;
    HttpRequestParser parser(limits);
    parser.append("GET /" + QByteArray(994, 'a'));
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    parser.append("b"); // 1000 bytes without a line end: still within the limit
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    parser.append("c");
    QCOMPARE(parser.parse(), Result::Failed);
    QCOMPARE(parser.error().status, 431);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0)); // nothing kept of the refused input
}

void TestHttpRequestParser::refusesBodyOverTheLimitBeforeItArrives()
{
    HttpParseLimits limits;
    limits.maxBodyBytes = 16;
    const QByteArray head = "PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: ";
    const Outcome fits = parseWhole(head + "16\r\n\r\n" + QByteArray(16, 'x'), limits);
    QCOMPARE(fits.requests.size(), 1);
    QCOMPARE(fits.requests.first().request.body.size(), 16);

    HttpRequestParser parser(limits);
    parser.append(head + "17\r\n\r\nabc"); // refused on the headers, before the body is in
    QCOMPARE(parser.parse(), Result::Failed);
    QCOMPARE(parser.error().status, 413);
    // What the client is still to send of it, for a server that reads it before closing.
    QCOMPARE(parser.error().unreadBodyBytes, qint64(14));

    HttpRequestParser huge(limits);
    huge.append(head + "123456789012345678901234567890\r\n\r\n");
    QCOMPARE(huge.parse(), Result::Failed);
    QCOMPARE(huge.error().status, 413);
    QCOMPARE(huge.error().unreadBodyBytes, std::numeric_limits<qint64>::max());
    // Other refusals leave nothing to read.
    HttpRequestParser malformed(limits);
    malformed.append(head + "x\r\n\r\n");
    QCOMPARE(malformed.parse(), Result::Failed);
    QCOMPARE(malformed.error().unreadBodyBytes, qint64(0));
}

void TestHttpRequestParser::defaultLimitsAre64KiBOfHeadersAnd8MiBOfBody()
{
    const QByteArray head = "PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: ";
    HttpRequestParser atLimit;
    atLimit.append(head + QByteArray::number(8 * 1024 * 1024) + "\r\n\r\n");
    QCOMPARE(atLimit.parse(), Result::NeedMoreData);
    HttpRequestParser overLimit;
    overLimit.append(head + QByteArray::number(8 * 1024 * 1024 + 1) + "\r\n\r\n");
    QCOMPARE(overLimit.parse(), Result::Failed);
    QCOMPARE(overLimit.error().status, 413);

    const QByteArray start = "GET / HTTP/1.1\r\nHost: h\r\nX-Fill: ";
    const qsizetype fill = 64 * 1024 - start.size() - 4;
    QCOMPARE(parseWhole(start + QByteArray(fill, 'a') + "\r\n\r\n").requests.size(), 1);
    QCOMPARE(parseWhole(start + QByteArray(fill + 1, 'a') + "\r\n\r\n").error.status, 431);
}

void TestHttpRequestParser::staysFailedAfterARefusal()
{
    HttpRequestParser parser;
    parser.append("NOT HTTP\r\n");
    QCOMPARE(parser.parse(), Result::Failed);
    parser.append("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    QCOMPARE(parser.parse(), Result::Failed);
    QCOMPARE(parser.error().status, 400);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
}

void TestHttpRequestParser::asksForContinueOnlyWhileTheBodyIsAwaited()
{
    HttpRequestParser parser;
    parser.append("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\n");
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    QVERIFY(!parser.awaitsContinue()); // the headers are not complete yet
    parser.append("Content-Length: 4\r\n\r\n");
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    QVERIFY(parser.awaitsContinue());
    parser.continueSent();
    QVERIFY(!parser.awaitsContinue());
    parser.append("body");
    QCOMPARE(parser.parse(), Result::RequestReady);
    QCOMPARE(parser.takeRequest().request.body, QByteArray("body"));

    // Not for HTTP/1.0, which has no interim answers.
    parser.append("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QCOMPARE(parser.parse(), Result::NeedMoreData);
    QVERIFY(!parser.awaitsContinue());
}

QTEST_APPLESS_MAIN(TestHttpRequestParser)
#include "tst_http_request_parser.moc"
