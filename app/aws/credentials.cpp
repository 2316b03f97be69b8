#include "aws/credentials.h"

#include <QCoreApplication>
#include <QDebug>

namespace aws {

QString maskAccessKeyId(const QString &accessKeyId)
{
    constexpr qsizetype visible = 4;
    if (accessKeyId.size() <= 2 * visible)
        return QString(accessKeyId.size(), QLatin1Char('*'));
    return accessKeyId.left(visible) + QStringLiteral("…") + accessKeyId.right(visible);
}

QString Credentials::redactedSummary() const
{
    QString summary = maskAccessKeyId(accessKeyId);
    if (hasSessionToken())
        summary += QCoreApplication::translate("aws::Credentials", " (with session token)");
    return summary;
}

} // namespace aws

QDebug operator<<(QDebug debug, const aws::Credentials &credentials)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Credentials(" << credentials.redactedSummary() << ", secret=<redacted>)";
    return debug;
}
