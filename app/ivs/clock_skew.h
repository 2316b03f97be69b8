#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QByteArray>
#include <QDateTime>

namespace ivs {

// True when the service refused the request because its time was too far from the server's.
bool isClockSkewError(const ServiceError &error);

// Seconds to add to this computer's clock to match the server, from the answer's Date header
// ("Wed, 25 Nov 2026 14:00:00 GMT"); nullopt when the header is missing or unreadable.
std::optional<qint64> serverClockOffset(const QByteArray &dateHeader, const QDateTime &localNow);

// The server's Date header value for `time`.
QByteArray httpDate(const QDateTime &time);

QString clockSkewNotice(qint64 offsetSeconds);

} // namespace ivs
