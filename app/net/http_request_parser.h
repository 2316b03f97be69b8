#pragma once

#include "net/http_message.h"

#include <QByteArray>
#include <QByteArrayView>

namespace net {

struct HttpParseLimits {
    qsizetype maxHeaderBytes = 64 * 1024; // request line and header fields, line ends included
    qsizetype maxBodyBytes = 8 * 1024 * 1024;
};

// Why a request was refused, and the status to answer with before closing the connection.
struct HttpParseError {
    int status = 400; // 400, 413, 431, 501 or 505
    QByteArray reason;
    // For a body refused as too large (413): how many of its bytes the client is still to send,
    // by its Content-Length. A server that reads and drops them before closing lets the client
    // finish its upload and read the answer, instead of seeing the connection end under it.
    qint64 unreadBodyBytes = 0;
};

struct ParsedRequest {
    HttpRequest request;
    int minorVersion = 1;     // HTTP/1.<minorVersion>
    bool keepAlive = true;    // the connection may carry another request after this one
    bool headRequest = false; // the answer carries no body
};

// Incremental HTTP/1.x request parser (RFC 9112): bytes in, whole requests out, in order. It only
// buffers and parses, with no sockets, so it can be tested and fuzzed on its own.
//
// Bodies are framed by Content-Length only: a request with Transfer-Encoding is refused with 501
// (HTTP clients send Content-Length for bodies of a known size, as QNetworkAccessManager does).
class HttpRequestParser {
public:
    enum class Result { NeedMoreData, RequestReady, Failed };

    explicit HttpRequestParser(HttpParseLimits limits = {});

    void append(QByteArrayView bytes);

    // Parses the buffered bytes until a request is complete, more bytes are needed or the input
    // is refused. Once failed, the parser stays failed: the connection cannot be resynchronised.
    Result parse();

    // After RequestReady: hands the request over and starts on the next one (parse() again, as
    // pipelined requests may already be buffered).
    ParsedRequest takeRequest();

    // After Failed.
    const HttpParseError &error() const { return m_error; }

    // True when the headers of a request with "Expect: 100-continue" are in, its body is not, and
    // no interim answer was sent yet; the caller sends "100 Continue" and calls continueSent().
    bool awaitsContinue() const;
    void continueSent() { m_continueSent = true; }

    // Bytes received and not yet part of a request handed over.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_consumed; }

private:
    enum class Stage { RequestLine, Headers, Body, Ready, Failed };

    // Each returns false after refusing the request (error() says why).
    bool refuse(int status, const char *reason);
    bool parseRequestLine(QByteArrayView line);
    bool parseTarget(QByteArrayView target);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHeaders(); // decides the body length and whether the connection persists

    HttpParseLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_consumed = 0;    // bytes of m_buffer that belong to requests already handed over
    qsizetype m_lineStart = 0;   // start of the line (or body) being read
    qsizetype m_scanFrom = 0;    // where to look for the next line end: bytes before have none
    qsizetype m_headerBytes = 0; // of the current request so far
    Stage m_stage = Stage::RequestLine;
    ParsedRequest m_current;
    qsizetype m_bodyLength = 0;
    bool m_expectsContinue = false;
    bool m_continueSent = false;
    HttpParseError m_error;
};

} // namespace net
