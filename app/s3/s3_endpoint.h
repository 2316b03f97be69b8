#pragma once

#include "aws/ca_bundle.h"
#include "aws/endpoint_config.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace s3 {

// Where S3 requests go: virtual-hosted style https://BUCKET.s3.REGION.amazonaws.com/KEY for AWS
// (path style https://s3.REGION.amazonaws.com/BUCKET/KEY for a bucket whose name holds a dot or
// is no DNS name, as the AWS SDKs do, so that the certificate still matches), path style
// <override>/BUCKET/KEY for a custom endpoint.
struct S3Endpoint {
    QUrl overrideUrl; // empty: AWS
    QString overrideSource;
    std::shared_ptr<const aws::CaBundle> extraCas; // AWS_CA_BUNDLE
};

// Precedence like ivs-realtime's: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the config file's
// services section (`s3 = endpoint_url = …`, in `configured.serviceUrl`), then the profile's
// endpoint_url; all ignored with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true or the profile's
// ignore_configured_endpoint_urls. Reads and checks AWS_CA_BUNDLE. On failure returns nullopt
// and a sentence in `error`.
std::optional<S3Endpoint> resolveS3Endpoint(const QProcessEnvironment &env, QString *error,
                                            const aws::ConfiguredEndpoints &configured = {});

// One request's destination: scheme, host and port, and the path as sent (percent-encoded).
struct S3Address {
    QUrl baseUrl;
    QByteArray path;
};

// Why `bucket` cannot be addressed (empty when it can): names are letters, digits, '.', '-' and
// '_' (the last and capitals only in old buckets), up to 255 characters.
QString bucketNameProblem(const QString &bucket);
// Why `region` cannot be put in a host name ("us-west-2"), or empty.
QString regionProblem(const QString &region);

// The address of `key` in `bucket` (an empty key: the bucket itself). Call only with a bucket and
// region that have no problem.
S3Address s3Address(const S3Endpoint &endpoint, const QString &region, const QString &bucket,
                    const QString &key);

// A key as S3 wants it in a path: every UTF-8 byte but A-Z a-z 0-9 - . _ ~ percent-encoded, '/'
// kept.
QByteArray encodeKey(const QString &key);
// The query string: parameters sorted by name, then value, names and values encoded like keys but
// with '/' encoded too. `{"prefix", "a b/"}` gives "prefix=a%20b%2F".
QByteArray encodeQuery(const QList<QPair<QByteArray, QString>> &parameters);

} // namespace s3
