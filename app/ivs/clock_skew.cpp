#include "ivs/clock_skew.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace ivs {

namespace {
const QString kHttpDateFormat = QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'");
}

bool isClockSkewError(const ServiceError &error)
{
    if (error.code == QLatin1String("RequestTimeTooSkewed") ||
        error.code == QLatin1String("RequestExpired"))
        return true;
    return error.code == QLatin1String("InvalidSignatureException") &&
           (error.serviceMessage.contains(QLatin1String("Signature expired")) ||
            error.serviceMessage.contains(QLatin1String("Signature not yet current")));
}

std::optional<qint64> serverClockOffset(const QByteArray &dateHeader, const QDateTime &localNow)
{
    QDateTime server =
        QLocale::c().toDateTime(QString::fromLatin1(dateHeader).trimmed(), kHttpDateFormat);
    if (!server.isValid())
        return std::nullopt;
    server.setTimeZone(QTimeZone::utc());
    return localNow.secsTo(server);
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), kHttpDateFormat).toLatin1();
}

QString clockSkewNotice(qint64 offsetSeconds)
{
    // Whole sentences for each direction: word order differs between languages.
    // translate() counts in int; clamped, since a server's Date header can be decades off.
    const int seconds =
        int(std::min<qint64>(std::abs(offsetSeconds), std::numeric_limits<int>::max()));
    if (offsetSeconds > 0)
        return QCoreApplication::translate(
            "ivs::ClockSkew",
            "This computer's clock is %n seconds behind the service's time; requests are now "
            "signed with the corrected time. Set the clock right (turn on automatic time).",
            nullptr, seconds);
    return QCoreApplication::translate(
        "ivs::ClockSkew",
        "This computer's clock is %n seconds ahead of the service's time; requests are now "
        "signed with the corrected time. Set the clock right (turn on automatic time).",
        nullptr, seconds);
}

} // namespace ivs
