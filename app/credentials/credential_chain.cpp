#include "credentials/credential_chain.h"

#include "aws/credential_process_provider.h"
#include "aws/credentials.h"
#include "aws/environment_credential_provider.h"
#include "aws/shared_config.h"
#include "profiles/profile_repository.h"

#include <QCoreApplication>

namespace credentials {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(credentials::CredentialChain)
};

ResolvedCredentials unavailable(const QString &reason, const QString &profileName = {})
{
    ResolvedCredentials resolved;
    resolved.provider = std::make_unique<UnavailableCredentialProvider>(reason);
    resolved.profileName = profileName;
    return resolved;
}

ResolvedCredentials fromKeychain(profiles::ProfileRepository &repository,
                                 const profiles::StoredProfile &profile)
{
    ResolvedCredentials resolved;
    resolved.provider =
        std::make_unique<profiles::KeychainProfileProvider>(repository, profile.name);
    resolved.profileName = profile.name;
    resolved.profileRegion = profile.region;
    resolved.found = true;
    return resolved;
}

ResolvedCredentials fromSharedFiles(const aws::SharedConfig &shared,
                                    const aws::SharedProfile &profile,
                                    std::chrono::milliseconds timeout)
{
    ResolvedCredentials resolved;
    resolved.profileName = profile.name;
    resolved.profileRegion = profile.region;
    resolved.fromSharedFiles = true;
    if (profile.hasStaticKeys()) {
        resolved.provider = std::make_unique<aws::StaticCredentialProvider>(
            aws::Credentials{
                profile.accessKeyId, profile.secretAccessKey, profile.sessionToken, {}},
            Text::tr("AWS CLI profile \"%1\" (%2)").arg(profile.name, profile.sourceDescription));
    } else if (!profile.credentialProcess.isEmpty()) {
        auto process = std::make_unique<aws::CredentialProcessProvider>(profile.credentialProcess,
                                                                        profile.name);
        if (timeout.count() > 0 && timeout < process->timeout())
            process->setTimeout(timeout);
        resolved.provider = std::move(process);
    } else {
        QString kind;
        if (!shared.value(profile.name, QStringLiteral("sso_session")).isEmpty() ||
            !shared.value(profile.name, QStringLiteral("sso_start_url")).isEmpty())
            kind = Text::tr(" (it uses IAM Identity Center sign-in, which this app cannot do yet)");
        else if (!shared.value(profile.name, QStringLiteral("role_arn")).isEmpty())
            kind = Text::tr(" (it assumes a role, which this app cannot do yet)");
        resolved.provider = std::make_unique<UnavailableCredentialProvider>(
            Text::tr(
                "AWS CLI profile \"%1\" has no access keys or credential_process%2. Use a profile "
                "with keys, add a keychain profile, or set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY.")
                .arg(profile.name, kind));
        return resolved;
    }
    resolved.found = true;
    return resolved;
}

std::optional<ResolvedCredentials> byName(const ChainInputs &inputs, const QString &name)
{
    if (inputs.keychainProfiles) {
        if (const auto stored = inputs.keychainProfiles->store().find(name))
            return fromKeychain(*inputs.keychainProfiles, *stored);
    }
    if (inputs.sharedConfig) {
        if (const auto shared = inputs.sharedConfig->profile(name))
            return fromSharedFiles(*inputs.sharedConfig, *shared, inputs.timeout);
    }
    return std::nullopt;
}

} // namespace

ResolvedCredentials resolveCredentials(const ChainInputs &inputs)
{
    if (!inputs.selectedProfile.isEmpty()) {
        if (auto resolved = byName(inputs, inputs.selectedProfile))
            return std::move(*resolved);
        return unavailable(
            Text::tr("There is no profile named \"%1\": it is neither a keychain profile "
                     "nor in the AWS CLI's config or credentials file.")
                .arg(aws::shownName(inputs.selectedProfile)),
            inputs.selectedProfile);
    }

    const QString defaultName = aws::defaultProfileName(inputs.environment);
    if (aws::EnvironmentCredentialProvider::isConfigured(inputs.environment)) {
        ResolvedCredentials resolved;
        resolved.provider =
            std::make_unique<aws::EnvironmentCredentialProvider>(inputs.environment);
        resolved.found = true;
        // The region still comes from the default profile, as in the AWS CLI.
        if (auto profile = byName(inputs, defaultName))
            resolved.profileRegion = profile->profileRegion;
        return resolved;
    }
    if (auto resolved = byName(inputs, defaultName))
        return std::move(*resolved);
    return unavailable(Text::tr("No AWS credentials found. Add a profile (Profiles…, or "
                                "\"ivs-stage-browser profile add\"), configure the AWS CLI, or set "
                                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."));
}

QString resolveRegion(const QString &explicitRegion, const QProcessEnvironment &environment,
                      const QString &profileRegion)
{
    for (const QString &candidate :
         {explicitRegion, environment.value(QStringLiteral("AWS_REGION")),
          environment.value(QStringLiteral("AWS_DEFAULT_REGION")), profileRegion}) {
        if (!candidate.trimmed().isEmpty())
            return candidate.trimmed();
    }
    return {};
}

UnavailableCredentialProvider::UnavailableCredentialProvider(QString reason)
    : m_reason(std::move(reason))
{
}

void UnavailableCredentialProvider::fetchCredentials(
    QObject *context, std::function<void(const aws::CredentialResult &)> done)
{
    QMetaObject::invokeMethod(
        context, [done, reason = m_reason] { done(aws::CredentialError{reason}); },
        Qt::QueuedConnection);
}

QString UnavailableCredentialProvider::sourceDescription() const
{
    return Text::tr("no credentials");
}

} // namespace credentials
