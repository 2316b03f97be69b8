#include "support/command_runs.h"

namespace testsupport {

QProcessEnvironment environmentWith(const QString &accessKeyId, const QString &secret)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), accessKeyId);
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    return environment;
}

} // namespace testsupport
