// libFuzzer target: net::HttpRequestParser on arbitrary bytes from a client, as the loopback
// server reads them, then the response writer on what the requests carried. Input layout: the
// first byte sets the size of the pieces the rest arrives in (1-16 bytes), the rest is the
// byte stream of one connection.

#include "fuzz_support.h"
#include "net/http_request_parser.h"
#include "net/http_response_writer.h"

#include <QList>

namespace {

// Small limits, so that inputs of a few KiB reach them.
net::HttpParseLimits fuzzLimits()
{
    net::HttpParseLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 2048;
    return limits;
}

struct Outcome {
    QList<net::ParsedRequest> requests;
    bool failed = false;
    int status = 0;
};

void drain(net::HttpRequestParser &parser, Outcome &outcome)
{
    net::HttpRequestParser::Result result;
    while ((result = parser.parse()) == net::HttpRequestParser::Result::RequestReady)
        outcome.requests.append(parser.takeRequest());
    if (result == net::HttpRequestParser::Result::Failed && !outcome.failed) {
        outcome.failed = true;
        outcome.status = parser.error().status;
        FUZZ_CHECK(!parser.error().reason.isEmpty());
        FUZZ_CHECK(parser.error().unreadBodyBytes >= 0);
        FUZZ_CHECK(parser.bufferedBytes() == 0);
    }
}

bool isOneOf(int status, std::initializer_list<int> statuses)
{
    for (const int candidate : statuses) {
        if (candidate == status)
            return true;
    }
    return false;
}

void checkRequest(const net::ParsedRequest &parsed, const net::HttpParseLimits &limits)
{
    const net::HttpRequest &request = parsed.request;
    FUZZ_CHECK(!request.method.isEmpty());
    FUZZ_CHECK(!request.method.contains(' ') && !request.method.contains('\r'));
    FUZZ_CHECK(request.path.startsWith('/') || request.path == "*");
    FUZZ_CHECK(!request.path.contains('?') && !request.path.contains(' '));
    FUZZ_CHECK(!request.query.contains(' ') && !request.query.contains('#'));
    FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
    FUZZ_CHECK(parsed.minorVersion >= 0 && parsed.minorVersion <= 9);
    FUZZ_CHECK(parsed.headRequest == (request.method == "HEAD"));
    for (const auto &[name, value] : request.headers) {
        FUZZ_CHECK(!name.isEmpty() && !name.contains(':') && !name.contains(' '));
        FUZZ_CHECK(!value.contains('\r') && !value.contains('\n') && !value.contains('\0'));
        FUZZ_CHECK(!value.startsWith(' ') && !value.endsWith(' '));
    }
    if (!request.body.isEmpty())
        FUZZ_CHECK(request.header("content-length").toLongLong() == request.body.size() ||
                   request.header("content-length").contains(','));
}

// Whatever a handler echoes from a request into its answer, the answer's head stays well formed:
// one status line and header lines, each ended by CRLF, then the blank line.
void checkEchoedResponse(const net::ParsedRequest &parsed)
{
    net::HttpResponse response;
    response.status = parsed.request.body.isEmpty() ? 200 : 400 + parsed.request.body.size() % 200;
    response.headers = parsed.request.headers;
    response.body = parsed.request.body;
    net::ResponseFraming framing;
    framing.headRequest = parsed.headRequest;
    framing.closeConnection = !parsed.keepAlive;
    const QByteArray wire = net::serializeHttpResponse(response, framing);
    const qsizetype headEnd = wire.indexOf("\r\n\r\n");
    FUZZ_CHECK(headEnd > 0);
    FUZZ_CHECK(wire.startsWith("HTTP/1.1 "));
    const QByteArray head = wire.left(headEnd + 2);
    FUZZ_CHECK(head.count('\n') == head.count("\r\n"));
    FUZZ_CHECK(head.count('\r') == head.count("\r\n"));
    const qsizetype bodySize = wire.size() - headEnd - 4;
    FUZZ_CHECK(bodySize == (parsed.headRequest ? 0 : response.body.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = 1 + data[0] % 16;
    const QByteArray stream = fuzz::bytes(data + 1, size - 1);
    const net::HttpParseLimits limits = fuzzLimits();

    // The stream at once, and in pieces: the same requests, the same refusal.
    Outcome whole;
    net::HttpRequestParser atOnce(limits);
    atOnce.append(stream);
    drain(atOnce, whole);

    Outcome pieces;
    net::HttpRequestParser inPieces(limits);
    for (qsizetype from = 0; from < stream.size() && !pieces.failed; from += piece) {
        inPieces.append(QByteArrayView(stream).sliced(from, qMin(piece, stream.size() - from)));
        drain(inPieces, pieces);
    }

    FUZZ_CHECK(whole.failed == pieces.failed);
    FUZZ_CHECK(whole.status == pieces.status);
    FUZZ_CHECK(whole.requests.size() == pieces.requests.size());
    if (whole.failed)
        FUZZ_CHECK(isOneOf(whole.status, {400, 413, 431, 501, 505}));
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        const net::ParsedRequest &a = whole.requests.at(i);
        const net::ParsedRequest &b = pieces.requests.at(i);
        FUZZ_CHECK(a.request.method == b.request.method && a.request.path == b.request.path &&
                   a.request.query == b.request.query && a.request.headers == b.request.headers &&
                   a.request.body == b.request.body && a.keepAlive == b.keepAlive &&
                   a.minorVersion == b.minorVersion);
        checkRequest(a, limits);
        checkEchoedResponse(a);
    }
    return 0;
}
