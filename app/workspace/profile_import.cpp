#include "workspace/profile_import.h"

#include "aws/shared_config.h"
#include "profiles/profile_store.h"

#include <QCoreApplication>

namespace workspace {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::ProfileImport)
};

QString whyNotImportable(const aws::SharedConfig &shared, const aws::SharedProfile &profile)
{
    if (const QString problem = profiles::ProfileStore::nameProblem(profile.name);
        !problem.isEmpty())
        return problem;
    if (!profile.credentialProcess.isEmpty())
        return Text::tr(
            "It runs credential_process for fresh keys at each use, so there are none to "
            "copy; it keeps working as an AWS CLI profile.");
    if (!shared.value(profile.name, QStringLiteral("sso_session")).isEmpty() ||
        !shared.value(profile.name, QStringLiteral("sso_start_url")).isEmpty())
        return Text::tr(
            "It signs in through IAM Identity Center (SSO), which leaves no keys to copy.");
    if (!shared.value(profile.name, QStringLiteral("role_arn")).isEmpty())
        return Text::tr("It assumes a role, which has no keys of its own to copy.");
    if (!profile.accessKeyId.isEmpty())
        return Text::tr("It has an access key ID but no secret access key.");
    return Text::tr("It has no access keys.");
}

} // namespace

QList<ImportCandidate> importCandidates(const aws::SharedConfig &shared,
                                        const profiles::ProfileStore &keychainProfiles)
{
    QList<ImportCandidate> candidates;
    const QStringList names = shared.profileNames();
    for (const QString &name : names) {
        const std::optional<aws::SharedProfile> profile = shared.profile(name);
        if (!profile)
            continue;
        ImportCandidate candidate;
        candidate.name = name;
        candidate.region = profile->region;
        candidate.location = profile->sourceDescription;
        candidate.inKeychain = keychainProfiles.find(name).has_value();
        // Static keys alone do not make a profile importable: its name must also be usable.
        candidate.importable =
            profile->hasStaticKeys() && profiles::ProfileStore::nameProblem(name).isEmpty();
        if (!candidate.importable)
            candidate.reason = whyNotImportable(shared, *profile);
        candidates.append(candidate);
    }
    return candidates;
}

} // namespace workspace
