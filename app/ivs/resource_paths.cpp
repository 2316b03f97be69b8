#include "ivs/resource_paths.h"

namespace ivs {

QByteArray tagsPath(const QString &resourceArn)
{
    return "/tags/" + resourceArn.toUtf8().toPercentEncoding();
}

QByteArray tagKeysQuery(const QStringList &keys)
{
    QByteArray query;
    for (const QString &key : keys) {
        if (!query.isEmpty())
            query.append('&');
        query.append("tagKeys=" + key.toUtf8().toPercentEncoding());
    }
    return query;
}

} // namespace ivs
