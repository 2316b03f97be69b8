#include "ivs/clock_skew.h"

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
    const QString direction = offsetSeconds > 0
                                  ? QCoreApplication::translate("ivs::ClockSkew", "behind")
                                  : QCoreApplication::translate("ivs::ClockSkew", "ahead of");
    return QCoreApplication::translate("ivs::ClockSkew",
                                       "This computer's clock is %1 seconds %2 the service's "
                                       "time; requests are now signed with the corrected time. "
                                       "Set the clock right (turn on automatic time).")
        .arg(std::abs(offsetSeconds))
        .arg(direction);
}

} // namespace ivs
