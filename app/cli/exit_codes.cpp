#include "cli/exit_codes.h"

namespace cli {

ExitCode exitCodeFor(ivs::ErrorCategory category)
{
    using ivs::ErrorCategory;
    switch (category) {
    case ErrorCategory::Configuration:
        return UsageError;
    case ErrorCategory::Credentials:
    case ErrorCategory::Authentication:
    case ErrorCategory::AccessDenied:
        return AuthError;
    case ErrorCategory::NotFound:
        return NotFound;
    case ErrorCategory::Validation:
    case ErrorCategory::Conflict:
    case ErrorCategory::Throttling:
    case ErrorCategory::QuotaExceeded:
    case ErrorCategory::ServiceFailure:
    case ErrorCategory::OtherService:
    case ErrorCategory::MalformedResponse:
        return ServiceError;
    case ErrorCategory::Network:
    case ErrorCategory::Tls:
    case ErrorCategory::Timeout:
        return NetworkError;
    }
    return InternalError;
}

} // namespace cli
