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

// Whether text the user gave as a name (a profile name) looks like a credential pasted into the
// wrong place: an access key id (AKIA…, ASIA…), or a long run of the characters secret keys and
// session tokens are made of, mixing upper case, lower case and digits or holding "/" or "+".
// Names made of words (prod-eu, team_admin.2) do not.
bool looksLikeSecret(const QString &name);

// `name` as it may be echoed in a message: as it is, or, when it looks like a secret, its first
// four characters and its length only ("wJal… (40 characters)").
QString shownName(const QString &name);

} // namespace aws

QDebug operator<<(QDebug debug, const aws::Credentials &credentials);
