#include "aws/sigv4_signer.h"
#include "aws/sigv4_verifier.h"

#include <QTest>
#include <QTimeZone>

namespace {

const QString kAccessKeyId = QStringLiteral("AKIDVERIFIERTEST0001");
const QString kSecret = QStringLiteral("verifier/secret+for+tests");
const QString kSessionToken = QStringLiteral("FwoGZXIvYXdzEXAMPLE//token==");
const QDateTime kSignedAt(QDate(2024, 5, 17), QTime(9, 30, 0), QTimeZone::utc());

aws::SigV4Verifier makeVerifier()
{
    return aws::SigV4Verifier(QStringLiteral("ivs"),
                              [](const QString &accessKeyId) -> std::optional<QString> {
                                  if (accessKeyId == kAccessKeyId)
                                      return kSecret;
                                  return std::nullopt;
                              });
}

aws::Credentials credentials(const QString &secret = kSecret, const QString &token = {})
{
    return aws::Credentials{kAccessKeyId, secret, token, {}};
}

aws::SigningOptions options(const QString &service = QStringLiteral("ivs"))
{
    aws::SigningOptions result;
    result.region = QStringLiteral("us-west-2");
    result.service = service;
    result.signingTime = kSignedAt;
    return result;
}

// A GetStage request as the client sends it: signed, with the signer's headers added.
aws::HttpRequestToSign signedRequest(const aws::Credentials &signer = credentials(),
                                     const aws::SigningOptions &signing = options())
{
    aws::HttpRequestToSign request{
        "POST",
        "/GetStage",
        {},
        {{"Host", "127.0.0.1:8443"}, {"Content-Type", "application/json"}},
        R"({"arn":"arn:aws:ivs:us-west-2:123456789012:stage/abcd"})"};
    request.headers += aws::SigV4Signer::sign(request, signer, signing).headersToAdd;
    return request;
}

void setHeader(aws::HttpRequestToSign *request, const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, current] : request->headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            current = value;
            return;
        }
    }
    request->headers.append({name, value});
}

void removeHeader(aws::HttpRequestToSign *request, const QByteArray &name)
{
    request->headers.removeIf(
        [&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

using Outcome = std::variant<aws::VerifiedRequest, aws::VerificationFailure>;

aws::VerificationFailure failureOf(const Outcome &outcome)
{
    if (const auto *failure = std::get_if<aws::VerificationFailure>(&outcome))
        return *failure;
    return {0, "<verified>", {}};
}

} // namespace

class TestSigV4Verifier : public QObject {
    Q_OBJECT

private slots:
    void acceptsRequestSignedBySigner();
    void acceptsUnsignedHeaderAddedAfterSigning();
    void acceptsClockSkewOfExactlyFiveMinutes();
    void acceptsSignedSessionToken();
    void acceptsUnsignedSessionToken();

    void rejectsTamperedBody();
    void rejectsTamperedSignedHeader();
    void rejectsTamperedSignedSessionToken();
    void rejectsWrongSecret();
    void rejectsUnknownAccessKey();
    void rejectsMissingAuthorization();
    void rejectsClockSkewOverFiveMinutes_data();
    void rejectsClockSkewOverFiveMinutes();
    void rejectsScopeForAnotherService();
};

void TestSigV4Verifier::acceptsRequestSignedBySigner()
{
    const Outcome outcome = makeVerifier().verify(signedRequest(), kSignedAt);

    QCOMPARE(failureOf(outcome).errorType, QByteArray("<verified>"));
    const auto verified = std::get<aws::VerifiedRequest>(outcome);
    QCOMPARE(verified.accessKeyId, kAccessKeyId);
    QCOMPARE(verified.region, QStringLiteral("us-west-2"));
}

void TestSigV4Verifier::acceptsUnsignedHeaderAddedAfterSigning()
{
    // Proxies and HTTP stacks add headers (User-Agent, Accept-Encoding) that were never signed.
    aws::HttpRequestToSign request = signedRequest();
    request.headers.append(qMakePair(QByteArray("User-Agent"), QByteArray("curl/7.88.1")));

    QCOMPARE(failureOf(makeVerifier().verify(request, kSignedAt)).errorType,
             QByteArray("<verified>"));
}

void TestSigV4Verifier::acceptsClockSkewOfExactlyFiveMinutes()
{
    const aws::SigV4Verifier verifier = makeVerifier();
    const qint64 limit = aws::SigV4Verifier::kMaxClockSkewSeconds;

    QCOMPARE(failureOf(verifier.verify(signedRequest(), kSignedAt.addSecs(limit))).errorType,
             QByteArray("<verified>"));
    QCOMPARE(failureOf(verifier.verify(signedRequest(), kSignedAt.addSecs(-limit))).errorType,
             QByteArray("<verified>"));
}

void TestSigV4Verifier::acceptsSignedSessionToken()
{
    const aws::HttpRequestToSign request = signedRequest(credentials(kSecret, kSessionToken));
    QVERIFY(request.headers.contains({"X-Amz-Security-Token", kSessionToken.toUtf8()}));

    QCOMPARE(failureOf(makeVerifier().verify(request, kSignedAt)).errorType,
             QByteArray("<verified>"));
}

void TestSigV4Verifier::acceptsUnsignedSessionToken()
{
    aws::SigningOptions tokenAfterSigning = options();
    tokenAfterSigning.omitSessionTokenFromSignature = true;
    const aws::HttpRequestToSign request =
        signedRequest(credentials(kSecret, kSessionToken), tokenAfterSigning);
    QVERIFY(request.headers.contains({"X-Amz-Security-Token", kSessionToken.toUtf8()}));

    QCOMPARE(failureOf(makeVerifier().verify(request, kSignedAt)).errorType,
             QByteArray("<verified>"));
}

void TestSigV4Verifier::rejectsTamperedBody()
{
    aws::HttpRequestToSign request = signedRequest();
    request.body.replace("abcd", "abce");

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
    QVERIFY2(failure.message.contains(QStringLiteral("does not match")),
             qPrintable(failure.message));
}

void TestSigV4Verifier::rejectsTamperedSignedHeader()
{
    aws::HttpRequestToSign request = signedRequest();
    setHeader(&request, "Content-Type", "text/plain");

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
}

void TestSigV4Verifier::rejectsTamperedSignedSessionToken()
{
    aws::HttpRequestToSign request = signedRequest(credentials(kSecret, kSessionToken));
    setHeader(&request, "X-Amz-Security-Token", "AnotherToken");

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
}

void TestSigV4Verifier::rejectsWrongSecret()
{
    const aws::HttpRequestToSign request =
        signedRequest(credentials(QStringLiteral("not-the-secret")));

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
}

void TestSigV4Verifier::rejectsUnknownAccessKey()
{
    aws::Credentials stranger = credentials();
    stranger.accessKeyId = QStringLiteral("AKIDUNKNOWNKEY000000");

    const aws::VerificationFailure failure =
        failureOf(makeVerifier().verify(signedRequest(stranger), kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("UnrecognizedClientException"));
}

void TestSigV4Verifier::rejectsMissingAuthorization()
{
    aws::HttpRequestToSign request = signedRequest();
    removeHeader(&request, "Authorization");

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("MissingAuthenticationTokenException"));
}

void TestSigV4Verifier::rejectsClockSkewOverFiveMinutes_data()
{
    QTest::addColumn<qint64>("serverClockOffset");
    QTest::addColumn<QString>("messageStart");

    const qint64 limit = aws::SigV4Verifier::kMaxClockSkewSeconds;
    const QString expired = QStringLiteral("Signature expired");
    const QString notYetCurrent = QStringLiteral("Signature not yet current");
    QTest::newRow("server clock ahead") << limit + 1 << expired;
    QTest::newRow("server clock behind") << -(limit + 1) << notYetCurrent;
    QTest::newRow("server clock an hour ahead") << qint64(3600) << expired;
}

void TestSigV4Verifier::rejectsClockSkewOverFiveMinutes()
{
    QFETCH(qint64, serverClockOffset);
    QFETCH(QString, messageStart);

    const aws::VerificationFailure failure =
        failureOf(makeVerifier().verify(signedRequest(), kSignedAt.addSecs(serverClockOffset)));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
    QVERIFY2(failure.message.startsWith(messageStart), qPrintable(failure.message));
}

void TestSigV4Verifier::rejectsScopeForAnotherService()
{
    const aws::HttpRequestToSign request =
        signedRequest(credentials(), options(QStringLiteral("execute-api")));

    const aws::VerificationFailure failure = failureOf(makeVerifier().verify(request, kSignedAt));
    QCOMPARE(failure.httpStatus, 403);
    QCOMPARE(failure.errorType, QByteArray("InvalidSignatureException"));
    QVERIFY2(failure.message.contains(QStringLiteral("'ivs'")), qPrintable(failure.message));
}

QTEST_GUILESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4_verifier.moc"
