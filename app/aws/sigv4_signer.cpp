#include "aws/sigv4_signer.h"

#include <algorithm>
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

} // namespace

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    return time.toTimeZone(QTimeZone::utc())
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
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
    const QByteArray scope = credentialScope(options.signingTime, options.region, options.service);
    const QByteArray payloadHash = sha256Hex(request.body);

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

    const QByteArray dateKey = hmac("AWS4" + credentials.secretAccessKey.toUtf8(), date.left(8));
    const QByteArray regionKey = hmac(dateKey, options.region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, options.service.toUtf8());
    const QByteArray signingKey = hmac(serviceKey, "aws4_request");
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
