#pragma once

#include "ivs/service_error.h"

namespace cli {

// Distinct codes so that scripts can tell a typo from an outage.
enum ExitCode : int {
    Success = 0,
    InternalError = 1,
    UsageError = 2,   // bad options, bad ARN, unusable endpoint or CA bundle
    AuthError = 3,    // no credentials, rejected signature, expired token, access denied
    NotFound = 4,     // the stage does not exist (in that region, for that account)
    ServiceError = 5, // any other error the service returned, or an unreadable answer
    NetworkError = 6, // connection, DNS, TLS, timeout
};

ExitCode exitCodeFor(ivs::ErrorCategory category);

} // namespace cli
