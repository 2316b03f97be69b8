// SigV4 with S3's rules: AWS's published examples from the S3 API reference ("Signature
// Calculations for the Authorization Header"), keys encoded once and never twice, and the round
// trip through the verifier told to sign paths as sent.

#include "aws/sigv4_signer.h"
#include "aws/sigv4_verifier.h"
#include "s3/s3_endpoint.h"

#include <QTest>
#include <QTimeZone>
#include <variant>

namespace {

const aws::Credentials kExampleCredentials{
    QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
    QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    {},
    {}};
const QByteArray kHost = "examplebucket.s3.amazonaws.com";
const QByteArray kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

aws::SigningOptions s3Options()
{
    aws::SigningOptions options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("s3");
    options.signingTime = QDateTime(QDate(2013, 5, 24), QTime(0, 0, 0), QTimeZone::utc());
    options.normalizePath = false;
    options.encodePathAgain = false;
    options.addContentSha256Header = true;
    return options;
}

aws::SigningResult signGet(const QByteArray &path, const QByteArray &query,
                           const aws::HeaderList &extraHeaders = {})
{
    aws::HttpRequestToSign request{"GET", path, query, {{"Host", kHost}}, {}};
    request.headers += extraHeaders;
    return aws::SigV4Signer::sign(request, kExampleCredentials, s3Options());
}

QByteArray headerValue(const aws::HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// A request as the client would send it, with everything the signer added.
aws::HttpRequestToSign signedS3Request(const QByteArray &path, const QByteArray &body = {})
{
    aws::HttpRequestToSign request{"GET", path, "list-type=2", {{"Host", "127.0.0.1:9000"}}, body};
    const aws::SigningResult result =
        aws::SigV4Signer::sign(request, kExampleCredentials, s3Options());
    request.headers += result.headersToAdd;
    return request;
}

aws::SigV4Verifier exampleVerifier()
{
    return aws::SigV4Verifier(QStringLiteral("s3"), [](const QString &id) {
        return id == kExampleCredentials.accessKeyId
                   ? std::optional<QString>(kExampleCredentials.secretAccessKey)
                   : std::nullopt;
    });
}

QDateTime exampleTime()
{
    return s3Options().signingTime;
}

} // namespace

class TestS3Signer : public QObject {
    Q_OBJECT

private slots:
    void signsGetObjectExample();
    void signsPutObjectExample();
    void signsGetBucketLifecycleExample();
    void signsListObjectsExample();
    void encodesKeysOnceNeverTwice();
    void makesPercentEncodingCanonical();
    void encodesAndSortsQueryParameters();
    void verifierAcceptsWhatTheClientSigns();
    void verifierRefusesTamperedPathAndBody();
};

void TestS3Signer::signsGetObjectExample()
{
    const aws::SigningResult result = signGet("/test.txt", {}, {{"Range", "bytes=0-9"}});

    QCOMPARE(result.canonicalRequest, QByteArray("GET\n"
                                                 "/test.txt\n"
                                                 "\n"
                                                 "host:examplebucket.s3.amazonaws.com\n"
                                                 "range:bytes=0-9\n"
                                                 "x-amz-content-sha256:" +
                                                 kEmptySha256 +
                                                 "\n"
                                                 "x-amz-date:20130524T000000Z\n"
                                                 "\n"
                                                 "host;range;x-amz-content-sha256;x-amz-date\n" +
                                                 kEmptySha256));
    QCOMPARE(result.stringToSign,
             QByteArray("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    QCOMPARE(result.signature,
             QByteArray("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    QCOMPARE(
        result.authorization,
        QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                   "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                   "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    // The payload hash is sent as well as signed.
    QCOMPARE(headerValue(result.headersToAdd, "x-amz-content-sha256"), kEmptySha256);
}

void TestS3Signer::signsPutObjectExample()
{
    // The example sends the key as "test$file.text"; a client that encodes keys sends
    // "test%24file.text". Both sign the same canonical URI.
    for (const QByteArray &path :
         {QByteArray("/test$file.text"), QByteArray("/test%24file.text")}) {
        const aws::HttpRequestToSign request{"PUT",
                                             path,
                                             {},
                                             {{"Host", kHost},
                                              {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                                              {"x-amz-storage-class", "REDUCED_REDUNDANCY"}},
                                             "Welcome to Amazon S3."};
        const aws::SigningResult result =
            aws::SigV4Signer::sign(request, kExampleCredentials, s3Options());

        QCOMPARE(result.canonicalRequest.split('\n').value(1), QByteArray("/test%24file.text"));
        QCOMPARE(result.signedHeaders,
                 QByteArray("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class"));
        QCOMPARE(headerValue(result.headersToAdd, "x-amz-content-sha256"),
                 QByteArray("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
        QCOMPARE(result.stringToSign.split('\n').value(3),
                 QByteArray("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"));
        QCOMPARE(result.signature,
                 QByteArray("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
    }
}

void TestS3Signer::signsGetBucketLifecycleExample()
{
    const aws::SigningResult result = signGet("/", "lifecycle");

    QCOMPARE(result.canonicalRequest.split('\n').mid(0, 3),
             QList<QByteArray>({"GET", "/", "lifecycle="}));
    QCOMPARE(result.stringToSign.split('\n').value(3),
             QByteArray("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"));
    QCOMPARE(result.signature,
             QByteArray("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
}

void TestS3Signer::signsListObjectsExample()
{
    const QByteArray expected = "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7";
    const aws::SigningResult result = signGet("/", "max-keys=2&prefix=J");
    QCOMPARE(result.canonicalRequest.split('\n').value(2), QByteArray("max-keys=2&prefix=J"));
    QCOMPARE(result.stringToSign.split('\n').value(3),
             QByteArray("df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"));
    QCOMPARE(result.signature, expected);
    // The order sent does not matter: the canonical query is sorted.
    QCOMPARE(signGet("/", "prefix=J&max-keys=2").signature, expected);
    QCOMPARE(signGet("/", s3::encodeQuery(
                              {{"prefix", QStringLiteral("J")}, {"max-keys", QStringLiteral("2")}}))
                 .signature,
             expected);
}

void TestS3Signer::encodesKeysOnceNeverTwice()
{
    const QString key = QStringLiteral("live/my show+take=2/Grüße 日本.ts");
    const QByteArray encoded = s3::encodeKey(key);
    QCOMPARE(encoded,
             QByteArray("live/my%20show%2Btake%3D2/Gr%C3%BC%C3%9Fe%20%E6%97%A5%E6%9C%AC.ts"));
    QCOMPARE(s3::encodeKey(QStringLiteral("a-b_c.d~e/f")), QByteArray("a-b_c.d~e/f"));

    const aws::SigningResult result = signGet('/' + encoded, {});
    QCOMPARE(result.canonicalRequest.split('\n').value(1), '/' + encoded);
    QVERIFY(!result.canonicalRequest.contains("%25"));
    // Every other service encodes the path once more: the same path then signs differently.
    QCOMPARE(aws::SigV4Signer::canonicalUri('/' + encoded, false, true),
             QByteArray("/live/my%2520show%252Btake%253D2/Gr%25C3%25BC%25C3%259Fe%2520%25E6%2597%"
                        "25A5%25E6%259C%25AC.ts"));
    // Nor is an S3 path normalized: "a/../b" and "a//b" are keys of their own.
    QCOMPARE(aws::SigV4Signer::canonicalUri("/a/../b//c", false, false), QByteArray("/a/../b//c"));
}

void TestS3Signer::makesPercentEncodingCanonical()
{
    // Lowercase hex becomes capitals, escapes of unreserved characters are decoded, and bytes sent
    // as they are but outside the unreserved set are encoded, all as S3 itself sees the path.
    QCOMPARE(aws::SigV4Signer::canonicalUri("/a%2bb%7e/c d$%", false, false),
             QByteArray("/a%2Bb~/c%20d%24%25"));
    QCOMPARE(aws::SigV4Signer::canonicalUri("", false, false), QByteArray("/"));
}

void TestS3Signer::encodesAndSortsQueryParameters()
{
    const QByteArray query = s3::encodeQuery({{"prefix", QStringLiteral("show 1/")},
                                              {"continuation-token", QStringLiteral("1ue+Gc/X=")},
                                              {"list-type", QStringLiteral("2")}});
    QCOMPARE(query,
             QByteArray("continuation-token=1ue%2BGc%2FX%3D&list-type=2&prefix=show%201%2F"));
    // What the signer signs is exactly what is sent.
    QCOMPARE(aws::SigV4Signer::canonicalQuery(query), query);
}

void TestS3Signer::verifierAcceptsWhatTheClientSigns()
{
    const aws::HttpRequestToSign request =
        signedS3Request("/recordings/" + s3::encodeKey(QStringLiteral("a b+c=d/ü~.ts")));
    aws::SigV4Verifier verifier = exampleVerifier();
    verifier.setSignsPathAsSent(true);

    const auto verified = verifier.verify(request, exampleTime());
    const auto *failure = std::get_if<aws::VerificationFailure>(&verified);
    QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");

    // A verifier with every other service's rule encodes the path again and disagrees.
    const auto otherRules = exampleVerifier().verify(request, exampleTime());
    QVERIFY(std::holds_alternative<aws::VerificationFailure>(otherRules));
}

void TestS3Signer::verifierRefusesTamperedPathAndBody()
{
    aws::SigV4Verifier verifier = exampleVerifier();
    verifier.setSignsPathAsSent(true);

    aws::HttpRequestToSign otherKey = signedS3Request("/recordings/a%20b");
    otherKey.path = "/recordings/a%20c";
    const auto pathChanged = verifier.verify(otherKey, exampleTime());
    QVERIFY(std::holds_alternative<aws::VerificationFailure>(pathChanged));
    QCOMPARE(std::get<aws::VerificationFailure>(pathChanged).errorType,
             QByteArray("InvalidSignatureException"));

    aws::HttpRequestToSign otherBody = signedS3Request("/recordings/a", "body");
    otherBody.body = "tampered";
    const auto bodyChanged = verifier.verify(otherBody, exampleTime());
    QVERIFY(std::holds_alternative<aws::VerificationFailure>(bodyChanged));
    QCOMPARE(std::get<aws::VerificationFailure>(bodyChanged).errorType,
             QByteArray("XAmzContentSHA256Mismatch"));
}

QTEST_GUILESS_MAIN(TestS3Signer)
#include "tst_s3_signer.moc"
