#pragma once

#include "net/http_message.h"

#include <QByteArray>

namespace net {

// How the server frames an answer, beyond what the handler decided.
struct ResponseFraming {
    bool headRequest = false;     // no body, but the Content-Length the body would have
    bool closeConnection = false; // "Connection: close": the server closes after this answer
    bool http10KeepAlive = false; // "Connection: keep-alive": an HTTP/1.0 connection persists
};

// The HTTP/1.1 wire form of a response: status line with its reason phrase, the handler's
// headers (minus framing headers, which only the server sets), Content-Length, then the body.
// A status that is not a final one (200-599, or 1xx sent as if final) is answered as 500.
QByteArray serializeHttpResponse(const HttpResponse &response, const ResponseFraming &framing);

// "OK", "Not Found", ...; empty for a code without a registered phrase.
QByteArray httpReasonPhrase(int status);

} // namespace net
