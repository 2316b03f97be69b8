#include "support/fake_s3.h"

#include "aws/sigv4_verifier.h"
#include "ivs/clock_skew.h"

#include <algorithm>
#include <QCryptographicHash>
#include <variant>

namespace testsupport {

namespace {

const QByteArray kRequestId = "4442587FB7D0A2F9";
const QString kTokenPrefix = QStringLiteral("t+/=");

net::HttpResponse xmlResponse(int status, const QByteArray &body)
{
    return net::HttpResponse{
        status, {{"Content-Type", "application/xml"}, {"x-amz-request-id", kRequestId}}, body};
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// As S3 encodes keys for encoding-type=url: '+' for a space, %XX for other bytes that are not
// unreserved.
QString urlEncodedKey(const QString &key)
{
    QByteArray encoded = key.toUtf8().toPercentEncoding(QByteArray(" "));
    encoded.replace(' ', '+');
    return QString::fromLatin1(encoded);
}

} // namespace

FakeS3::FakeS3(QString bucket)
    : m_server([this](const net::HttpRequest &request) { return answer(request); })
    , m_bucket(std::move(bucket))
    , m_accessKeyId(QStringLiteral("AKIDS3TEST0000000000"))
    , m_secret(QStringLiteral("s3/secret+key=EXAMPLEKEY0000000000000"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

bool FakeS3::start()
{
    return m_server.listenOnLoopback();
}

void FakeS3::setCredentials(const QString &accessKeyId, const QString &secret)
{
    m_accessKeyId = accessKeyId;
    m_secret = secret;
}

void FakeS3::putObject(const QString &key, const QByteArray &bytes, const QByteArray &etag)
{
    const QByteArray tag =
        etag.isEmpty() ? QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex() : etag;
    m_objects.insert(key.toUtf8(), {key, Object{bytes, tag}});
}

QString FakeS3::tokenAfter(const QString &key)
{
    return kTokenPrefix + QString::fromLatin1(key.toUtf8().toBase64());
}

net::HttpResponse FakeS3::answer(const net::HttpRequest &request)
{
    m_requests.append(request);
    net::HttpResponse response = respond(request);
    if (!std::any_of(response.headers.cbegin(), response.headers.cend(),
                     [](const auto &header) { return header.first == "Date"; }))
        response.headers.append({"Date", ivs::httpDate(m_clock())});
    return response;
}

net::HttpResponse FakeS3::respond(const net::HttpRequest &request)
{
    if (intercept) {
        if (std::optional<net::HttpResponse> answer = intercept(request))
            return *answer;
    }
    aws::SigV4Verifier verifier(QStringLiteral("s3"),
                                [this](const QString &id) -> std::optional<QString> {
                                    if (id == m_accessKeyId)
                                        return m_secret;
                                    return std::nullopt;
                                });
    verifier.setSignsPathAsSent(true);
    const auto verified =
        verifier.verify(aws::HttpRequestToSign{request.method, request.path, request.query,
                                               request.headers, request.body},
                        m_clock());
    if (const auto *failure = std::get_if<aws::VerificationFailure>(&verified)) {
        m_signatureFailures.append(failure->message);
        const bool skewed = failure->message.startsWith(QLatin1String("Signature expired")) ||
                            failure->message.startsWith(QLatin1String("Signature not yet"));
        return s3ErrorResponse(403, skewed ? "RequestTimeTooSkewed" : "SignatureDoesNotMatch",
                               failure->message);
    }

    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    const QString bucket = path.section(QLatin1Char('/'), 1, 1);
    const QString key = path.section(QLatin1Char('/'), 2);
    if (bucket != m_bucket)
        return s3ErrorResponse(404, "NoSuchBucket",
                               QStringLiteral("The specified bucket does "
                                              "not exist"));
    if (key.isEmpty()) {
        if (request.method == "HEAD")
            return net::HttpResponse{200, {{"x-amz-bucket-region", m_region.toLatin1()}}, {}};
        const QMap<QString, QString> query = request.queryParameters();
        if (request.method == "GET" &&
            query.value(QStringLiteral("list-type")) == QLatin1String("2"))
            return list(query);
        return s3ErrorResponse(400, "InvalidRequest", QStringLiteral("Not supported here"));
    }
    return object(request, key);
}

net::HttpResponse FakeS3::list(const QMap<QString, QString> &query) const
{
    const QString prefix = query.value(QStringLiteral("prefix"));
    const bool urlEncoding = query.value(QStringLiteral("encoding-type")) == QLatin1String("url");
    QByteArray after;
    if (query.contains(QStringLiteral("continuation-token"))) {
        const QString token = query.value(QStringLiteral("continuation-token"));
        if (!token.startsWith(kTokenPrefix))
            return s3ErrorResponse(400, "InvalidArgument",
                                   QStringLiteral("The continuation token provided is incorrect"));
        after = QByteArray::fromBase64(token.mid(kTokenPrefix.size()).toLatin1());
    }
    QByteArray contents;
    int count = 0;
    QString lastKey;
    bool truncated = false;
    for (auto it = m_objects.upperBound(after); it != m_objects.end(); ++it) {
        const QString &key = it.value().first;
        if (!key.startsWith(prefix))
            continue;
        if (count == m_pageSize) {
            truncated = true;
            break;
        }
        const Object &object = it.value().second;
        contents += QStringLiteral("<Contents><Key>%1</Key>"
                                   "<LastModified>2026-11-20T10:15:30.000Z</LastModified>"
                                   "<ETag>&quot;%2&quot;</ETag><Size>%3</Size>"
                                   "<StorageClass>STANDARD</StorageClass></Contents>")
                        .arg(urlEncoding ? urlEncodedKey(key) : xmlEscaped(key),
                             QString::fromLatin1(object.etag), QString::number(object.bytes.size()))
                        .toUtf8();
        ++count;
        lastKey = key;
    }
    QString next;
    if (truncated) {
        const bool firstPage = after.isEmpty();
        next = repeatContinuationToken && !firstPage
                   ? query.value(QStringLiteral("continuation-token"))
                   : tokenAfter(lastKey);
    }
    QByteArray body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      "<Name>" +
                      m_bucket.toUtf8() + "</Name><Prefix>" + xmlEscaped(prefix).toUtf8() +
                      "</Prefix><KeyCount>" + QByteArray::number(count) +
                      "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>" +
                      (truncated ? "true" : "false") + "</IsTruncated>" + contents;
    if (!next.isEmpty())
        body += "<NextContinuationToken>" + xmlEscaped(next).toUtf8() + "</NextContinuationToken>";
    if (urlEncoding)
        body += "<EncodingType>url</EncodingType>";
    body += "</ListBucketResult>";
    return xmlResponse(200, body);
}

net::HttpResponse FakeS3::object(const net::HttpRequest &request, const QString &key) const
{
    const auto found = m_objects.constFind(key.toUtf8());
    if (found == m_objects.cend())
        return s3ErrorResponse(404, "NoSuchKey",
                               QStringLiteral("The specified key does not exist."));
    const Object &object = found.value().second;
    net::HeaderList headers{{"ETag", '"' + object.etag + '"'},
                            {"Content-Type", "video/mp2t"},
                            {"Last-Modified", "Fri, 20 Nov 2026 10:15:30 GMT"},
                            {"Accept-Ranges", "bytes"},
                            {"x-amz-request-id", kRequestId}};
    const QByteArray range = request.header("Range");
    if (range.isEmpty() || ignoreRange || !range.startsWith("bytes=") || !range.endsWith('-'))
        return net::HttpResponse{200, headers, object.bytes};
    const qint64 from = range.mid(6, range.size() - 7).toLongLong();
    const qint64 size = object.bytes.size();
    if (from >= size) {
        net::HttpResponse refused = s3ErrorResponse(
            416, "InvalidRange", QStringLiteral("The requested range is not satisfiable"));
        refused.headers.append({"Content-Range", "bytes */" + QByteArray::number(size)});
        return refused;
    }
    headers.append({"Content-Range", "bytes " + QByteArray::number(from) + '-' +
                                         QByteArray::number(size - 1) + '/' +
                                         QByteArray::number(size)});
    return net::HttpResponse{206, headers, object.bytes.mid(from)};
}

net::HttpResponse s3ErrorResponse(int status, const QByteArray &code, const QString &message,
                                  const QList<QPair<QByteArray, QString>> &extra)
{
    QByteArray body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
                      "</Code><Message>" + xmlEscaped(message).toUtf8() + "</Message>";
    for (const auto &[name, value] : extra)
        body += '<' + name + '>' + xmlEscaped(value).toUtf8() + "</" + name + '>';
    body += "<RequestId>" + kRequestId + "</RequestId><HostId>aG9zdA==</HostId></Error>";
    return xmlResponse(status, body);
}

} // namespace testsupport
