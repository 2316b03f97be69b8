#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QString>

namespace ivs {

// The AWS SDKs' "standard" retry mode: a few attempts, exponential backoff with full jitter,
// only for answers that may well succeed a moment later.
struct RetryPolicy {
    int maxAttempts = 3;
    int baseDelayMs = 1000;
    int maxDelayMs = 20000;

    // Delay before attempt `nextAttempt` (2, 3, …); `random01` is uniform in [0, 1).
    int delayBeforeAttempt(int nextAttempt, double random01) const;
};

// Throttling, 500/502/503/504 and dropped connections are worth another attempt; other client
// errors (4xx) and local problems are not.
bool isRetryable(const ServiceError &error);

// "Throttled (ThrottlingException, HTTP 429): retrying in 0.4 s (attempt 2 of 3)."
QString retryNotice(const ServiceError &error, int delayMs, int nextAttempt, int maxAttempts);

} // namespace ivs
