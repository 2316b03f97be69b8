#include "ivs/service_error.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ivs {

namespace {
// Far longer than any message the service writes.
constexpr qsizetype kMaxServiceMessageChars = 1000;
} // namespace

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::ServiceError)
};

QString stripErrorTypeSuffix(const QString &code)
{
    // x-amzn-ErrorType may read "ValidationException:http://internal.amazon.com/…"; __type in
    // bodies may carry a namespace prefix "com.amazonaws.ivsrealtime#ValidationException".
    QString stripped = code.section(QLatin1Char(':'), 0, 0).trimmed();
    const qsizetype hash = stripped.lastIndexOf(QLatin1Char('#'));
    if (hash >= 0)
        stripped = stripped.mid(hash + 1);
    return stripped;
}

struct Classification {
    ErrorCategory category;
    QString summary;
    QString nextStep;
};

Classification classify(const QString &code, int status)
{
    if (code == QLatin1String("ResourceNotFoundException"))
        return {
            ErrorCategory::NotFound, Text::tr("Stage not found"),
            Text::tr("Check the ARN, that the credentials belong to the stage's account, and that "
                     "the stage has not been deleted.")};
    if (code == QLatin1String("ValidationException"))
        return {ErrorCategory::Validation, Text::tr("The service rejected the request"),
                Text::tr("Check the ARN and the values you entered.")};
    if (code == QLatin1String("AccessDeniedException"))
        return {
            ErrorCategory::AccessDenied, Text::tr("Access denied"),
            Text::tr("Ask your administrator to allow this action (for example ivs:GetStage) on "
                     "the stage for these credentials.")};
    if (code == QLatin1String("PendingVerification"))
        return {ErrorCategory::AccessDenied, Text::tr("The AWS account is pending verification"),
                Text::tr("Wait until AWS has verified the account, or contact AWS Support.")};
    if (code == QLatin1String("InvalidSignatureException") ||
        code == QLatin1String("SignatureDoesNotMatch") ||
        code == QLatin1String("IncompleteSignatureException"))
        return {
            ErrorCategory::Authentication, Text::tr("The request signature was rejected"),
            Text::tr("Check the secret access key, and that this computer's clock is correct (a "
                     "difference of more than 5 minutes is refused).")};
    if (code == QLatin1String("UnrecognizedClientException") ||
        code == QLatin1String("InvalidClientTokenId"))
        return {
            ErrorCategory::Authentication, Text::tr("The access key is not recognised"),
            Text::tr("Check the access key ID and session token; the key may have been deleted or "
                     "deactivated.")};
    if (code == QLatin1String("ExpiredTokenException") || code == QLatin1String("ExpiredToken"))
        return {
            ErrorCategory::Authentication, Text::tr("The session token has expired"),
            Text::tr("Refresh your temporary credentials (for example with aws sso login) and try "
                     "again.")};
    if (code == QLatin1String("MissingAuthenticationTokenException"))
        return {ErrorCategory::Authentication, Text::tr("The request was not signed"),
                Text::tr("Configure AWS credentials and try again.")};
    if (code == QLatin1String("ConflictException"))
        return {
            ErrorCategory::Conflict, Text::tr("The stage is busy"),
            Text::tr("The change conflicts with the stage's current state (for example an active "
                     "recording). Try again when it has ended.")};
    if (code == QLatin1String("ServiceQuotaExceededException"))
        return {ErrorCategory::QuotaExceeded, Text::tr("A service quota is exceeded"),
                Text::tr("Delete unused resources or request a quota increase in Service Quotas.")};
    if (status == 429 || code.contains(QLatin1String("Throttl")) ||
        code == QLatin1String("TooManyRequestsException"))
        return {ErrorCategory::Throttling, Text::tr("Too many requests"),
                Text::tr("Wait a few seconds and try again.")};
    if (status >= 500)
        return {
            ErrorCategory::ServiceFailure, Text::tr("The service failed to answer"),
            Text::tr("This is usually temporary: try again in a moment. If it persists, check the "
                     "AWS Health Dashboard for the region.")};
    if (status == 403)
        return {ErrorCategory::AccessDenied, Text::tr("Access denied"),
                Text::tr("Check the credentials and their IAM permissions.")};
    if (status == 404 && code.isEmpty())
        return {ErrorCategory::NotFound, Text::tr("Not found"),
                Text::tr("Check the endpoint URL: it does not look like an Amazon IVS Real-Time "
                         "endpoint.")};
    return {ErrorCategory::OtherService, Text::tr("The service returned an error"),
            Text::tr("Check the request and try again.")};
}

} // namespace

QString ServiceError::userMessage() const
{
    QString text = summary;
    if (!code.isEmpty() && httpStatus > 0)
        text += QStringLiteral(" (%1, HTTP %2)").arg(code).arg(httpStatus);
    else if (!code.isEmpty())
        text += QStringLiteral(" (%1)").arg(code);
    else if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!serviceMessage.isEmpty())
        text += QStringLiteral(": ") + serviceMessage;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    if (attempts > 1)
        text += QLatin1Char(' ') + Text::tr("(Gave up after %1 attempts.)").arg(attempts);
    if (!nextStep.isEmpty())
        text += QLatin1Char(' ') + nextStep;
    if (!requestId.isEmpty())
        text += QLatin1Char(' ') + Text::tr("Request ID: %1.").arg(requestId);
    return text;
}

QString ServiceError::oneLine() const
{
    return userMessage().simplified();
}

QString unexpectedBodyHint(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body.left(4096));
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = title.match(text);
    QString hint = match.hasMatch() ? match.captured(1) : text;
    hint.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    hint = hint.simplified();
    if (hint.size() > 120) {
        qsizetype cut = 117;
        if (hint.at(cut - 1).isHighSurrogate()) // never split a character in two
            --cut;
        hint = hint.left(cut) + QStringLiteral("…");
    }
    return hint;
}

ServiceError unexpectedResponse(int httpStatus, const QByteArray &contentType,
                                const QString &problem)
{
    ServiceError error;
    error.category = ErrorCategory::MalformedResponse;
    error.httpStatus = httpStatus;
    error.summary =
        contentType.isEmpty()
            ? Text::tr("Unexpected response")
            : Text::tr("Unexpected response (%1)").arg(QString::fromLatin1(contentType));
    error.serviceMessage = problem;
    error.nextStep =
        Text::tr("This does not look like an Amazon IVS answer. Check the endpoint URL, "
                 "and any proxy between you and AWS.");
    return error;
}

ServiceError serviceErrorFromResponse(int httpStatus, const QByteArray &errorTypeHeader,
                                      const QByteArray &body, const QByteArray &requestId,
                                      const QByteArray &contentType)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (errorTypeHeader.isEmpty() && !body.trimmed().isEmpty() &&
        (parseError.error != QJsonParseError::NoError || !document.isObject())) {
        ServiceError error = unexpectedResponse(httpStatus, contentType, unexpectedBodyHint(body));
        if (httpStatus >= 500) // still worth retrying: a gateway in front of AWS hiccupped
            error.category = ErrorCategory::ServiceFailure;
        error.requestId = QString::fromLatin1(requestId);
        return error;
    }
    const QJsonObject json = document.object();
    QString code = QString::fromUtf8(errorTypeHeader);
    if (code.isEmpty())
        code = json.value(QStringLiteral("__type")).toString();
    if (code.isEmpty())
        code = json.value(QStringLiteral("code")).toString();
    code = stripErrorTypeSuffix(code);

    QString message = json.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = json.value(QStringLiteral("Message")).toString();

    const Classification classification = classify(code, httpStatus);
    ServiceError error;
    error.category = classification.category;
    // A service's message is a sentence or two, its code a word; anything huge is cut rather
    // than shown whole.
    error.code = code.left(kMaxServiceMessageChars);
    error.serviceMessage = message.simplified();
    if (error.serviceMessage.size() > kMaxServiceMessageChars)
        error.serviceMessage =
            error.serviceMessage.left(kMaxServiceMessageChars) + QStringLiteral(" […]");
    error.httpStatus = httpStatus;
    error.requestId = QString::fromLatin1(requestId.left(kMaxServiceMessageChars));
    error.summary = classification.summary;
    error.nextStep = classification.nextStep;
    return error;
}

ServiceError localError(ErrorCategory category, const QString &summary, const QString &detail,
                        const QString &nextStep)
{
    ServiceError error;
    error.category = category;
    error.summary = summary;
    error.serviceMessage = detail;
    error.nextStep = nextStep;
    return error;
}

} // namespace ivs
