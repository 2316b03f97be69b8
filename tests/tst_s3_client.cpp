// S3Client against a small S3 on 127.0.0.1 (testsupport::FakeS3, which checks every signature
// with S3's rules): listing across pages and its stops, keys that need encoding, HeadBucket,
// GetObject's cap, and what is refused before connecting. Errors: tst_s3_errors.

#include "s3/s3_client.h"
#include "support/fake_s3.h"
#include "support/s3_rig.h"

#include <QTest>

namespace {

using ivs::ErrorCategory;
using testsupport::FakeS3;
using testsupport::S3Rig;

QString message(const std::optional<ivs::ServiceError> &error)
{
    return error ? error->oneLine() : QStringLiteral("(no error)");
}

// Objects "show/00.ts" … named in listing order.
void putNumbered(FakeS3 &fake, int count)
{
    for (int i = 0; i < count; ++i)
        fake.putObject(QStringLiteral("show/%1.ts").arg(i, 2, 10, QLatin1Char('0')),
                       QByteArray(i + 1, 'x'));
}

QByteArray queryValue(const net::HttpRequest &request, const QByteArray &name)
{
    const QList<QByteArray> pairs = request.query.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.startsWith(name + '='))
            return pair.mid(name.size() + 1);
    }
    return {};
}

} // namespace

class TestS3Client : public QObject {
    Q_OBJECT

private slots:
    void listsEveryPage();
    void stopsOnRepeatedContinuationToken();
    void capsAtMaxObjects();
    void returnsKeysThatNeedEncodingAsListed();
    void headBucketReadsRegion();
    void headBucketRedirectNamesRegionWithoutFollowing();
    void headBucketAccessDeniedStillGivesRegion();
    void getObjectReadsBodyAndEtag();
    void getObjectRefusesMoreThanMaxBytes();
    void refusesPlainHttpToRemoteHostWithoutConnecting();
    void refusesBadBucketNameWithoutConnecting();
};

void TestS3Client::listsEveryPage()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    putNumbered(*fake, 7);
    fake->putObject(QStringLiteral("other/x.ts"), "x");
    fake->setPageSize(3);
    S3Rig rig(fake->url());

    const auto result = rig.list(QStringLiteral("show/"));
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(message(result->error)));
    QCOMPARE(result->pages, 3);
    QVERIFY(!result->capped);
    QCOMPARE(result->objects.size(), 7);
    for (int i = 0; i < 7; ++i) {
        const s3::ObjectInfo &object = result->objects.at(i);
        QCOMPARE(object.key, QStringLiteral("show/%1.ts").arg(i, 2, 10, QLatin1Char('0')));
        QCOMPARE(object.size, i + 1);
        QCOMPARE(object.etag.size(), 32); // quotes stripped
        QCOMPARE(object.lastModified,
                 QDateTime(QDate(2026, 11, 20), QTime(10, 15, 30), QTimeZone::utc()));
    }

    QCOMPARE(fake->requests().size(), 3);
    QVERIFY2(fake->signatureFailures().isEmpty(),
             qPrintable(fake->signatureFailures().join(QLatin1Char('\n'))));
    const net::HttpRequest &first = fake->requests().at(0);
    QCOMPARE(first.method, QByteArray("GET"));
    QCOMPARE(first.path, QByteArray("/recordings"));
    QCOMPARE(first.query, QByteArray("encoding-type=url&list-type=2&max-keys=1000&prefix=show%2F"));
    QVERIFY(!first.header("x-amz-content-sha256").isEmpty());
    // The token holds '+', '/' and '=': sent encoded, and the fake read it back.
    const QByteArray token = queryValue(fake->requests().at(1), "continuation-token");
    QCOMPARE(QByteArray::fromPercentEncoding(token),
             FakeS3::tokenAfter(QStringLiteral("show/02.ts")).toUtf8());
    QVERIFY(token.contains("%2B") && token.contains("%2F") && token.contains("%3D"));
}

void TestS3Client::stopsOnRepeatedContinuationToken()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    putNumbered(*fake, 9);
    fake->setPageSize(3);
    fake->repeatContinuationToken = true;
    S3Rig rig(fake->url());

    const auto result = rig.list();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::MalformedResponse);
    QVERIFY2(message(result->error).contains(QStringLiteral("repeated continuation token")),
             qPrintable(message(result->error)));
    // What came before the repeat is kept; nothing more is asked.
    QCOMPARE(result->pages, 2);
    QCOMPARE(result->objects.size(), 6);
    QCOMPARE(fake->requests().size(), 2);
}

void TestS3Client::capsAtMaxObjects()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    putNumbered(*fake, 7);
    fake->setPageSize(3);
    S3Rig rig(fake->url());

    const auto capped = rig.list({}, 4);
    QVERIFY(capped);
    QVERIFY2(!capped->error, qPrintable(message(capped->error)));
    QVERIFY(capped->capped);
    QCOMPARE(capped->objects.size(), 4);
    QCOMPARE(capped->objects.last().key, QStringLiteral("show/03.ts"));
    QCOMPARE(fake->requests().size(), 2); // no page after the one that reached the cap

    // Exactly as many as there are: all listed, nothing left out.
    const auto exact = rig.list({}, 7);
    QVERIFY(exact);
    QVERIFY(!exact->error);
    QVERIFY(!exact->capped);
    QCOMPARE(exact->objects.size(), 7);
}

void TestS3Client::returnsKeysThatNeedEncodingAsListed()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QStringList keys{QStringLiteral("show/a b+c=d.ts"), QStringLiteral("show/Grüße 日本.ts"),
                           QStringLiteral("show/x&y<z>'\".ts"), QStringLiteral("show/~tilde%20.ts"),
                           QStringLiteral("show/🎬 clip.mp4")};
    for (const QString &key : keys)
        fake->putObject(key, key.toUtf8());
    S3Rig rig(fake->url());

    const auto listed = rig.list();
    QVERIFY(listed);
    QVERIFY2(!listed->error, qPrintable(message(listed->error)));
    QStringList names;
    for (const s3::ObjectInfo &object : listed->objects)
        names.append(object.key);
    QStringList expected = keys;
    std::sort(expected.begin(), expected.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QCOMPARE(names, expected);

    for (const QString &key : keys) {
        const auto read = rig.get(key);
        QVERIFY(read);
        QVERIFY2(!read->error, qPrintable(key + QLatin1String(": ") + message(read->error)));
        QCOMPARE(read->body, key.toUtf8());
    }
    QVERIFY2(fake->signatureFailures().isEmpty(),
             qPrintable(fake->signatureFailures().join(QLatin1Char('\n'))));
    QCOMPARE(fake->requests().at(1).path, QByteArray("/recordings/show/a%20b%2Bc%3Dd.ts"));
    QCOMPARE(fake->requests().at(4).path, QByteArray("/recordings/show/~tilde%2520.ts"));
}

void TestS3Client::headBucketReadsRegion()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->setBucketRegion(QStringLiteral("ap-south-1"));
    S3Rig rig(fake->url());

    const auto result = rig.head();
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(message(result->error)));
    QCOMPARE(result->bucketRegion, QStringLiteral("ap-south-1"));
    QCOMPARE(fake->requests().size(), 1);
    QCOMPARE(fake->requests().first().method, QByteArray("HEAD"));
    QVERIFY(fake->signatureFailures().isEmpty());
}

void TestS3Client::headBucketRedirectNamesRegionWithoutFollowing()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    const QByteArray elsewhere = fake->url().toString().toUtf8() + "/elsewhere";
    fake->intercept =
        [elsewhere](const net::HttpRequest &request) -> std::optional<net::HttpResponse> {
        if (request.method != "HEAD")
            return std::nullopt;
        return net::HttpResponse{
            301, {{"x-amz-bucket-region", "eu-central-1"}, {"Location", elsewhere}}, {}};
    };
    S3Rig rig(fake->url());

    const auto result = rig.head();
    QVERIFY(result);
    QCOMPARE(result->bucketRegion, QStringLiteral("eu-central-1"));
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Configuration);
    QCOMPARE(result->error->httpStatus, 301);
    QVERIFY2(message(result->error).contains(QStringLiteral("eu-central-1")),
             qPrintable(message(result->error)));
    QCOMPARE(fake->requests().size(), 1);
}

void TestS3Client::headBucketAccessDeniedStillGivesRegion()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->intercept = [](const net::HttpRequest &) {
        return net::HttpResponse{403, {{"x-amz-bucket-region", "us-east-2"}}, {}};
    };
    S3Rig rig(fake->url());

    const auto result = rig.head();
    QVERIFY(result);
    QCOMPARE(result->bucketRegion, QStringLiteral("us-east-2"));
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::AccessDenied);
    QVERIFY2(result->error->nextStep.contains(QStringLiteral("s3:ListBucket")),
             qPrintable(result->error->nextStep));
}

void TestS3Client::getObjectReadsBodyAndEtag()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(QStringLiteral("show/index.m3u8"), "#EXTM3U\n",
                    "0123456789abcdef0123456789abcdef");
    S3Rig rig(fake->url());

    const auto result = rig.get(QStringLiteral("show/index.m3u8"));
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(message(result->error)));
    QCOMPARE(result->httpStatus, 200);
    QCOMPARE(result->body, QByteArray("#EXTM3U\n"));
    QCOMPARE(result->etag, QByteArray("0123456789abcdef0123456789abcdef"));
    QCOMPARE(result->contentType, QByteArray("video/mp2t"));
}

void TestS3Client::getObjectRefusesMoreThanMaxBytes()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(QStringLiteral("show/big.ts"), QByteArray(300000, 'b'));
    S3Rig rig(fake->url());

    const auto result = rig.get(QStringLiteral("show/big.ts"), 1000);
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Validation);
    QVERIFY2(message(result->error).contains(QStringLiteral("300000 bytes")),
             qPrintable(message(result->error)));
    QVERIFY(result->body.isEmpty());

    // At the limit exactly, it is read.
    const auto fits = rig.get(QStringLiteral("show/big.ts"), 300000);
    QVERIFY(fits);
    QVERIFY2(!fits->error, qPrintable(message(fits->error)));
    QCOMPARE(fits->body.size(), 300000);
}

void TestS3Client::refusesPlainHttpToRemoteHostWithoutConnecting()
{
    // Built by hand: resolveS3Endpoint already refuses this URL, and the client must not depend
    // on every caller having gone through it.
    S3Rig rig(QUrl(QStringLiteral("http://s3.example.com")));

    const auto listed = rig.list();
    QVERIFY(listed);
    QVERIFY(listed->error);
    QCOMPARE(listed->error->category, ErrorCategory::Configuration);
    QVERIFY2(message(listed->error).contains(QStringLiteral("s3.example.com")),
             qPrintable(message(listed->error)));
    const auto read = rig.get(QStringLiteral("a"));
    QVERIFY(read && read->error);
    QCOMPARE(read->error->category, ErrorCategory::Configuration);
    const auto head = rig.head();
    QVERIFY(head && head->error);
    QCOMPARE(head->error->category, ErrorCategory::Configuration);
    QCOMPARE(rig.network.requestsCreated, 0);
}

void TestS3Client::refusesBadBucketNameWithoutConnecting()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    S3Rig rig(fake->url());

    for (const QString &bucket : {QString(), QStringLiteral("a/b"), QStringLiteral("evil.com:80#"),
                                  QStringLiteral("bucket name")}) {
        const auto result = rig.list({}, 10, bucket);
        QVERIFY(result);
        QVERIFY(result->error);
        QCOMPARE(result->error->category, ErrorCategory::Validation);
    }
    QCOMPARE(rig.network.requestsCreated, 0);
    QCOMPARE(fake->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestS3Client)
#include "tst_s3_client.moc"
