#include "aws/sigv4_signer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

namespace aws {

namespace {

constexpr char kAlgorithm[] = "AWS4-HMAC-SHA256";

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

QByteArray uriEncode(const QByteArray &input, bool keepSlash)
{
    // Most paths ("/GetStage") need no encoding at all: return them without building a copy.
    if (std::all_of(input.cbegin(), input.cend(),
                    [keepSlash](char c) { return isUnreserved(c) || (keepSlash && c == '/'); }))
        return input;
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(input.size() * 3);
    for (const char c : input) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0x0F]);
        }
    }
    return out;
}

// RFC 3986 dot-segment removal, plus collapsing of empty segments as AWS does.
QByteArray normalizedPath(const QByteArray &path)
{
    const bool alreadyNormal = path.startsWith('/') && !path.contains("//") &&
                               !path.contains("/./") && !path.contains("/../") &&
                               !path.endsWith("/.") && !path.endsWith("/..");
    if (alreadyNormal)
        return path;
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray result = '/' + kept.join('/');
    const bool endsInDirectory = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    if (endsInDirectory && !kept.isEmpty())
        result.append('/');
    return result;
}

// Header values: surrounding whitespace trimmed, inner runs (including folded lines) collapsed.
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    return value.simplified();
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Retries, refreshes and repeated lookups send the same body again: its hash is kept for the last
// body seen by this thread.
QByteArray payloadSha256Hex(const QByteArray &body)
{
    thread_local QByteArray lastBody;
    thread_local QByteArray lastHash =
        QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
    if (body != lastBody) {
        lastHash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
        lastBody = body;
    }
    return lastHash;
}

// The signing key changes only with the secret, the day, the region and the service, so the four
// HMACs that derive it are done once per day rather than once per request. The cache holds the
// key (a secret in its own right) only in this thread's memory, never anywhere else.
QByteArray derivedSigningKey(const QString &secret, const QByteArray &day, const QString &region,
                             const QString &service)
{
    struct Cached {
        QString secret;
        QByteArray day;
        QString region;
        QString service;
        QByteArray key;
    };
    thread_local Cached cached;
    if (cached.key.isEmpty() || cached.secret != secret || cached.day != day ||
        cached.region != region || cached.service != service) {
        const QByteArray dateKey = hmac("AWS4" + secret.toUtf8(), day);
        const QByteArray regionKey = hmac(dateKey, region.toUtf8());
        const QByteArray serviceKey = hmac(regionKey, service.toUtf8());
        cached = {secret, day, region, service, hmac(serviceKey, "aws4_request")};
    }
    return cached.key;
}

} // namespace

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    // Formatted by hand: QDateTime::toString with a pattern costs more than the rest of signing.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02dZ", date.year(), date.month(),
                  date.day(), clock.hour(), clock.minute(), clock.second());
    return QByteArray(buffer, 16);
}

QByteArray SigV4Signer::credentialScope(const QDateTime &time, const QString &region,
                                        const QString &service)
{
    return amzDate(time).left(8) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path, bool normalize)
{
    const QByteArray source = path.isEmpty() ? QByteArray("/") : path;
    return uriEncode(normalize ? normalizedPath(source) : source, /*keepSlash=*/true);
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &query)
{
    if (query.isEmpty())
        return {};
    QList<QPair<QByteArray, QByteArray>> parameters;
    const QList<QByteArray> pairs = query.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        parameters.append({uriEncode(QByteArray::fromPercentEncoding(key), false),
                           uriEncode(QByteArray::fromPercentEncoding(value), false)});
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArray out;
    for (const auto &[key, value] : std::as_const(parameters)) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key + '=' + value);
    }
    return out;
}

SigningResult SigV4Signer::sign(const HttpRequestToSign &request, const Credentials &credentials,
                                const SigningOptions &options)
{
    SigningResult result;
    const QByteArray date = amzDate(options.signingTime);
    const QByteArray scope = date.left(8) + '/' + options.region.toUtf8() + '/' +
                             options.service.toUtf8() + "/aws4_request";
    const QByteArray payloadHash = payloadSha256Hex(request.body);

    result.headersToAdd.append({"X-Amz-Date", date});
    if (options.addContentSha256Header)
        result.headersToAdd.append({"X-Amz-Content-Sha256", payloadHash});
    const bool signToken = credentials.hasSessionToken() && !options.omitSessionTokenFromSignature;
    if (signToken)
        result.headersToAdd.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});

    // Repeated headers are joined with commas in the order they appear.
    std::map<QByteArray, QList<QByteArray>> canonical;
    for (const auto &[name, value] : request.headers)
        canonical[name.trimmed().toLower()].append(canonicalHeaderValue(value));
    for (const auto &[name, value] : std::as_const(result.headersToAdd))
        canonical[name.trimmed().toLower()].append(canonicalHeaderValue(value));

    QByteArray canonicalHeaders;
    QList<QByteArray> signedNames;
    for (const auto &[name, values] : canonical) {
        canonicalHeaders.append(name + ':' + values.join(',') + '\n');
        signedNames.append(name);
    }
    result.signedHeaders = signedNames.join(';');

    result.canonicalRequest = request.method + '\n' +
                              canonicalUri(request.path, options.normalizePath) + '\n' +
                              canonicalQuery(request.query) + '\n' + canonicalHeaders + '\n' +
                              result.signedHeaders + '\n' + payloadHash;

    result.stringToSign = QByteArray(kAlgorithm) + '\n' + date + '\n' + scope + '\n' +
                          sha256Hex(result.canonicalRequest);

    const QByteArray signingKey = derivedSigningKey(credentials.secretAccessKey, date.left(8),
                                                    options.region, options.service);
    result.signature = hmac(signingKey, result.stringToSign).toHex();

    result.authorization =
        QByteArray(kAlgorithm) + " Credential=" + credentials.accessKeyId.toUtf8() + '/' + scope +
        ", SignedHeaders=" + result.signedHeaders + ", Signature=" + result.signature;

    if (credentials.hasSessionToken() && !signToken)
        result.headersToAdd.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});
    result.headersToAdd.append({"Authorization", result.authorization});
    return result;
}

} // namespace aws
