#pragma once

#include "aws/credential_provider.h"

#include <QProcessEnvironment>

namespace aws {

// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, read at each fetch so that a
// changed environment (tests, a re-exported shell) is honoured.
class EnvironmentCredentialProvider final : public CredentialProvider {
public:
    explicit EnvironmentCredentialProvider(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    static bool isConfigured(const QProcessEnvironment &environment);

    void fetchCredentials(QObject *context,
                          std::function<void(const CredentialResult &)> done) override;
    QString sourceDescription() const override;

    CredentialResult read() const;

private:
    QProcessEnvironment m_environment;
};

// Fixed credentials, for the built-in demo endpoint and for tests.
class StaticCredentialProvider final : public CredentialProvider {
public:
    StaticCredentialProvider(Credentials credentials, QString description);
    void fetchCredentials(QObject *context,
                          std::function<void(const CredentialResult &)> done) override;
    QString sourceDescription() const override { return m_description; }

private:
    Credentials m_credentials;
    QString m_description;
};

} // namespace aws
