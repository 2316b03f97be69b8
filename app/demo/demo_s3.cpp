// The S3 side of the demo buckets: path-style requests answered as S3 answers them.
#include "demo/demo_buckets.h"

#include <QLocale>
#include <QXmlStreamWriter>

namespace demo {

namespace {

QByteArray s3Time(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toLatin1();
}

QByteArray httpTime(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray contentTypeOf(const QString &key)
{
    if (key.endsWith(QLatin1String(".json")))
        return "application/json";
    if (key.endsWith(QLatin1String(".m3u8")))
        return "application/vnd.apple.mpegurl";
    if (key.endsWith(QLatin1String(".jpg")))
        return "image/jpeg";
    if (key.endsWith(QLatin1String(".ts")))
        return "video/MP2T";
    return "binary/octet-stream";
}

} // namespace

net::HttpResponse s3Error(int status, const QByteArray &code, const QString &message,
                          const QList<QPair<QByteArray, QString>> &extraElements)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Code"), QString::fromLatin1(code));
    xml.writeTextElement(QStringLiteral("Message"), message);
    for (const auto &[name, value] : extraElements)
        xml.writeTextElement(QString::fromLatin1(name), value);
    xml.writeEndElement();
    xml.writeEndDocument();
    net::HttpResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArray("Content-Type"), QByteArray("application/xml")});
    return response;
}

net::HttpResponse DemoBuckets::handle(const net::HttpRequest &request,
                                      const QString &signedRegion) const
{
    const bool head = request.method == "HEAD";
    if (request.method != "GET" && !head)
        return s3Error(405, "MethodNotAllowed",
                       QStringLiteral("The demo buckets are read-only: only GET and HEAD."));
    const QByteArray path = request.path.mid(1); // without the leading '/'
    const qsizetype slash = path.indexOf('/');
    const QString bucketName =
        QString::fromUtf8(QByteArray::fromPercentEncoding(slash < 0 ? path : path.left(slash)));
    const QString key =
        slash < 0 ? QString()
                  : QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(slash + 1)));
    const auto found = m_buckets.constFind(bucketName);
    if (bucketName.isEmpty() || found == m_buckets.cend()) {
        if (head)
            return net::HttpResponse{404, {}, {}};
        return s3Error(404, "NoSuchBucket", QStringLiteral("The specified bucket does not exist"),
                       {{"BucketName", bucketName}});
    }
    const Bucket &bucket = *found;
    if (bucket.region != signedRegion) {
        if (head)
            return net::HttpResponse{301, {{"x-amz-bucket-region", bucket.region.toLatin1()}}, {}};
        return s3Error(400, "AuthorizationHeaderMalformed",
                       QStringLiteral("The authorization header is malformed; the region '%1' is "
                                      "wrong; expecting '%2'")
                           .arg(signedRegion, bucket.region),
                       {{"Region", bucket.region}});
    }
    if (key.isEmpty()) {
        if (head)
            return net::HttpResponse{200, {{"x-amz-bucket-region", bucket.region.toLatin1()}}, {}};
        const QMap<QString, QString> query = request.queryParameters();
        if (query.value(QStringLiteral("list-type")) != QLatin1String("2"))
            return s3Error(501, "NotImplemented",
                           QStringLiteral("The demo buckets answer ListObjectsV2 (list-type=2)."));
        return list(bucketName, bucket, query);
    }
    return get(bucket, key, request, head);
}

net::HttpResponse DemoBuckets::list(const QString &bucketName, const Bucket &bucket,
                                    const QMap<QString, QString> &query) const
{
    const QString prefix = query.value(QStringLiteral("prefix"));
    bool ok = true;
    int maxKeys = kMaxKeysPerPage;
    if (query.contains(QStringLiteral("max-keys"))) {
        maxKeys = query.value(QStringLiteral("max-keys")).toInt(&ok);
        if (!ok || maxKeys < 0)
            return s3Error(
                400, "InvalidArgument",
                QStringLiteral("Provided max-keys not an integer or within integer range"));
    }
    maxKeys = std::min(maxKeys, kMaxKeysPerPage);
    const QString token = query.value(QStringLiteral("continuation-token"));
    QString after = query.value(QStringLiteral("start-after"));
    if (!token.isEmpty()) {
        const QByteArray decoded =
            QByteArray::fromBase64(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded.isEmpty() || !decoded.startsWith("demo:"))
            return s3Error(400, "InvalidArgument",
                           QStringLiteral("The continuation token provided is incorrect"));
        after = QString::fromUtf8(decoded.mid(5));
    }

    // The page first, then its XML.
    QList<QMap<QString, Object>::const_iterator> page;
    bool truncated = false;
    auto it =
        after.isEmpty() ? bucket.objects.lowerBound(prefix) : bucket.objects.upperBound(after);
    for (; it != bucket.objects.cend() && it.key().startsWith(prefix); ++it) {
        if (page.size() == maxKeys) {
            truncated = true;
            break;
        }
        page.append(it);
    }

    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ListBucketResult"));
    xml.writeDefaultNamespace(QStringLiteral("http://s3.amazonaws.com/doc/2006-03-01/"));
    xml.writeTextElement(QStringLiteral("Name"), bucketName);
    xml.writeTextElement(QStringLiteral("Prefix"), prefix);
    if (!token.isEmpty())
        xml.writeTextElement(QStringLiteral("ContinuationToken"), token);
    xml.writeTextElement(QStringLiteral("KeyCount"), QString::number(page.size()));
    xml.writeTextElement(QStringLiteral("MaxKeys"), QString::number(maxKeys));
    xml.writeTextElement(QStringLiteral("IsTruncated"),
                         truncated ? QStringLiteral("true") : QStringLiteral("false"));
    for (const auto &entry : std::as_const(page)) {
        xml.writeStartElement(QStringLiteral("Contents"));
        xml.writeTextElement(QStringLiteral("Key"), entry.key());
        xml.writeTextElement(QStringLiteral("LastModified"),
                             QString::fromLatin1(s3Time(entry->lastModified)));
        xml.writeTextElement(QStringLiteral("ETag"), QLatin1Char('"') +
                                                         QString::fromLatin1(entry->etag) +
                                                         QLatin1Char('"'));
        xml.writeTextElement(QStringLiteral("Size"), QString::number(entry->body.size()));
        xml.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
        xml.writeEndElement();
    }
    if (truncated)
        xml.writeTextElement(
            QStringLiteral("NextContinuationToken"),
            QString::fromLatin1(("demo:" + page.last().key().toUtf8()).toBase64()));
    xml.writeEndElement();
    xml.writeEndDocument();
    net::HttpResponse response;
    response.body = body;
    response.headers.append({QByteArray("Content-Type"), QByteArray("application/xml")});
    return response;
}

net::HttpResponse DemoBuckets::get(const Bucket &bucket, const QString &key,
                                   const net::HttpRequest &request, bool headOnly) const
{
    const auto found = bucket.objects.constFind(key);
    if (found == bucket.objects.cend()) {
        if (headOnly)
            return net::HttpResponse{404, {}, {}};
        return s3Error(404, "NoSuchKey", QStringLiteral("The specified key does not exist."),
                       {{"Key", key}});
    }
    const Object &object = *found;
    const qint64 size = object.body.size();
    net::HttpResponse response;
    response.headers = {{"ETag", '"' + object.etag + '"'},
                        {"Last-Modified", httpTime(object.lastModified)},
                        {"Content-Type", contentTypeOf(key)},
                        {"Accept-Ranges", "bytes"}};
    const QByteArray range = request.header("Range");
    qint64 from = 0;
    qint64 to = size - 1;
    if (!range.isEmpty()) {
        bool fromOk = false;
        bool toOk = true;
        if (range.startsWith("bytes=") && range.contains('-')) {
            const QByteArray spec = range.mid(6);
            const qsizetype dash = spec.indexOf('-');
            from = spec.left(dash).toLongLong(&fromOk);
            if (dash + 1 < spec.size())
                to = std::min(size - 1, spec.mid(dash + 1).toLongLong(&toOk));
        }
        if (fromOk && toOk && from >= size)
            return s3Error(416, "InvalidRange",
                           QStringLiteral("The requested range is not satisfiable"),
                           {{"ActualObjectSize", QString::number(size)}});
        if (fromOk && toOk && from <= to) {
            response.status = 206;
            response.headers.append({"Content-Range", "bytes " + QByteArray::number(from) + '-' +
                                                          QByteArray::number(to) + '/' +
                                                          QByteArray::number(size)});
        } else {
            from = 0; // a range S3 cannot read is ignored, as S3 ignores it
            to = size - 1;
        }
    }
    if (!headOnly)
        response.body = object.body.mid(from, to - from + 1);
    return response;
}

} // namespace demo
