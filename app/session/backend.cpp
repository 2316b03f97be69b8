#include "session/backend.h"

#include "aws/endpoint_config.h"
#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "ivs/ivs_client.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace session {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("session::Backend", text);
}

bool endpointConfigured(const BackendOptions &options)
{
    return !options.endpointUrl.trimmed().isEmpty() ||
           !options.environment.value(QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME")).isEmpty() ||
           !options.environment.value(QStringLiteral("AWS_ENDPOINT_URL")).isEmpty();
}

} // namespace

Backend::Backend() = default;
Backend::~Backend()
{
    // The client refers to the network manager and the credentials: it goes first.
    m_client.reset();
}

std::unique_ptr<Backend> Backend::create(const BackendOptions &options, QString *error)
{
    std::unique_ptr<Backend> backend(new Backend);
    backend->m_network = std::make_unique<QNetworkAccessManager>();

    bool demoMode = options.forceDemo;
    if (!demoMode && options.demoWhenUnconfigured && !endpointConfigured(options) &&
        !aws::EnvironmentCredentialProvider::isConfigured(options.environment)) {
        demoMode = true;
        backend->m_demoReason = tr("No AWS credentials are configured, so the built-in demo "
                                   "endpoint is used. Set AWS_ACCESS_KEY_ID and "
                                   "AWS_SECRET_ACCESS_KEY to inspect your own stages.");
    }

    aws::EndpointConfig endpoint;
    if (demoMode) {
        backend->m_demo = std::make_unique<demo::DemoEndpoint>();
        if (!backend->m_demo->start(error))
            return nullptr;
        endpoint.overrideUrl = backend->m_demo->url();
        endpoint.overrideSource = tr("demo");
        backend->m_credentials = std::make_unique<aws::StaticCredentialProvider>(
            demo::DemoEndpoint::credentials(), tr("demo credentials"));
    } else {
        const auto resolved =
            aws::resolveEndpointConfig(options.endpointUrl, options.environment, error);
        if (!resolved)
            return nullptr;
        endpoint = *resolved;
        backend->m_credentials =
            std::make_unique<aws::EnvironmentCredentialProvider>(options.environment);
    }
    backend->m_client = std::make_unique<ivs::IvsClient>(backend->m_network.get(),
                                                         backend->m_credentials.get(), endpoint);
    return backend;
}

QString Backend::description() const
{
    const aws::EndpointConfig &endpoint = m_client->endpointConfig();
    if (m_demo)
        return tr("Demo endpoint %1 with sample stages").arg(endpoint.overrideUrl.toString());
    const QString credentials = m_credentials->sourceDescription();
    if (!endpoint.overrideUrl.isEmpty())
        return tr("%1 (from %2), credentials from %3")
            .arg(endpoint.overrideUrl.toString(), endpoint.overrideSource, credentials);
    return tr("AWS, credentials from %1").arg(credentials);
}

QStringList Backend::suggestedArns() const
{
    return m_demo ? m_demo->stageArns() : QStringList();
}

} // namespace session
