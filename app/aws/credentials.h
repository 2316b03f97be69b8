#pragma once

#include <QDateTime>
#include <QString>

class QDebug;

namespace aws {

// Access key pair plus optional session token. Printing one (QDebug, redactedSummary) never
// reveals the secret or the token, so a stray log line cannot leak them.
struct Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QDateTime expiration; // invalid when the credentials do not expire

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool hasSessionToken() const { return !sessionToken.isEmpty(); }

    // "AKIA…WXYZ (with session token)" — safe to show to users and to log.
    QString redactedSummary() const;
};

// Keeps the first four and last four characters of an access key id; shorter ids are fully masked.
QString maskAccessKeyId(const QString &accessKeyId);

} // namespace aws

QDebug operator<<(QDebug debug, const aws::Credentials &credentials);
