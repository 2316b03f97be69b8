#include "s3/s3_errors.h"

#include "s3/s3_xml.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace s3 {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(s3::ServiceError)
};

using ivs::ErrorCategory;

// Far longer than any message S3 writes.
constexpr qsizetype kMaxMessageChars = 1000;

const XmlBounds kErrorBounds{1024 * 1024, 8, 1000, 16 * 1024};

struct Classification {
    ErrorCategory category;
    QString summary;
    QString nextStep;
    bool transient = false;
};

bool isListing(const QString &hint)
{
    return hint != QLatin1String("read");
}

Classification accessDenied(const QString &hint)
{
    return {ErrorCategory::AccessDenied, Text::tr("Access denied"),
            isListing(hint)
                ? Text::tr("Ask your administrator to allow the IAM action s3:ListBucket on the "
                           "bucket for these credentials.")
                : Text::tr("Ask your administrator to allow the IAM action s3:GetObject on the "
                           "object (for example arn:aws:s3:::BUCKET/*) for these credentials; "
                           "an object encrypted with a KMS key also needs kms:Decrypt.")};
}

Classification wrongRegion(const QString &region)
{
    if (region.isEmpty())
        return {ErrorCategory::Configuration, Text::tr("The bucket is in another region"),
                Text::tr("Find the bucket's region (in the S3 console) and use that region.")};
    return {ErrorCategory::Configuration, Text::tr("The bucket is in region %1").arg(region),
            Text::tr("Use region %1 for this bucket.").arg(region)};
}

Classification classify(const QString &code, int status, const QString &hint, const QString &region)
{
    if (code == QLatin1String("AccessDenied") || code == QLatin1String("AllAccessDisabled") ||
        (code.isEmpty() && status == 403))
        return accessDenied(hint);
    if (code == QLatin1String("NoSuchBucket") ||
        (code.isEmpty() && status == 404 && isListing(hint)))
        return {ErrorCategory::NotFound, Text::tr("Bucket not found"),
                Text::tr("Check the bucket name, and that the bucket has not been deleted.")};
    if (code == QLatin1String("NoSuchKey") || (code.isEmpty() && status == 404))
        return {ErrorCategory::NotFound, Text::tr("Object not found"),
                Text::tr("Check the key; the object may have been deleted or renamed since it "
                         "was listed.")};
    if (code == QLatin1String("SignatureDoesNotMatch"))
        return {ErrorCategory::Authentication, Text::tr("The request signature was rejected"),
                Text::tr("Check the secret access key, and that this computer's clock is correct "
                         "(a difference of more than 15 minutes is refused).")};
    if (code == QLatin1String("InvalidAccessKeyId"))
        return {ErrorCategory::Authentication, Text::tr("The access key is not recognised"),
                Text::tr("Check the access key ID; the key may have been deleted or "
                         "deactivated.")};
    if (code == QLatin1String("ExpiredToken") || code == QLatin1String("TokenRefreshRequired"))
        return {ErrorCategory::Authentication, Text::tr("The session token has expired"),
                Text::tr("Refresh your temporary credentials (for example with aws sso login) "
                         "and try again.")};
    if (code == QLatin1String("InvalidToken"))
        return {ErrorCategory::Authentication, Text::tr("The session token is not valid"),
                Text::tr("Check the session token, or get new temporary credentials.")};
    if (code == QLatin1String("RequestTimeTooSkewed"))
        return {ErrorCategory::Authentication, Text::tr("This computer's clock is off"),
                Text::tr("Set the clock right (turn on automatic time) and try again.")};
    if (code == QLatin1String("PermanentRedirect") || code == QLatin1String("Redirect") ||
        code == QLatin1String("TemporaryRedirect") ||
        code == QLatin1String("IllegalLocationConstraintException") ||
        (code == QLatin1String("AuthorizationHeaderMalformed") && !region.isEmpty()) ||
        (status >= 300 && status < 400))
        return wrongRegion(region);
    if (code == QLatin1String("SlowDown") || (code.isEmpty() && status == 503))
        return {ErrorCategory::Throttling, Text::tr("S3 asks to slow down"),
                Text::tr("Too many requests for this bucket: wait a moment and try again."), true};
    if (code == QLatin1String("RequestTimeout"))
        return {ErrorCategory::Network, Text::tr("S3 closed a request that was too slow"),
                Text::tr("Try again; if it persists, check your network connection."), true};
    if (code == QLatin1String("InternalError") || status >= 500)
        return {ErrorCategory::ServiceFailure, Text::tr("S3 failed to answer"),
                Text::tr("This is usually temporary: try again in a moment.")};
    if (code == QLatin1String("InvalidBucketName"))
        return {ErrorCategory::Validation, Text::tr("The bucket name is not valid"),
                Text::tr("Check the bucket name.")};
    if (code == QLatin1String("InvalidRange"))
        return {ErrorCategory::Validation, Text::tr("The requested range is not in the object"),
                Text::tr("The object is smaller than expected: list it again.")};
    if (code == QLatin1String("InvalidObjectState"))
        return {ErrorCategory::OtherService, Text::tr("The object is archived"),
                Text::tr("Restore it from its archive storage class first, then try again.")};
    if (status == 403)
        return accessDenied(hint);
    return {ErrorCategory::OtherService, Text::tr("S3 returned an error"),
            Text::tr("Check the bucket, the key and the region, and try again.")};
}

QString notS3NextStep()
{
    return Text::tr("This does not look like an Amazon S3 answer. Check the endpoint URL, and any "
                    "proxy between you and AWS.");
}

QString bounded(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified.size() <= kMaxMessageChars)
        return simplified;
    return simplified.left(kMaxMessageChars) + QStringLiteral(" […]");
}

} // namespace

std::optional<S3ErrorBody> parseS3ErrorBody(const QByteArray &xml, QString *problem)
{
    S3ErrorBody body;
    QString why;
    const bool walked = walkXml(
        xml, kErrorBounds,
        [&](const XmlElement &element) {
            if (element.path.size() == 1 && element.path.first() != QLatin1String("Error")) {
                why = Text::tr("the answer is <%1>, not an S3 error (<Error>)")
                          .arg(element.path.first().left(64));
                return false;
            }
            if (!element.end || element.path.size() != 2)
                return true;
            const QString &name = element.path.at(1);
            if (name == QLatin1String("Code"))
                body.code = element.text.trimmed();
            else if (name == QLatin1String("Message"))
                body.message = element.text;
            else if (name == QLatin1String("RequestId"))
                body.requestId = element.text.trimmed();
            else if (name == QLatin1String("Region"))
                body.region = element.text.trimmed();
            else if (name == QLatin1String("Endpoint"))
                body.endpoint = element.text.trimmed();
            else if (name == QLatin1String("BucketName") || name == QLatin1String("Bucket"))
                body.bucket = element.text.trimmed();
            return true;
        },
        &why);
    if (!walked) {
        if (problem)
            *problem = why;
        return std::nullopt;
    }
    return body;
}

QString redirectRegion(const QByteArray &bucketRegionHeader, const S3ErrorBody &body)
{
    static const QRegularExpression regionName(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    static const QRegularExpression inEndpoint(
        QStringLiteral("(?:^|\\.)s3[.-]([a-z0-9]+(?:-[a-z0-9]+)+)\\.amazonaws\\.com"));
    // Only what looks like a region is named: the text goes into messages.
    const auto checked = [](const QString &region) {
        return region.size() <= 32 && regionName.match(region).hasMatch() ? region : QString();
    };
    if (const QString header = checked(QString::fromLatin1(bucketRegionHeader).trimmed());
        !header.isEmpty())
        return header;
    if (const QString region = checked(body.region); !region.isEmpty())
        return region;
    return checked(inEndpoint.match(body.endpoint).captured(1));
}

ivs::ServiceError unexpectedS3Response(int httpStatus, const QByteArray &contentType,
                                       const QString &problem)
{
    ivs::ServiceError error = ivs::unexpectedResponse(httpStatus, contentType, problem);
    error.nextStep = notS3NextStep();
    return error;
}

ivs::ServiceError serviceErrorFromS3Response(int httpStatus, const QByteArray &body,
                                             const QByteArray &requestId,
                                             const QString &operationHint,
                                             const QByteArray &bucketRegionHeader)
{
    S3ErrorBody parsed;
    if (!body.trimmed().isEmpty()) {
        QString problem;
        const std::optional<S3ErrorBody> xml = parseS3ErrorBody(body, &problem);
        if (!xml) {
            ivs::ServiceError error =
                unexpectedS3Response(httpStatus, {}, ivs::unexpectedBodyHint(body));
            if (httpStatus >= 500) // still worth retrying: a gateway in front of S3 hiccupped
                error.category = ErrorCategory::ServiceFailure;
            error.requestId = QString::fromLatin1(requestId.left(kMaxMessageChars));
            return error;
        }
        parsed = *xml;
    }
    const QString region = redirectRegion(bucketRegionHeader, parsed);
    const Classification classification = classify(parsed.code, httpStatus, operationHint, region);
    ivs::ServiceError error;
    error.category = classification.category;
    error.code = parsed.code.left(kMaxMessageChars);
    error.serviceMessage = bounded(parsed.message);
    error.httpStatus = httpStatus;
    error.requestId = QString::fromLatin1(requestId.left(kMaxMessageChars));
    if (error.requestId.isEmpty())
        error.requestId = parsed.requestId.left(kMaxMessageChars);
    error.summary = classification.summary;
    error.nextStep = classification.nextStep;
    error.transient = classification.transient;
    return error;
}

} // namespace s3
