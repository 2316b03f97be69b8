#include "workspace/backend.h"

#include "aws/endpoint_config.h"
#include "aws/environment_credential_provider.h"
#include "aws/shared_config.h"
#include "credentials/credential_chain.h"
#include "demo/demo_endpoint.h"
#include "ivs/ivs_client.h"
#include "ivs/proxy_settings.h"
#include "profiles/profile_storage.h"
#include "s3/s3_client.h"

#include <algorithm>
#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace workspace {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::Backend)
};

} // namespace

Backend::Backend(BackendOptions options)
    : m_options(std::move(options))
{
}

profiles::ProfileRepository &Backend::profiles() const
{
    return m_storage->repository;
}

keychain::KeychainStore &Backend::keychain() const
{
    return m_storage->keychain;
}

Backend::~Backend()
{
    // The clients refer to the network manager and the credentials: they go first.
    m_s3.reset();
    m_client.reset();
}

std::unique_ptr<Backend> Backend::create(const BackendOptions &options, QString *error)
{
    std::unique_ptr<Backend> backend(new Backend(options));
    backend->m_storage = std::make_unique<profiles::ProfileStorage>();
    QString sharedError;
    backend->m_sharedConfig = std::make_unique<aws::SharedConfig>(
        aws::SharedConfig::load(options.environment, &sharedError));
    backend->m_network = std::make_unique<QNetworkAccessManager>();
    // https_proxy, http_proxy and no_proxy, from the environment the backend was given; never
    // for a loopback endpoint. The manager owns the factory.
    backend->m_network->setProxyFactory(new ivs::EnvironmentProxyFactory(options.environment));
    backend->m_client =
        std::make_unique<ivs::IvsClient>(backend->m_network.get(), nullptr, aws::EndpointConfig());
    backend->m_s3 =
        std::make_unique<s3::S3Client>(backend->m_network.get(), nullptr, s3::S3Endpoint());
    backend->m_regionOverride = options.region;
    backend->applyRetrySettings();

    if (options.forceDemo || (options.demoWhenUnconfigured && options.profile.isEmpty() &&
                              !backend->anythingConfigured())) {
        if (!options.forceDemo)
            backend->m_demoReason =
                Text::tr("No AWS credentials are configured, so the built-in demo "
                         "endpoint is used. Add a profile (Profiles…), or set "
                         "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, to inspect "
                         "your own stages.");
        if (!backend->useDemo(error))
            return nullptr;
        return backend;
    }
    if (!sharedError.isEmpty()) {
        if (error)
            *error = sharedError;
        return nullptr;
    }
    const QString profile =
        options.profile.isEmpty() ? backend->m_storage->store.activeProfile() : options.profile;
    if (!backend->configureAws(profile, error))
        return nullptr;
    return backend;
}

void Backend::applyRetrySettings()
{
    // AWS_MAX_ATTEMPTS, as the AWS CLI and SDKs read it: total attempts, the first included.
    bool ok = false;
    const int attempts = m_options.environment.value(QStringLiteral("AWS_MAX_ATTEMPTS")).toInt(&ok);
    if (ok && attempts >= 1) {
        ivs::RetryPolicy policy = m_client->retryPolicy();
        policy.maxAttempts = attempts;
        m_client->setRetryPolicy(policy);
        m_s3->setRetryPolicy(policy);
    }
    if (m_options.timeoutSeconds > 0) {
        m_client->setTransferTimeout(m_options.timeoutSeconds * 1000);
        m_s3->setTransferTimeout(m_options.timeoutSeconds * 1000);
    }
}

std::chrono::milliseconds Backend::credentialTimeout() const
{
    return std::chrono::seconds(std::max(0, m_options.timeoutSeconds));
}

bool Backend::anythingConfigured() const
{
    const QProcessEnvironment &environment = m_options.environment;
    return !m_options.endpointUrl.trimmed().isEmpty() ||
           !environment.value(QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME")).isEmpty() ||
           !environment.value(QStringLiteral("AWS_ENDPOINT_URL")).isEmpty() ||
           aws::EnvironmentCredentialProvider::isConfigured(environment) ||
           !environment.value(QStringLiteral("AWS_PROFILE")).isEmpty() ||
           !m_storage->store.profiles().isEmpty() || !m_sharedConfig->profileNames().isEmpty();
}

bool Backend::useDemo(QString *error)
{
    if (!m_demo) {
        auto endpoint = std::make_unique<demo::DemoEndpoint>();
        if (!endpoint->start(error))
            return false;
        m_demo = std::move(endpoint);
    }
    aws::EndpointConfig endpoint;
    endpoint.overrideUrl = m_demo->url();
    endpoint.overrideSource = Text::tr("demo");
    m_credentials = std::make_unique<aws::StaticCredentialProvider>(
        demo::DemoEndpoint::credentials(), Text::tr("demo credentials"));
    m_client->setCredentialProvider(m_credentials.get());
    m_client->setEndpointConfig(endpoint);
    m_s3->setCredentialProvider(m_credentials.get());
    m_s3->setEndpoint(s3::S3Endpoint{m_demo->url(), Text::tr("demo"), {}});
    m_demoActive = true;
    m_activeProfile.clear();
    m_profileRegion.clear();
    return true;
}

bool Backend::useProfile(const QString &profile, QString *error)
{
    if (!configureAws(profile, error))
        return false;
    m_storage->store.setActiveProfile(profile);
    return true;
}

aws::ConfiguredEndpoints
Backend::configuredEndpoints(const credentials::ResolvedCredentials &resolved) const
{
    // The config file's endpoint settings apply to a profile of that name even when its keys
    // come from the keychain (an imported profile keeps pointing where it pointed).
    aws::ConfiguredEndpoints configured;
    if (resolved.profileName.isEmpty())
        return configured;
    if (const auto shared = m_sharedConfig->profile(resolved.profileName)) {
        configured.profileName = shared->name;
        configured.serviceUrl =
            m_sharedConfig->serviceEndpointUrl(shared->name, QStringLiteral("ivs_realtime"));
        configured.profileUrl = shared->endpointUrl;
        configured.ignoreConfigured = shared->ignoreConfiguredEndpointUrls;
    }
    return configured;
}

bool Backend::configureAws(const QString &profile, QString *error)
{
    credentials::ResolvedCredentials resolved =
        credentials::resolveCredentials({profile, m_options.environment, m_sharedConfig.get(),
                                         &m_storage->repository, credentialTimeout()});
    const aws::ConfiguredEndpoints configured = configuredEndpoints(resolved);
    const auto endpoint =
        aws::resolveEndpointConfig(m_options.endpointUrl, m_options.environment, error, configured);
    if (!endpoint)
        return false;
    aws::ConfiguredEndpoints s3Configured = configured;
    s3Configured.serviceUrl =
        configured.profileName.isEmpty()
            ? QString()
            : m_sharedConfig->serviceEndpointUrl(configured.profileName, QStringLiteral("s3"));
    const auto s3Endpoint = s3::resolveS3Endpoint(m_options.environment, error, s3Configured);
    if (!s3Endpoint)
        return false;
    m_credentials = std::move(resolved.provider);
    m_client->setCredentialProvider(m_credentials.get());
    m_client->setEndpointConfig(*endpoint);
    m_s3->setCredentialProvider(m_credentials.get());
    m_s3->setEndpoint(*s3Endpoint);
    m_demoActive = false;
    m_activeProfile = profile;
    m_profileRegion = resolved.profileRegion;
    return true;
}

QList<ProfileEntry> Backend::availableProfiles() const
{
    QList<ProfileEntry> entries;
    const QList<profiles::StoredProfile> stored = m_storage->store.profiles();
    for (const profiles::StoredProfile &profile : stored)
        entries.append({profile.name, profile.region, true});
    const QStringList sharedNames = m_sharedConfig->profileNames();
    for (const QString &name : sharedNames) {
        const bool hidden = std::any_of(entries.cbegin(), entries.cend(),
                                        [&name](const ProfileEntry &e) { return e.name == name; });
        if (!hidden)
            entries.append({name, m_sharedConfig->profile(name)->region, false});
    }
    return entries;
}

QString Backend::serviceRegion() const
{
    return credentials::resolveRegion(m_regionOverride, m_options.environment, m_profileRegion);
}

QString Backend::credentialSource() const
{
    return m_credentials ? m_credentials->sourceDescription() : QString();
}

QString Backend::missingCredentialsReason() const
{
    const auto *missing =
        dynamic_cast<const credentials::UnavailableCredentialProvider *>(m_credentials.get());
    return missing ? missing->reason() : QString();
}

QString Backend::description() const
{
    const aws::EndpointConfig &endpoint = m_client->endpointConfig();
    if (m_demoActive)
        return Text::tr("Demo endpoint %1 with sample stages")
            .arg(aws::displayUrl(endpoint.overrideUrl));
    QString where = Text::tr("AWS");
    if (!endpoint.overrideUrl.isEmpty())
        where = Text::tr("%1 (from %2)")
                    .arg(aws::displayUrl(endpoint.overrideUrl), endpoint.overrideSource);
    return Text::tr("%1 · credentials: %2").arg(where, credentialSource());
}

void Backend::testProfile(const QString &profile, QObject *context,
                          std::function<void(bool ok, const QString &message)> done)
{
    // A client of its own, so testing never disturbs the connection in use.
    struct Trial {
        credentials::ResolvedCredentials resolved;
        std::unique_ptr<ivs::IvsClient> client;
        QString region;
    };
    auto trial = std::make_shared<Trial>();
    trial->resolved =
        credentials::resolveCredentials({profile, m_options.environment, m_sharedConfig.get(),
                                         &m_storage->repository, credentialTimeout()});
    trial->region = credentials::resolveRegion(m_regionOverride, m_options.environment,
                                               trial->resolved.profileRegion);
    if (trial->region.isEmpty())
        trial->region = QStringLiteral("us-east-1");
    QString problem;
    // The profile's own endpoint settings apply, exactly as when it is in use.
    const auto endpoint =
        aws::resolveEndpointConfig(m_options.endpointUrl, m_options.environment, &problem,
                                   configuredEndpoints(trial->resolved));
    if (!endpoint) {
        QMetaObject::invokeMethod(
            context, [done, problem] { done(false, problem); }, Qt::QueuedConnection);
        return;
    }
    trial->client = std::make_unique<ivs::IvsClient>(m_network.get(),
                                                     trial->resolved.provider.get(), *endpoint);
    trial->client->listStages(
        trial->region, 1, context, [trial, done](const ivs::ListStagesResult &result) {
            const QString source = trial->resolved.provider->sourceDescription();
            if (result.error)
                done(false, result.error->userMessage());
            else
                done(true, Text::tr("The credentials from %1 work: ListStages in %2 succeeded.")
                               .arg(source, trial->region));
            // The client is still on the stack of this callback: release it afterwards.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(), [trial] {}, Qt::QueuedConnection);
        });
}

QStringList Backend::suggestedArns() const
{
    return m_demoActive && m_demo ? m_demo->stageArns() : QStringList();
}

} // namespace workspace
