#include "aws/credentials.h"

#include <QCoreApplication>
#include <QDebug>
#include <QRegularExpression>

namespace aws {

QString maskAccessKeyId(const QString &accessKeyId)
{
    constexpr qsizetype visible = 4;
    if (accessKeyId.size() <= 2 * visible)
        return QString(accessKeyId.size(), QLatin1Char('*'));
    return accessKeyId.left(visible) + QStringLiteral("…") + accessKeyId.right(visible);
}

bool looksLikeSecret(const QString &name)
{
    static const QRegularExpression accessKeyId(
        QRegularExpression::anchoredPattern(QStringLiteral("A(KIA|SIA|IDA|ROA|GPA|NPA|NVA|"
                                                           "PKA|3T[A-Z0-9])[A-Z0-9]{12,}")));
    if (accessKeyId.match(name).hasMatch())
        return true;
    // Secret access keys are 40 characters, session tokens hundreds.
    if (name.size() < 20)
        return false;
    bool upper = false;
    bool lower = false;
    bool digit = false;
    bool keySymbol = false;
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
            c == QLatin1Char('.') || c.unicode() > 0x7f)
            return false; // a word separator, or a letter no key is made of
        upper = upper || c.isUpper();
        lower = lower || c.isLower();
        digit = digit || c.isDigit();
        keySymbol = keySymbol || c == QLatin1Char('/') || c == QLatin1Char('+');
    }
    return keySymbol || (upper && lower && digit);
}

QString shownName(const QString &name)
{
    if (!looksLikeSecret(name))
        return name;
    return QCoreApplication::translate("aws::Credentials", "%1… (%2 characters)")
        .arg(name.left(4), QString::number(name.size()));
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
