#include "aws/environment_credential_provider.h"

#include <QCoreApplication>
#include <QObject>

namespace aws {

namespace {
const QString kAccessKeyVar = QStringLiteral("AWS_ACCESS_KEY_ID");
const QString kSecretKeyVar = QStringLiteral("AWS_SECRET_ACCESS_KEY");
const QString kSessionTokenVar = QStringLiteral("AWS_SESSION_TOKEN");
} // namespace

EnvironmentCredentialProvider::EnvironmentCredentialProvider(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

bool EnvironmentCredentialProvider::isConfigured(const QProcessEnvironment &environment)
{
    return !environment.value(kAccessKeyVar).isEmpty() ||
           !environment.value(kSecretKeyVar).isEmpty();
}

CredentialResult EnvironmentCredentialProvider::read() const
{
    Credentials credentials;
    credentials.accessKeyId = m_environment.value(kAccessKeyVar).trimmed();
    credentials.secretAccessKey = m_environment.value(kSecretKeyVar).trimmed();
    credentials.sessionToken = m_environment.value(kSessionTokenVar).trimmed();
    if (credentials.accessKeyId.isEmpty() && credentials.secretAccessKey.isEmpty())
        return CredentialError{QCoreApplication::translate(
            "aws::EnvironmentCredentialProvider",
            "No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
            "AWS_SESSION_TOKEN for temporary credentials), or use the demo endpoint with --demo.")};
    if (credentials.accessKeyId.isEmpty())
        return CredentialError{QCoreApplication::translate(
            "aws::EnvironmentCredentialProvider",
            "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is empty: set both.")};
    if (credentials.secretAccessKey.isEmpty())
        return CredentialError{QCoreApplication::translate(
            "aws::EnvironmentCredentialProvider",
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is empty: set both.")};
    return credentials;
}

void EnvironmentCredentialProvider::fetchCredentials(
    QObject *context, std::function<void(const CredentialResult &)> done)
{
    // Queued so that callers see the same asynchronous behaviour as from slower providers.
    QMetaObject::invokeMethod(
        context, [result = read(), done = std::move(done)] { done(result); }, Qt::QueuedConnection);
}

QString EnvironmentCredentialProvider::sourceDescription() const
{
    return QCoreApplication::translate("aws::EnvironmentCredentialProvider",
                                       "environment variables");
}

StaticCredentialProvider::StaticCredentialProvider(Credentials credentials, QString description)
    : m_credentials(std::move(credentials))
    , m_description(std::move(description))
{
}

void StaticCredentialProvider::fetchCredentials(QObject *context,
                                                std::function<void(const CredentialResult &)> done)
{
    QMetaObject::invokeMethod(
        context,
        [result = CredentialResult(m_credentials), done = std::move(done)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace aws
