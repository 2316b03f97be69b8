#include "net/http_message.h"

namespace net {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QByteArray &body, HeaderList extraHeaders)
{
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.headers += extraHeaders;
    response.body = body;
    return response;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
    response.body = body;
    return response;
}

QMap<QString, QString> HttpRequest::queryParameters() const
{
    QMap<QString, QString> parameters;
    const QList<QByteArray> pairs = query.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        parameters.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                          QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return parameters;
}

} // namespace net
