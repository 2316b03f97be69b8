#include "ivs/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>

namespace ivs {

int RetryPolicy::delayBeforeAttempt(int nextAttempt, double random01) const
{
    const double ceiling =
        std::min<double>(maxDelayMs, baseDelayMs * std::pow(2.0, std::max(0, nextAttempt - 2)));
    return static_cast<int>(std::clamp(random01, 0.0, 1.0) * ceiling);
}

bool isRetryable(const ServiceError &error)
{
    switch (error.category) {
    case ErrorCategory::Throttling:
        return true;
    case ErrorCategory::ServiceFailure:
        return error.httpStatus == 500 || error.httpStatus == 502 || error.httpStatus == 503 ||
               error.httpStatus == 504;
    case ErrorCategory::Network:
        return error.transient;
    default:
        return false;
    }
}

QString retryNotice(const ServiceError &error, int delayMs, int nextAttempt, int maxAttempts)
{
    QString what = error.summary;
    if (!error.code.isEmpty() && error.httpStatus > 0)
        what += QStringLiteral(" (%1, HTTP %2)").arg(error.code).arg(error.httpStatus);
    else if (error.httpStatus > 0)
        what += QStringLiteral(" (HTTP %1)").arg(error.httpStatus);
    return QCoreApplication::translate("ivs::RetryPolicy",
                                       "%1: retrying in %2 s (attempt %3 of %4).")
        .arg(what, QString::number(delayMs / 1000.0, 'f', 1))
        .arg(nextAttempt)
        .arg(maxAttempts);
}

} // namespace ivs
