#pragma once

#include "aws/environment_credential_provider.h"
#include "s3/s3_client.h"
#include "support/fake_s3.h"

#include <iterator>
#include <memory>
#include <optional>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QObject>
#include <QTest>
#include <QTimeZone>

namespace ivs {

// Lets QCOMPARE print category names instead of numbers.
inline char *toString(const ErrorCategory &category)
{
    static const char *const names[] = {
        "Configuration", "Credentials",       "Authentication", "AccessDenied",  "NotFound",
        "Validation",    "Conflict",          "Throttling",     "QuotaExceeded", "ServiceFailure",
        "OtherService",  "MalformedResponse", "Network",        "Tls",           "Timeout"};
    const auto index = static_cast<std::size_t>(category);
    return qstrdup(index < std::size(names) ? names[index] : "?");
}

} // namespace ivs

Q_DECLARE_METATYPE(ivs::ErrorCategory)

namespace testsupport {

// Counts every request made; anything aimed beyond loopback is diverted to a scheme no backend
// serves, so that even a regression cannot reach a real host.
class CountingNetwork final : public QNetworkAccessManager {
public:
    CountingNetwork() { setProxy(QNetworkProxy::NoProxy); }
    int requestsCreated = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++requestsCreated;
        const QString host = request.url().host();
        if (host == QLatin1String("localhost") || QHostAddress(host).isLoopback())
            return QNetworkAccessManager::createRequest(operation, request, outgoingData);
        QNetworkRequest diverted(request);
        diverted.setUrl(QUrl(QStringLiteral("s3-test-blocked:nowhere")));
        return QNetworkAccessManager::createRequest(operation, diverted, outgoingData);
    }
};

// An S3Client on a FakeS3 (or any URL), with the fake's keys, a fixed clock the fake shares, and
// one attempt per request unless a test asks for more.
struct S3Rig {
    explicit S3Rig(const QUrl &url)
        : provider(aws::Credentials{QStringLiteral("AKIDS3TEST0000000000"),
                                    QStringLiteral("s3/secret+key=EXAMPLEKEY0000000000000"),
                                    {},
                                    {}},
                   QStringLiteral("test"))
        , client(&network, &provider, s3::S3Endpoint{url, QStringLiteral("test"), {}})
    {
        client.setClock([] { return now(); });
        ivs::RetryPolicy once;
        once.maxAttempts = 1;
        client.setRetryPolicy(once);
    }

    static QDateTime now()
    {
        return QDateTime(QDate(2026, 11, 20), QTime(10, 30), QTimeZone::utc());
    }

    // A fake on loopback with the same clock.
    static std::unique_ptr<FakeS3> startFake()
    {
        auto fake = std::make_unique<FakeS3>();
        fake->setClock([] { return now(); });
        if (!fake->start())
            return nullptr;
        return fake;
    }

    // `call(client, context, callback)` starts one operation; its result once it came.
    template <typename Result, typename Call> std::optional<Result> run(Call call, int ms = 15000)
    {
        std::optional<Result> result;
        QObject context;
        call(client, &context, [&result](const Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, ms))
            return std::nullopt;
        return result;
    }

    std::optional<s3::ListResult> list(const QString &prefix = {}, int maxObjects = 100000,
                                       const QString &bucket = QStringLiteral("recordings"))
    {
        return run<s3::ListResult>([&](s3::S3Client &c, QObject *context, auto done) {
            c.listObjects(QStringLiteral("us-west-2"), bucket, prefix, context, done, maxObjects);
        });
    }

    std::optional<s3::GetResult> get(const QString &key, qint64 maxBytes = 1024 * 1024)
    {
        return run<s3::GetResult>([&](s3::S3Client &c, QObject *context, auto done) {
            c.getObject(QStringLiteral("us-west-2"), QStringLiteral("recordings"), key, maxBytes,
                        context, done);
        });
    }

    std::optional<s3::BucketResult> head(const QString &bucket = QStringLiteral("recordings"))
    {
        return run<s3::BucketResult>([&](s3::S3Client &c, QObject *context, auto done) {
            c.headBucket(QStringLiteral("us-west-2"), bucket, context, done);
        });
    }

    CountingNetwork network;
    aws::StaticCredentialProvider provider;
    s3::S3Client client;
};

} // namespace testsupport
