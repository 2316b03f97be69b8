// S3's errors as the user sees them, through S3Client against a small S3 on 127.0.0.1: each XML
// error's category and what to do, a proxy's page, the retry of a throttled request and the
// correction of a clock that is off.

#include "s3/s3_client.h"
#include "support/fake_s3.h"
#include "support/s3_rig.h"

#include <QTest>

namespace {

using ivs::ErrorCategory;
using testsupport::S3Rig;

QString message(const std::optional<ivs::ServiceError> &error)
{
    return error ? error->oneLine() : QStringLiteral("(no error)");
}

} // namespace

class TestS3Errors : public QObject {
    Q_OBJECT

private slots:
    void mapsS3Errors_data();
    void mapsS3Errors();
    void reportsProxyPageAsUnexpectedResponse();
    void retriesSlowDownOnceAfterBackoff();
    void correctsClockSkewOnce();
};

void TestS3Errors::mapsS3Errors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("extraName");
    QTest::addColumn<QString>("extraValue");
    QTest::addColumn<ErrorCategory>("category");
    QTest::addColumn<QString>("says");

    QTest::newRow("access denied, listing")
        << "list" << 403 << QByteArray("AccessDenied") << QByteArray() << QString()
        << ErrorCategory::AccessDenied << "s3:ListBucket";
    QTest::newRow("access denied, reading")
        << "read" << 403 << QByteArray("AccessDenied") << QByteArray() << QString()
        << ErrorCategory::AccessDenied << "s3:GetObject";
    QTest::newRow("no such bucket")
        << "list" << 404 << QByteArray("NoSuchBucket") << QByteArray("BucketName") << "recordings"
        << ErrorCategory::NotFound << "Bucket not found";
    QTest::newRow("no such key") << "read" << 404 << QByteArray("NoSuchKey") << QByteArray("Key")
                                 << "show/00.ts" << ErrorCategory::NotFound << "Object not found";
    QTest::newRow("signature does not match")
        << "list" << 403 << QByteArray("SignatureDoesNotMatch") << QByteArray() << QString()
        << ErrorCategory::Authentication << "secret access key";
    QTest::newRow("invalid access key id")
        << "read" << 403 << QByteArray("InvalidAccessKeyId") << QByteArray() << QString()
        << ErrorCategory::Authentication << "access key ID";
    QTest::newRow("expired token")
        << "list" << 400 << QByteArray("ExpiredToken") << QByteArray() << QString()
        << ErrorCategory::Authentication << "temporary credentials";
    QTest::newRow("permanent redirect")
        << "read" << 301 << QByteArray("PermanentRedirect") << QByteArray("Endpoint")
        << "recordings.s3.eu-west-1.amazonaws.com" << ErrorCategory::Configuration
        << "Use region eu-west-1";
    QTest::newRow("authorization header malformed")
        << "list" << 400 << QByteArray("AuthorizationHeaderMalformed") << QByteArray("Region")
        << "eu-central-1" << ErrorCategory::Configuration << "bucket is in region eu-central-1";
    QTest::newRow("slow down") << "list" << 503 << QByteArray("SlowDown") << QByteArray()
                               << QString() << ErrorCategory::Throttling << "slow down";
    QTest::newRow("internal error") << "read" << 500 << QByteArray("InternalError") << QByteArray()
                                    << QString() << ErrorCategory::ServiceFailure << "try again";
}

void TestS3Errors::mapsS3Errors()
{
    QFETCH(QString, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, extraName);
    QFETCH(QString, extraValue);
    QFETCH(ErrorCategory, category);
    QFETCH(QString, says);

    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    QList<QPair<QByteArray, QString>> extra;
    if (!extraName.isEmpty())
        extra.append({extraName, extraValue});
    const net::HttpResponse answer =
        testsupport::s3ErrorResponse(status, code, QStringLiteral("S3 says no."), extra);
    fake->intercept = [answer](const net::HttpRequest &) { return answer; };
    S3Rig rig(fake->url());

    std::optional<ivs::ServiceError> error;
    if (operation == QLatin1String("list")) {
        const auto result = rig.list();
        QVERIFY(result);
        error = result->error;
    } else {
        const auto result = rig.get(QStringLiteral("show/00.ts"));
        QVERIFY(result);
        error = result->error;
        QCOMPARE(result->httpStatus, status);
    }
    QVERIFY(error);
    QCOMPARE(error->category, category);
    QCOMPARE(error->code, QString::fromLatin1(code));
    QCOMPARE(error->httpStatus, status);
    QCOMPARE(error->serviceMessage, QStringLiteral("S3 says no."));
    QCOMPARE(error->requestId, QStringLiteral("4442587FB7D0A2F9"));
    QVERIFY(!error->nextStep.isEmpty());
    QVERIFY2(error->userMessage().contains(says, Qt::CaseInsensitive),
             qPrintable(error->userMessage()));
    QCOMPARE(error->transient, category == ErrorCategory::Throttling);
    QCOMPARE(fake->requests().size(), 1); // one attempt: no redirect followed, no retry here
}

void TestS3Errors::reportsProxyPageAsUnexpectedResponse()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->intercept = [](const net::HttpRequest &) {
        return net::HttpResponse{
            403,
            {{"Content-Type", "text/html"}},
            "<html><head><title>Blocked by corporate proxy</title></head><body/></html>"};
    };
    S3Rig rig(fake->url());

    const auto result = rig.list();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::MalformedResponse);
    QCOMPARE(result->error->httpStatus, 403);
    QVERIFY2(message(result->error).contains(QStringLiteral("Unexpected response")) &&
                 message(result->error).contains(QStringLiteral("Blocked by corporate proxy")),
             qPrintable(message(result->error)));
}

void TestS3Errors::retriesSlowDownOnceAfterBackoff()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(QStringLiteral("show/00.ts"), "payload");
    int refusals = 1;
    fake->intercept = [&refusals](const net::HttpRequest &) -> std::optional<net::HttpResponse> {
        if (refusals-- > 0)
            return testsupport::s3ErrorResponse(503, "SlowDown", QStringLiteral("Reduce rate"));
        return std::nullopt;
    };
    S3Rig rig(fake->url());
    rig.client.setRetryPolicy(ivs::RetryPolicy{2, 200, 1000});
    rig.client.setRandomSource([] { return 0.5; });
    QList<int> delays;
    rig.client.setDelayScheduler(
        [&delays](int milliseconds, QObject *context, std::function<void()> then) {
            delays.append(milliseconds);
            QMetaObject::invokeMethod(context, std::move(then), Qt::QueuedConnection);
        });
    QStringList notices;
    connect(&rig.client, &s3::S3Client::retrying, this,
            [&notices](const QString &notice) { notices.append(notice); });

    const auto result = rig.get(QStringLiteral("show/00.ts"));
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(message(result->error)));
    QCOMPARE(result->body, QByteArray("payload"));
    QCOMPARE(fake->requests().size(), 2);
    QCOMPARE(delays, QList<int>{100});
    QCOMPARE(notices.size(), 1);
}

void TestS3Errors::correctsClockSkewOnce()
{
    auto fake = S3Rig::startFake();
    QVERIFY(fake);
    fake->putObject(QStringLiteral("show/00.ts"), "payload");
    fake->setClock([] { return S3Rig::now().addSecs(2 * 3600); });
    S3Rig rig(fake->url());

    const auto result = rig.get(QStringLiteral("show/00.ts"));
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(message(result->error)));
    QCOMPARE(fake->requests().size(), 2);
    QCOMPARE(rig.client.clockOffset(), 2 * 3600);
}

QTEST_GUILESS_MAIN(TestS3Errors)
#include "tst_s3_errors.moc"
