#include "net/http_response_writer.h"

#include <QDebug>

namespace net {

namespace {

bool isFramingHeader(const QByteArray &name)
{
    return name.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
           name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("Connection", Qt::CaseInsensitive) == 0;
}

// A header that would break the framing or inject more headers: CR, LF, NUL, or a name that is
// not a token.
bool isWellFormedHeader(const QByteArray &name, const QByteArray &value)
{
    static const QByteArray separators = QByteArrayLiteral("\"(),/:;<=>?@[\\]{}");
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (c <= ' ' || c >= 0x7f || separators.contains(c))
            return false;
    }
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

// RFC 9110 §15.3.5, §15.4.5: never any content, so no Content-Length either.
bool hasNoContent(int status)
{
    return status == 204 || status == 304;
}

} // namespace

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return {};
    }
}

QByteArray serializeHttpResponse(const HttpResponse &response, const ResponseFraming &framing)
{
    int status = response.status;
    if (status < 200 || status > 599) {
        qWarning("net: a handler answered with status %d; sending 500", status);
        status = 500;
    }
    const bool withBody = !framing.headRequest && !hasNoContent(status);

    QByteArray wire;
    wire.reserve(256 + (withBody ? response.body.size() : 0));
    // The reason phrase may be empty, but the space before it is not optional (RFC 9112 §4).
    wire.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ');
    wire.append(httpReasonPhrase(status)).append("\r\n");
    for (const auto &[name, value] : response.headers) {
        if (isFramingHeader(name))
            continue;
        if (!isWellFormedHeader(name, value)) {
            qWarning("net: dropping a malformed response header");
            continue;
        }
        wire.append(name).append(": ").append(value).append("\r\n");
    }
    if (!hasNoContent(status)) // an answer to HEAD states the length the body would have
        wire.append("Content-Length: ")
            .append(QByteArray::number(response.body.size()))
            .append("\r\n");
    if (framing.closeConnection)
        wire.append("Connection: close\r\n");
    else if (framing.http10KeepAlive)
        wire.append("Connection: keep-alive\r\n");
    wire.append("\r\n");
    if (withBody)
        wire.append(response.body);
    return wire;
}

} // namespace net
