#include "support/json_paths.h"

#include <QStringList>

namespace testsupport {

namespace {

QJsonObject edit(QJsonObject object, QStringList keys, const QJsonValue &value, bool remove)
{
    const QString key = keys.takeFirst();
    if (keys.isEmpty()) {
        if (remove)
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    object.insert(key, edit(object.value(key).toObject(), keys, value, remove));
    return object;
}

} // namespace

QJsonObject withoutPath(QJsonObject object, const QString &path)
{
    return edit(std::move(object), path.split(QLatin1Char('.')), {}, true);
}

QJsonObject withPath(QJsonObject object, const QString &path, const QJsonValue &value)
{
    return edit(std::move(object), path.split(QLatin1Char('.')), value, false);
}

QJsonValue valueAtPath(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &key : path.split(QLatin1Char('.')))
        current = current.toObject().value(key);
    return current;
}

} // namespace testsupport
