#include "aws/sigv4_signer.h"

#include "aws/hmac_sha256.h"

#include <algorithm>
#include <QTimeZone>
#include <QVarLengthArray>

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

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The path as sent, with its percent-encoding made canonical: what S3 signs. Escapes stay
// escapes (in capitals) unless they stand for an unreserved character; any other byte outside
// the unreserved set and '/' is encoded.
QByteArray canonicalEncoding(const QByteArray &path)
{
    if (std::all_of(path.cbegin(), path.cend(), [](char c) { return isUnreserved(c) || c == '/'; }))
        return path;
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto appendEscape = [](QByteArray &out, int byte) {
        out.append('%').append(hex[byte >> 4]).append(hex[byte & 0x0F]);
    };
    QByteArray out;
    out.reserve(path.size() * 3);
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char c = path.at(i);
        if (c == '%' && i + 2 < path.size() && hexValue(path.at(i + 1)) >= 0 &&
            hexValue(path.at(i + 2)) >= 0) {
            const int byte = hexValue(path.at(i + 1)) * 16 + hexValue(path.at(i + 2));
            i += 2;
            if (isUnreserved(static_cast<char>(byte)))
                out.append(static_cast<char>(byte));
            else
                appendEscape(out, byte);
        } else if (isUnreserved(c) || c == '/') {
            out.append(c);
        } else {
            appendEscape(out, static_cast<unsigned char>(c));
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

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Header names compare lowercased and trimmed. Names that already are (as every header this
// app sends) are shared, not copied.
QByteArray canonicalHeaderName(const QByteArray &name)
{
    const bool canonical =
        (name.isEmpty() || (!isSpace(name.front()) && !isSpace(name.back()))) &&
        std::none_of(name.cbegin(), name.cend(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return canonical ? name : name.trimmed().toLower();
}

// Header values: surrounding whitespace trimmed, inner runs (including folded lines) collapsed.
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    bool simple = value.isEmpty() || (value.front() != ' ' && value.back() != ' ');
    for (qsizetype i = 0; simple && i < value.size(); ++i) {
        const char c = value.at(i);
        simple = !isSpace(c) || (c == ' ' && value.at(i - 1) != ' ');
    }
    return simple ? value : value.simplified();
}

// Retries, refreshes and repeated lookups send the same body again: its hash is kept for the last
// body seen by this thread.
QByteArray payloadSha256Hex(const QByteArray &body)
{
    thread_local QByteArray lastBody;
    thread_local QByteArray lastHash = SigV4Signer::sha256Hex({});
    if (body != lastBody) {
        lastHash = SigV4Signer::sha256Hex(body);
        lastBody = body;
    }
    return lastHash;
}

// Everything that depends only on the credentials, the day, the region and the service: the
// signing key (its four HMACs), the credential scope and the start of the Authorization header.
// Kept for the last combination this thread signed with, only in its memory: the key is a secret
// in its own right.
struct SigningScope {
    QString accessKeyId;
    QString secret;
    QByteArray day;
    QString region;
    QString service;

    QByteArray scope;            // 20150830/us-east-1/service/aws4_request
    QByteArray credentialPrefix; // AWS4-HMAC-SHA256 Credential=AKID/<scope>, SignedHeaders=
    HmacSha256 signingKey;
};

const SigningScope &signingScope(const Credentials &credentials, QByteArrayView day,
                                 const SigningOptions &options)
{
    thread_local SigningScope cached;
    if (!cached.signingKey.isNull() && cached.day == day &&
        cached.secret == credentials.secretAccessKey && cached.region == options.region &&
        cached.service == options.service && cached.accessKeyId == credentials.accessKeyId)
        return cached;
    const QByteArray region = options.region.toUtf8();
    const QByteArray service = options.service.toUtf8();
    const QByteArray dateKey =
        HmacSha256(QByteArray("AWS4" + credentials.secretAccessKey.toUtf8())).mac(day);
    const QByteArray regionKey = HmacSha256(dateKey).mac(region);
    const QByteArray serviceKey = HmacSha256(regionKey).mac(service);
    cached.accessKeyId = credentials.accessKeyId;
    cached.secret = credentials.secretAccessKey;
    cached.day = day.toByteArray();
    cached.region = options.region;
    cached.service = options.service;
    cached.scope = cached.day + '/' + region + '/' + service + "/aws4_request";
    cached.credentialPrefix = QByteArray(kAlgorithm) +
                              " Credential=" + credentials.accessKeyId.toUtf8() + '/' +
                              cached.scope + ", SignedHeaders=";
    cached.signingKey = HmacSha256(HmacSha256(serviceKey).mac("aws4_request"));
    return cached;
}

void appendTwoDigits(char *&out, int value)
{
    *out++ = static_cast<char>('0' + value / 10);
    *out++ = static_cast<char>('0' + value % 10);
}

} // namespace

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    QByteArray hex;
    appendSha256Hex(hex, data);
    return hex;
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    // Formatted by hand: QDateTime::toString with a pattern, or even snprintf, costs more than the
    // rest of building the canonical request.
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    QByteArray text(16, Qt::Uninitialized);
    char *out = text.data();
    const int year = date.year(); // AWS accepts only four-digit years
    appendTwoDigits(out, (year / 100) % 100);
    appendTwoDigits(out, year % 100);
    appendTwoDigits(out, date.month());
    appendTwoDigits(out, date.day());
    *out++ = 'T';
    appendTwoDigits(out, clock.hour());
    appendTwoDigits(out, clock.minute());
    appendTwoDigits(out, clock.second());
    *out = 'Z';
    return text;
}

QByteArray SigV4Signer::credentialScope(const QDateTime &time, const QString &region,
                                        const QString &service)
{
    return amzDate(time).left(8) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &path, bool normalize, bool encodeAgain)
{
    const QByteArray source = path.isEmpty() ? QByteArray("/") : path;
    const QByteArray normalized = normalize ? normalizedPath(source) : source;
    return encodeAgain ? uriEncode(normalized, /*keepSlash=*/true) : canonicalEncoding(normalized);
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
    const SigningScope &scope = signingScope(credentials, QByteArrayView(date).first(8), options);
    const QByteArray payloadHash = payloadSha256Hex(request.body);

    result.headersToAdd.reserve(4);
    result.headersToAdd.append({"X-Amz-Date", date});
    if (options.addContentSha256Header)
        result.headersToAdd.append({"X-Amz-Content-Sha256", payloadHash});
    const bool signToken = credentials.hasSessionToken() && !options.omitSessionTokenFromSignature;
    if (signToken)
        result.headersToAdd.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});

    // Sorted by name; a stable sort keeps repeated headers in the order they appear, and their
    // values are then joined with commas.
    QVarLengthArray<QPair<QByteArray, QByteArray>, 8> headers;
    for (const auto &[name, value] : request.headers)
        headers.append({canonicalHeaderName(name), canonicalHeaderValue(value)});
    for (const auto &[name, value] : std::as_const(result.headersToAdd))
        headers.append({canonicalHeaderName(name), canonicalHeaderValue(value)});
    std::stable_sort(headers.begin(), headers.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });

    QByteArray canonicalHeaders;
    canonicalHeaders.reserve(256);
    result.signedHeaders.reserve(64);
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const bool repeated = i > 0 && headers[i].first == headers[i - 1].first;
        if (repeated) {
            canonicalHeaders.chop(1); // the previous value's newline
            canonicalHeaders.append(',');
        } else {
            if (!result.signedHeaders.isEmpty())
                result.signedHeaders.append(';');
            result.signedHeaders.append(headers[i].first);
            canonicalHeaders.append(headers[i].first).append(':');
        }
        canonicalHeaders.append(headers[i].second).append('\n');
    }

    const QByteArray uri =
        canonicalUri(request.path, options.normalizePath, options.encodePathAgain);
    const QByteArray query = canonicalQuery(request.query);
    QByteArray &canonicalRequest = result.canonicalRequest;
    canonicalRequest.reserve(request.method.size() + uri.size() + query.size() +
                             canonicalHeaders.size() + result.signedHeaders.size() +
                             payloadHash.size() + 5);
    canonicalRequest.append(request.method)
        .append('\n')
        .append(uri)
        .append('\n')
        .append(query)
        .append('\n')
        .append(canonicalHeaders)
        .append('\n')
        .append(result.signedHeaders)
        .append('\n')
        .append(payloadHash);

    QByteArray &stringToSign = result.stringToSign;
    stringToSign.reserve(sizeof kAlgorithm + date.size() + scope.scope.size() + 64 + 3);
    stringToSign.append(kAlgorithm)
        .append('\n')
        .append(date)
        .append('\n')
        .append(scope.scope)
        .append('\n');
    appendSha256Hex(stringToSign, canonicalRequest);

    appendHex(result.signature, scope.signingKey.mac(stringToSign));

    result.authorization.reserve(scope.credentialPrefix.size() + result.signedHeaders.size() +
                                 result.signature.size() + 12);
    result.authorization.append(scope.credentialPrefix)
        .append(result.signedHeaders)
        .append(", Signature=")
        .append(result.signature);

    if (credentials.hasSessionToken() && !signToken)
        result.headersToAdd.append({"X-Amz-Security-Token", credentials.sessionToken.toUtf8()});
    result.headersToAdd.append({"Authorization", result.authorization});
    return result;
}

} // namespace aws
