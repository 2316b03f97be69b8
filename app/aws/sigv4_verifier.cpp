#include "aws/sigv4_verifier.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTimeZone>

namespace aws {

namespace {

VerificationFailure incomplete(const QString &message)
{
    return {400, "IncompleteSignatureException", message};
}

VerificationFailure invalid(const QString &message)
{
    return {403, "InvalidSignatureException", message};
}

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// Compares without an early exit, so the time taken says nothing about the expected signature.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

SigV4Verifier::SigV4Verifier(QString service, SecretLookup lookup)
    : m_service(std::move(service))
    , m_lookup(std::move(lookup))
{
}

std::variant<VerifiedRequest, VerificationFailure>
SigV4Verifier::verify(const HttpRequestToSign &request, const QDateTime &now) const
{
    const QByteArray authorization = headerValue(request.headers, "authorization");
    if (authorization.isEmpty())
        return VerificationFailure{403, "MissingAuthenticationTokenException",
                                   QStringLiteral("Missing Authentication Token")};

    static const QRegularExpression pattern(QStringLiteral(
        "^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
        "SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(authorization));
    if (!match.hasMatch())
        return incomplete(QStringLiteral("Authorization header requires 'Credential', "
                                         "'SignedHeaders' and 'Signature' parameters."));
    const QString accessKeyId = match.captured(1);
    const QString scopeDate = match.captured(2);
    const QString region = match.captured(3);
    const QString service = match.captured(4);
    const QList<QByteArray> signedNames = match.captured(5).toLatin1().split(';');
    const QByteArray signature = match.captured(6).toLatin1();

    const std::optional<QString> secret = m_lookup(accessKeyId);
    if (!secret)
        return VerificationFailure{403, "UnrecognizedClientException",
                                   QStringLiteral("The security token included in the request is "
                                                  "invalid.")};
    if (service != m_service)
        return invalid(
            QStringLiteral("Credential should be scoped to correct service: '%1'.").arg(m_service));

    const QByteArray amzDate = headerValue(request.headers, "x-amz-date");
    QDateTime signedAt =
        QDateTime::fromString(QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    signedAt.setTimeZone(QTimeZone::utc());
    if (amzDate.isEmpty() || !signedAt.isValid())
        return incomplete(QStringLiteral("Authorization header requires existence of either a "
                                         "'X-Amz-Date' or a 'Date' header."));
    if (!amzDate.startsWith(scopeDate.toLatin1()))
        return invalid(QStringLiteral("Date in Credential scope does not match YYYYMMDD from "
                                      "ISO-8601 version of date from HTTP: '%1' != '%2'.")
                           .arg(scopeDate, QString::fromLatin1(amzDate.left(8))));
    const qint64 skew = signedAt.secsTo(now);
    if (skew > kMaxClockSkewSeconds)
        return invalid(
            QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - 5 min.)")
                .arg(QString::fromLatin1(amzDate),
                     QString::fromLatin1(SigV4Signer::amzDate(now.addSecs(-kMaxClockSkewSeconds))),
                     QString::fromLatin1(SigV4Signer::amzDate(now))));
    if (skew < -kMaxClockSkewSeconds)
        return invalid(
            QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + "
                           "5 min.)")
                .arg(QString::fromLatin1(amzDate),
                     QString::fromLatin1(SigV4Signer::amzDate(now.addSecs(kMaxClockSkewSeconds))),
                     QString::fromLatin1(SigV4Signer::amzDate(now))));
    if (!signedNames.contains("host"))
        return invalid(QStringLiteral("'Host' must be a 'SignedHeader' in the AWS "
                                      "Authorization."));

    // A payload hash sent along (S3) must be the body's: the signature covers the header, not the
    // body itself.
    const QByteArray contentSha256 = headerValue(request.headers, "x-amz-content-sha256");
    if (!contentSha256.isEmpty() && contentSha256 != "UNSIGNED-PAYLOAD" &&
        contentSha256 != SigV4Signer::sha256Hex(request.body))
        return VerificationFailure{400, "XAmzContentSHA256Mismatch",
                                   QStringLiteral("The provided 'x-amz-content-sha256' header "
                                                  "does not match what was computed.")};

    // Rebuild the request from the signed headers only; the signer re-adds the date and token.
    HttpRequestToSign resigned = request;
    resigned.headers.clear();
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (signedNames.contains(lower) && lower != "x-amz-date" && lower != "x-amz-security-token")
            resigned.headers.append({name, value});
    }
    Credentials credentials{accessKeyId, *secret, {}, {}};
    SigningOptions options;
    options.region = region;
    options.service = service;
    options.signingTime = signedAt;
    options.normalizePath = !m_pathAsSent;
    options.encodePathAgain = !m_pathAsSent;
    options.omitSessionTokenFromSignature = !signedNames.contains("x-amz-security-token");
    credentials.sessionToken =
        QString::fromUtf8(headerValue(request.headers, "x-amz-security-token"));
    const SigningResult expected = SigV4Signer::sign(resigned, credentials, options);

    if (!constantTimeEquals(expected.signature, signature) ||
        expected.signedHeaders != match.captured(5).toLatin1())
        return invalid(QStringLiteral("The request signature we calculated does not match the "
                                      "signature you provided. Check your AWS Secret Access Key "
                                      "and signing method. Consult the service documentation for "
                                      "details."));
    return VerifiedRequest{accessKeyId, region};
}

} // namespace aws
