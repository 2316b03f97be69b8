#include "net/http_request_parser.h"

#include <algorithm>
#include <limits>

namespace net {

namespace {

// RFC 9110 §5.6.2: the characters of a token (method, header name).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text;
}

// Field values may hold any visible or non-ASCII byte and inner blanks, but no control
// character: a CR, LF or NUL smuggled into a value must not reach the handler.
bool isFieldValue(QByteArrayView value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

// The request target allows visible ASCII only; a fragment is never sent.
bool isTargetText(QByteArrayView target)
{
    return std::all_of(target.begin(), target.end(),
                       [](char c) { return c > 0x20 && c < 0x7f && c != '#'; });
}

bool startsWithCaseInsensitive(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() &&
           text.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

// Calls `take` with every element of a comma-separated header list, blanks trimmed.
template <typename Take> void forEachListElement(QByteArrayView value, Take take)
{
    while (true) {
        const qsizetype comma = value.indexOf(',');
        take(trimmedBlanks(comma < 0 ? value : value.first(comma)));
        if (comma < 0)
            return;
        value = value.sliced(comma + 1);
    }
}

constexpr qsizetype kMaxLengthDigits = 18; // below 2^63: no overflow

} // namespace

HttpRequestParser::HttpRequestParser(HttpParseLimits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::append(QByteArrayView bytes)
{
    if (m_stage == Stage::Failed)
        return;
    if (m_consumed > 0) {
        // Requests already handed over: drop their bytes before the buffer grows again.
        m_buffer.remove(0, m_consumed);
        m_lineStart -= m_consumed;
        m_scanFrom -= m_consumed;
        m_consumed = 0;
    }
    m_buffer.append(bytes);
}

HttpRequestParser::Result HttpRequestParser::parse()
{
    while (m_stage == Stage::RequestLine || m_stage == Stage::Headers) {
        const qsizetype lineEnd = m_buffer.indexOf('\n', m_scanFrom);
        if (lineEnd < 0) {
            m_scanFrom = m_buffer.size();
            if (m_headerBytes + (m_buffer.size() - m_lineStart) > m_limits.maxHeaderBytes) {
                refuse(431, "The request line and headers are too large.");
                return Result::Failed;
            }
            return Result::NeedMoreData;
        }
        m_headerBytes += lineEnd + 1 - m_lineStart;
        if (m_headerBytes > m_limits.maxHeaderBytes) {
            refuse(431, "The request line and headers are too large.");
            return Result::Failed;
        }
        // CRLF ends a line; a bare LF is accepted too (RFC 9112 §2.2).
        QByteArrayView line(m_buffer.constData() + m_lineStart, lineEnd - m_lineStart);
        if (line.endsWith('\r'))
            line.chop(1);
        m_lineStart = m_scanFrom = lineEnd + 1;

        if (m_stage == Stage::RequestLine) {
            if (line.isEmpty())
                continue; // empty lines before a request are ignored (RFC 9112 §2.2)
            if (!parseRequestLine(line))
                return Result::Failed;
            m_stage = Stage::Headers;
        } else if (line.isEmpty()) {
            if (!finishHeaders())
                return Result::Failed;
            m_stage = Stage::Body;
        } else if (!parseHeaderLine(line)) {
            return Result::Failed;
        }
    }

    if (m_stage == Stage::Body) {
        if (m_buffer.size() - m_lineStart < m_bodyLength)
            return Result::NeedMoreData;
        // Non-null even when empty, like every other part of a parsed request.
        m_current.request.body =
            m_bodyLength > 0 ? m_buffer.mid(m_lineStart, m_bodyLength) : QByteArray("");
        m_lineStart = m_scanFrom = m_lineStart + m_bodyLength;
        m_stage = Stage::Ready;
    }
    return m_stage == Stage::Ready ? Result::RequestReady : Result::Failed;
}

ParsedRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(m_stage == Stage::Ready);
    ParsedRequest request = std::move(m_current);
    m_current = {};
    m_consumed = m_lineStart;
    m_headerBytes = 0;
    m_bodyLength = 0;
    m_expectsContinue = false;
    m_continueSent = false;
    m_stage = Stage::RequestLine;
    return request;
}

bool HttpRequestParser::awaitsContinue() const
{
    return m_stage == Stage::Body && m_expectsContinue && !m_continueSent;
}

bool HttpRequestParser::refuse(int status, const char *reason)
{
    m_stage = Stage::Failed;
    m_error = {status, QByteArray(reason)};
    m_buffer.clear();
    m_consumed = m_lineStart = m_scanFrom = 0;
    return false;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    if (line.contains('\r'))
        return refuse(400, "A bare CR in the request line.");
    // method SP request-target SP HTTP-version, single spaces (RFC 9112 §3).
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0)
        return refuse(400, "The request line is not: method, target and version.");
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);

    if (!isToken(method))
        return refuse(400, "The method is not a token.");
    m_current.request.method = method.toByteArray();

    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !isDigit(version.at(5)) || !isDigit(version.at(7)))
        return refuse(400, "The HTTP version is malformed.");
    if (version.at(5) != '1')
        return refuse(505, "Only HTTP/1.x is supported.");
    m_current.minorVersion = version.at(7) - '0';
    m_current.headRequest = method == "HEAD";
    return parseTarget(target);
}

bool HttpRequestParser::parseTarget(QByteArrayView target)
{
    if (target.isEmpty() || !isTargetText(target))
        return refuse(400, "The request target is malformed.");
    QByteArrayView pathAndQuery = target;
    if (target == "*") {
        if (m_current.request.method != "OPTIONS")
            return refuse(400, "Only OPTIONS may target '*'.");
    } else if (!target.startsWith('/')) {
        // absolute-form (RFC 9112 §3.2.2): servers accept it; keep what follows the authority.
        QByteArrayView rest;
        if (startsWithCaseInsensitive(target, "http://"))
            rest = target.sliced(7);
        else if (startsWithCaseInsensitive(target, "https://"))
            rest = target.sliced(8);
        else
            return refuse(400, "The request target is neither a path nor an absolute URL.");
        qsizetype authorityEnd = 0;
        while (authorityEnd < rest.size() && rest.at(authorityEnd) != '/' &&
               rest.at(authorityEnd) != '?')
            ++authorityEnd;
        if (authorityEnd == 0)
            return refuse(400, "The absolute request target has no host.");
        pathAndQuery = rest.sliced(authorityEnd);
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    QByteArrayView path = question < 0 ? pathAndQuery : pathAndQuery.first(question);
    m_current.request.path = path.isEmpty() ? QByteArray("/") : path.toByteArray();
    if (question >= 0)
        m_current.request.query = pathAndQuery.sliced(question + 1).toByteArray();
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (isBlank(line.front()))
        return refuse(400, "Folded header lines are not accepted."); // obs-fold, RFC 9112 §5.2
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return refuse(400, "A header line has no colon.");
    const QByteArrayView name = line.first(colon);
    if (!isToken(name)) // also refuses blanks before the colon (RFC 9112 §5.1)
        return refuse(400, "A header name is malformed.");
    const QByteArrayView value = trimmedBlanks(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return refuse(400, "A header value holds a control character.");
    // Non-null even when empty: header() tells an empty header from a missing one.
    m_current.request.headers.append(
        {name.toByteArray(), value.isEmpty() ? QByteArray("") : value.toByteArray()});
    return true;
}

bool HttpRequestParser::finishHeaders()
{
    const HttpRequest &request = m_current.request;
    qsizetype hosts = 0;
    bool close = false;
    bool keepAlive = false;
    bool lengthSeen = false;
    bool lengthMalformed = false;
    bool lengthsDiffer = false;
    QByteArrayView length;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return refuse(501, "Transfer-Encoding is not supported: send Content-Length.");
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            forEachListElement(value, [&](QByteArrayView option) {
                close = close || option.compare("close", Qt::CaseInsensitive) == 0;
                keepAlive = keepAlive || option.compare("keep-alive", Qt::CaseInsensitive) == 0;
            });
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            m_expectsContinue =
                m_current.minorVersion >= 1 &&
                trimmedBlanks(value).compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            // "Content-Length: 5, 5" and repeated equal fields are one length (RFC 9110 §8.6).
            forEachListElement(value, [&](QByteArrayView element) {
                const bool digits =
                    !element.isEmpty() && std::all_of(element.begin(), element.end(), isDigit);
                lengthMalformed = lengthMalformed || !digits;
                if (lengthSeen && element != length)
                    lengthsDiffer = true;
                lengthSeen = true;
                length = element;
            });
        }
    }
    if (m_current.minorVersion >= 1 ? hosts != 1 : hosts > 1)
        return refuse(400, "An HTTP/1.1 request needs exactly one Host header.");
    if (lengthMalformed)
        return refuse(400, "Content-Length is not a non-negative decimal number.");
    if (lengthsDiffer)
        return refuse(400, "Content-Length is given more than once, with different values.");
    if (lengthSeen) {
        while (length.size() > 1 && length.front() == '0')
            length = length.sliced(1);
        const bool lengthTooLarge = length.size() > kMaxLengthDigits;
        m_bodyLength = lengthTooLarge ? 0 : length.toLongLong();
        if (lengthTooLarge || m_bodyLength > m_limits.maxBodyBytes) {
            const qint64 unread = lengthTooLarge ? std::numeric_limits<qint64>::max()
                                                 : m_bodyLength - (m_buffer.size() - m_lineStart);
            refuse(413, "The request body is too large.");
            m_error.unreadBodyBytes = unread;
            return false;
        }
    }
    // HTTP/1.1 connections persist unless closed; HTTP/1.0 ones only when asked (RFC 9112 §9.3).
    m_current.keepAlive = !close && (m_current.minorVersion >= 1 || keepAlive);
    return true;
}

} // namespace net
