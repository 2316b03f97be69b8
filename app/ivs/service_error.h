#pragma once

#include <QString>

namespace ivs {

enum class ErrorCategory {
    Configuration,     // bad endpoint URL, unreadable CA bundle, … (before any request)
    Credentials,       // none configured, incomplete
    Authentication,    // signature rejected, unknown key, expired token
    AccessDenied,      // authenticated, but IAM says no
    NotFound,          // ResourceNotFoundException
    Validation,        // ValidationException
    Conflict,          // ConflictException
    Throttling,        // 429 and friends
    QuotaExceeded,     // ServiceQuotaExceededException
    ServiceFailure,    // 5xx
    OtherService,      // any other error the service named
    MalformedResponse, // the answer could not be understood
    Network,           // connection refused, DNS, reset, …
    Tls,               // certificate or handshake problem
    Timeout,
};

// An error as the user should see it: what happened, the service's own words, and what to do.
struct ServiceError {
    ErrorCategory category = ErrorCategory::OtherService;
    QString code;           // e.g. "ResourceNotFoundException"; empty for local errors
    QString serviceMessage; // the body's "message", or the transport's description
    int httpStatus = 0;
    QString requestId;      // x-amzn-RequestId, for support cases
    QString summary;        // short, e.g. "Stage not found"
    QString nextStep;       // a sentence telling the user what to try
    bool transient = false; // a dropped connection: another attempt may well succeed
    int attempts = 1;       // how many attempts were made before giving up

    // "Stage not found (ResourceNotFoundException): <message>. Check the ARN …"
    QString userMessage() const;
    // Everything on one line, for the command line and logs.
    QString oneLine() const;
};

// Builds the error for an HTTP response that is not 2xx. `errorTypeHeader` is x-amzn-ErrorType
// (its ":suffix" is ignored); the error code falls back to the body's __type / code.
// An answer that is not AWS-shaped (an HTML page from a proxy, say) is described as an
// unexpected response, with its status and content type.
ServiceError serviceErrorFromResponse(int httpStatus, const QByteArray &errorTypeHeader,
                                      const QByteArray &body, const QByteArray &requestId,
                                      const QByteArray &contentType = {});

// A short, single-line hint of what an answer that is not the service's is: an HTML page's
// title, or its start.
QString unexpectedBodyHint(const QByteArray &body);

// A 2xx answer whose body could not be understood.
ServiceError unexpectedResponse(int httpStatus, const QByteArray &contentType,
                                const QString &problem);

ServiceError localError(ErrorCategory category, const QString &summary, const QString &detail,
                        const QString &nextStep);

} // namespace ivs
