#pragma once

#include <functional>
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace net {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request as received: everything a handler (or a SigV4 verifier recomputing the canonical
// request) needs, unaltered.
struct HttpRequest {
    QByteArray method;  // case-sensitive, as sent ("GET", "POST", or any other token)
    QByteArray path;    // percent-encoded, as on the request line
    QByteArray query;   // without '?'
    HeaderList headers; // in the order received, names in their original case
    QByteArray body;

    // First value of a header, case-insensitively; null when absent.
    QByteArray header(const QByteArray &name) const;
    // The query's parameters, names and values percent-decoded; a repeated name keeps its last
    // value.
    QMap<QString, QString> queryParameters() const;
};

struct HttpResponse {
    int status = 200;
    // Framing (Content-Length, Transfer-Encoding, Connection) is the server's job: the server
    // drops such headers from this list and writes its own.
    HeaderList headers;
    QByteArray body;

    static HttpResponse json(int status, const QByteArray &body, HeaderList extraHeaders = {});
    static HttpResponse text(int status, const QByteArray &body);
};

// Answers one request synchronously.
using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

} // namespace net
