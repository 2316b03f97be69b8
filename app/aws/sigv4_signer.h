#pragma once

#include "aws/credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace aws {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// An HTTP request as it will go on the wire. `path` and `query` are exactly as on the request
// line (already percent-encoded where the caller encoded them); the signer encodes the path once
// more, as every AWS service except S3 expects (see SigningOptions::encodePathAgain).
struct HttpRequestToSign {
    QByteArray method;
    QByteArray path;
    QByteArray query;   // without the leading '?'
    HeaderList headers; // must include Host
    QByteArray body;
};

struct SigningOptions {
    QString region;
    QString service;
    QDateTime signingTime; // injected: the signer never reads the clock itself
    bool normalizePath = true;
    // Every service but S3 signs the path encoded once more than it is sent. S3 (false) signs it
    // as sent: only its percent-encoding is made canonical (bytes outside A-Z a-z 0-9 - . _ ~ and
    // '/' encoded, hex digits in capitals, escapes of unreserved characters decoded), so a key
    // encoded once by the caller is never encoded twice.
    bool encodePathAgain = true;
    bool addContentSha256Header = false;
    // Some services want the token added after signing rather than signed.
    bool omitSessionTokenFromSignature = false;
};

struct SigningResult {
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;     // lowercase hex
    QByteArray authorization; // value of the Authorization header
    QByteArray signedHeaders; // "host;x-amz-date"
    HeaderList headersToAdd;  // x-amz-date, tokens, Authorization: what the caller must send
};

// AWS Signature Version 4 for the Authorization header. Pure: no I/O, no clock, no state.
class SigV4Signer {
public:
    static SigningResult sign(const HttpRequestToSign &request, const Credentials &credentials,
                              const SigningOptions &options);

    static QByteArray amzDate(const QDateTime &time); // 20150830T123600Z
    static QByteArray credentialScope(const QDateTime &time, const QString &region,
                                      const QString &service);
    static QByteArray canonicalUri(const QByteArray &path, bool normalize, bool encodeAgain = true);
    static QByteArray canonicalQuery(const QByteArray &query);
    static QByteArray sha256Hex(const QByteArray &data);
};

} // namespace aws
