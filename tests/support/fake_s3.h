#pragma once

#include "net/loopback_http_server.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace testsupport {

// A small S3 on 127.0.0.1 for client tests, path style (http://127.0.0.1:PORT/BUCKET/KEY): one
// bucket of objects held in memory, ListObjectsV2 in pages of a set size (continuation tokens that
// hold '+', '/' and '='; encoding-type=url as S3 does it), GetObject with Range, HeadObject and
// HeadBucket. Every request's SigV4 signature is checked with S3's rules; a bad one is answered
// 403 SignatureDoesNotMatch and recorded. It can be told to misbehave.
class FakeS3 {
public:
    explicit FakeS3(QString bucket = QStringLiteral("recordings"));

    bool start();
    QUrl url() const { return m_server.url(); }
    QString bucket() const { return m_bucket; }

    // The keys requests are checked against, and the server's clock for their date.
    void setCredentials(const QString &accessKeyId, const QString &secret);
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // `etag` defaults to the MD5 of `bytes` in hex.
    void putObject(const QString &key, const QByteArray &bytes, const QByteArray &etag = {});
    void setPageSize(int keys) { m_pageSize = keys; }
    void setBucketRegion(const QString &region) { m_region = region; }

    // Misbehaviour.
    bool repeatContinuationToken = false; // every page names the first page's token as next
    bool ignoreRange = false;             // answers 200 with the whole object to a Range
    // Asked first; a response returned is sent instead of the normal answer.
    std::function<std::optional<net::HttpResponse>(const net::HttpRequest &)> intercept;

    const QList<net::HttpRequest> &requests() const { return m_requests; }
    // Why requests were refused as badly signed (empty when every signature was right).
    const QStringList &signatureFailures() const { return m_signatureFailures; }

    // The continuation token this server hands out after `key` (holds '+', '/' and '=').
    static QString tokenAfter(const QString &key);

private:
    net::HttpResponse answer(const net::HttpRequest &request);
    net::HttpResponse respond(const net::HttpRequest &request);
    net::HttpResponse list(const QMap<QString, QString> &query) const;
    net::HttpResponse object(const net::HttpRequest &request, const QString &key) const;

    struct Object {
        QByteArray bytes;
        QByteArray etag;
    };

    net::LoopbackHttpServer m_server;
    QString m_bucket;
    QString m_region = QStringLiteral("us-west-2");
    QString m_accessKeyId;
    QString m_secret;
    std::function<QDateTime()> m_clock;
    QMap<QByteArray, QPair<QString, Object>> m_objects; // by UTF-8 key: S3's listing order
    int m_pageSize = 1000;
    QList<net::HttpRequest> m_requests;
    QStringList m_signatureFailures;
};

// An S3 error answer: <Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId> and the
// `extra` elements (e.g. {"Region", "eu-west-1"}).
net::HttpResponse s3ErrorResponse(int status, const QByteArray &code, const QString &message,
                                  const QList<QPair<QByteArray, QString>> &extra = {});

} // namespace testsupport
