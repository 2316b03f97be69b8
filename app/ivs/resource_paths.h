#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ivs {

// "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2FabcdABCDefgh": the ARN is one path
// segment, so every character outside RFC 3986's unreserved set is percent-encoded.
QByteArray tagsPath(const QString &resourceArn);

// "tagKeys=a&tagKeys=b%20c%3Dd": each key percent-encoded as UTF-8, in the given order.
QByteArray tagKeysQuery(const QStringList &keys);

} // namespace ivs
