#pragma once

#include "aws/credentials.h"
#include "aws/sigv4_signer.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QString>

namespace aws {

// Why a signed request was refused, in the words and codes AWS uses.
struct VerificationFailure {
    int httpStatus = 403;
    QByteArray errorType; // e.g. "InvalidSignatureException"
    QString message;
};

struct VerifiedRequest {
    QString accessKeyId;
    QString region;
};

// Server side of SigV4: checks a received request the way an AWS endpoint does (scope, service,
// clock skew, signed headers, signature). Used by the built-in demo endpoint.
class SigV4Verifier {
public:
    // Looks up the secret for an access key id; nullopt when the key is unknown.
    using SecretLookup = std::function<std::optional<QString>(const QString &accessKeyId)>;

    SigV4Verifier(QString service, SecretLookup lookup);

    // S3's rules: the path is signed as sent, neither normalized nor encoded again (see
    // SigningOptions::encodePathAgain).
    void setSignsPathAsSent(bool asSent) { m_pathAsSent = asSent; }

    // `request` as received, with every header. `now` is the server clock.
    std::variant<VerifiedRequest, VerificationFailure> verify(const HttpRequestToSign &request,
                                                              const QDateTime &now) const;

    static constexpr qint64 kMaxClockSkewSeconds = 5 * 60;

private:
    QString m_service;
    SecretLookup m_lookup;
    bool m_pathAsSent = false;
};

} // namespace aws
