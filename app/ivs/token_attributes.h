#pragma once

#include <optional>
#include <QMap>
#include <QString>

namespace ivs {

// Attributes travel inside a participant token and every participant of the stage can read
// them, so they are meant for display names and roles, never for secrets. The service takes at
// most 1 KB of them in all; they are counted here as the UTF-8 bytes of keys and values.
constexpr int kMaxTokenAttributeBytes = 1024;

// One "key=value" (the value may be empty and may contain "="). Adds it to `attributes`; on a
// problem returns why and leaves `attributes` as it was.
QString addTokenAttribute(const QString &text, QMap<QString, QString> &attributes);

// "key=value, key=value" as typed in a single field; empty text means none. Returns nullopt and
// sets `error` when an item is not key=value, a key repeats, or the whole is over 1 KB.
std::optional<QMap<QString, QString>> parseTokenAttributes(const QString &text, QString *error);

// Empty when `attributes` fit in the service's 1 KB; otherwise why not.
QString tokenAttributesProblem(const QMap<QString, QString> &attributes);

} // namespace ivs
