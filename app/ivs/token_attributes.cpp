#include "ivs/token_attributes.h"

#include <QCoreApplication>
#include <QStringList>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::TokenAttributes)
};

} // namespace

QString addTokenAttribute(const QString &text, QMap<QString, QString> &attributes)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals < 0)
        return Text::tr("\"%1\" is not an attribute: write key=value.").arg(text);
    const QString key = text.left(equals).trimmed();
    if (key.isEmpty())
        return Text::tr("\"%1\" has no key before \"=\": write key=value.").arg(text);
    if (attributes.contains(key))
        return Text::tr("The attribute \"%1\" is given twice.").arg(key);
    attributes.insert(key, text.mid(equals + 1).trimmed());
    return {};
}

std::optional<QMap<QString, QString>> parseTokenAttributes(const QString &text, QString *error)
{
    QMap<QString, QString> attributes;
    const QStringList items = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        // "a=1, , b=2" or a trailing comma is a slip of the keyboard, not a mistake worth refusing.
        if (item.trimmed().isEmpty())
            continue;
        const QString problem = addTokenAttribute(item.trimmed(), attributes);
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            return std::nullopt;
        }
    }
    if (const QString problem = tokenAttributesProblem(attributes); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return attributes;
}

QString tokenAttributesProblem(const QMap<QString, QString> &attributes)
{
    qsizetype bytes = 0;
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        bytes += it.key().toUtf8().size() + it.value().toUtf8().size();
    if (bytes > kMaxTokenAttributeBytes)
        return Text::tr("Token attributes may hold at most %1 bytes in all; these have %2.")
            .arg(kMaxTokenAttributeBytes)
            .arg(bytes);
    return {};
}

} // namespace ivs
