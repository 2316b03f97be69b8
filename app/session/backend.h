#pragma once

#include "aws/credential_provider.h"

#include <memory>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;

namespace demo {
class DemoEndpoint;
}
namespace ivs {
class IvsClient;
}

namespace session {

struct BackendOptions {
    bool forceDemo = false;
    // The window falls back to the demo when nothing is configured; the command line does not.
    bool demoWhenUnconfigured = false;
    QString endpointUrl; // --endpoint-url
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// Everything a lookup needs: network, credentials and where requests go — either AWS (or an
// endpoint override) with the user's credentials, or the built-in demo endpoint.
class Backend {
public:
    // Demo mode when asked for, or (if allowed) when neither credentials nor an endpoint are
    // configured.
    // Returns null and sets `error` when the configuration is unusable.
    static std::unique_ptr<Backend> create(const BackendOptions &options, QString *error);
    ~Backend();

    ivs::IvsClient &client() const { return *m_client; }
    bool isDemo() const { return m_demo != nullptr; }
    demo::DemoEndpoint *demoEndpoint() const { return m_demo.get(); }
    // "demo endpoint http://127.0.0.1:40123" or "AWS, credentials from environment variables"
    QString description() const;
    // ARNs worth offering in the input (the demo's sample stages).
    QStringList suggestedArns() const;
    // Why demo mode was chosen without being asked for; empty otherwise.
    const QString &demoReason() const { return m_demoReason; }

private:
    Backend();
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<demo::DemoEndpoint> m_demo;
    std::unique_ptr<aws::CredentialProvider> m_credentials;
    std::unique_ptr<ivs::IvsClient> m_client;
    QString m_demoReason;
};

} // namespace session
