#include "s3/s3_endpoint.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>

namespace s3 {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(s3::S3Endpoint)
};

constexpr qsizetype kMaxBucketName = 255;

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

QByteArray percentEncode(const QByteArray &bytes, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.append('%').append(hex[byte >> 4]).append(hex[byte & 0x0F]);
        }
    }
    return out;
}

// A bucket that can be the first label of a host name whose certificate is *.s3.REGION….: 3-63
// lowercase letters, digits and hyphens, no dot.
bool isVirtualHostable(const QString &bucket)
{
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"));
    return dnsLabel.match(bucket).hasMatch();
}

} // namespace

std::optional<S3Endpoint> resolveS3Endpoint(const QProcessEnvironment &env, QString *error,
                                            const aws::ConfiguredEndpoints &configured)
{
    const std::optional<aws::EndpointConfig> config =
        aws::resolveEndpointConfig(aws::s3EndpointNames(), QString(), env, error, configured);
    if (!config)
        return std::nullopt;
    return S3Endpoint{config->overrideUrl, config->overrideSource, config->extraCas};
}

QString bucketNameProblem(const QString &bucket)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (bucket.isEmpty())
        return Text::tr("No bucket name is given.");
    if (bucket.size() > kMaxBucketName || !allowed.match(bucket).hasMatch())
        return Text::tr("\"%1\" is not a bucket name: use letters, digits, '.', '-' and '_' only, "
                        "up to %2 characters.")
            .arg(bucket.left(kMaxBucketName))
            .arg(kMaxBucketName);
    return {};
}

QString regionProblem(const QString &region)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (region.isEmpty())
        return Text::tr("No region is chosen.");
    if (region.size() > 32 || !shape.match(region).hasMatch())
        return Text::tr("\"%1\" is not a region name like us-west-2.").arg(region.left(32));
    return {};
}

S3Address s3Address(const S3Endpoint &endpoint, const QString &region, const QString &bucket,
                    const QString &key)
{
    S3Address address;
    const QByteArray keyPath = '/' + encodeKey(key);
    if (!endpoint.overrideUrl.isEmpty()) {
        address.baseUrl = endpoint.overrideUrl;
        address.path = '/' + bucket.toUtf8() + (key.isEmpty() ? QByteArray() : keyPath);
        return address;
    }
    address.baseUrl.setScheme(QStringLiteral("https"));
    const QString regional = aws::s3EndpointNames().defaultHostPattern.arg(region);
    if (isVirtualHostable(bucket)) {
        address.baseUrl.setHost(bucket + QLatin1Char('.') + regional);
        address.path = keyPath;
    } else {
        address.baseUrl.setHost(regional);
        address.path = '/' + bucket.toUtf8() + (key.isEmpty() ? QByteArray() : keyPath);
    }
    return address;
}

QByteArray encodeKey(const QString &key)
{
    return percentEncode(key.toUtf8(), /*keepSlash=*/true);
}

QByteArray encodeQuery(const QList<QPair<QByteArray, QString>> &parameters)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(parameters.size());
    for (const auto &[name, value] : parameters)
        encoded.append({percentEncode(name, false), percentEncode(value.toUtf8(), false)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray query;
    for (const auto &[name, value] : std::as_const(encoded)) {
        if (!query.isEmpty())
            query.append('&');
        query.append(name).append('=').append(value);
    }
    return query;
}

} // namespace s3
