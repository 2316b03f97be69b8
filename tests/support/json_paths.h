#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace testsupport {

// Dotted member paths ("a.b.c") into nested JSON objects, for building test variants.
QJsonObject withoutPath(QJsonObject object, const QString &path);
QJsonObject withPath(QJsonObject object, const QString &path, const QJsonValue &value);
QJsonValue valueAtPath(const QJsonObject &object, const QString &path);

} // namespace testsupport
