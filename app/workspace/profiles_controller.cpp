#include "workspace/profiles_controller.h"

#include "aws/shared_config.h"
#include "profiles/profile_repository.h"
#include "workspace/backend.h"
#include "workspace/profile_import.h"
#include "workspace/profile_validation.h"

#include <algorithm>

namespace workspace {

namespace {

QString joinedProblems(const DraftProblems &problems)
{
    QStringList parts;
    for (const QString &part : {problems.name, problems.region, problems.accessKeyId,
                                problems.secretAccessKey, problems.sessionToken}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

ProfilesController::ProfilesController(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    connect(&m_backend.profiles(), &profiles::ProfileRepository::profilesChanged, this,
            &ProfilesController::profilesChanged);
}

QList<ConnectionChoice> ProfilesController::choices() const
{
    QList<ConnectionChoice> result{
        {ConnectionChoice::Kind::Demo, {}, tr("Demo endpoint")},
        {ConnectionChoice::Kind::Automatic, {}, tr("Automatic (environment / AWS_PROFILE)")}};
    const QList<ProfileRow> rows = profiles();
    for (const ProfileRow &row : rows)
        result.append({ConnectionChoice::Kind::Profile, row.name,
                       row.inKeychain ? tr("%1 (keychain)").arg(row.name)
                                      : tr("%1 (AWS CLI)").arg(row.name)});
    // A remembered profile that has since disappeared is still what is in use: say so.
    const QString active = activeProfile();
    const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&active](const ProfileRow &row) {
        return row.name == active;
    });
    if (!active.isEmpty() && !listed)
        result.append({ConnectionChoice::Kind::Profile, active, tr("%1 (not found)").arg(active)});
    return result;
}

ConnectionChoice ProfilesController::currentChoice() const
{
    if (isDemo())
        return {ConnectionChoice::Kind::Demo, {}, {}};
    if (activeProfile().isEmpty())
        return {ConnectionChoice::Kind::Automatic, {}, {}};
    return {ConnectionChoice::Kind::Profile, activeProfile(), {}};
}

bool ProfilesController::choose(const ConnectionChoice &choice, QString *error)
{
    if (choice == currentChoice())
        return true;
    bool ok = false;
    switch (choice.kind) {
    case ConnectionChoice::Kind::Demo:
        ok = m_backend.useDemo(error);
        break;
    case ConnectionChoice::Kind::Automatic:
        ok = m_backend.useProfile(QString(), error);
        break;
    case ConnectionChoice::Kind::Profile:
        ok = m_backend.useProfile(choice.profileName, error);
        break;
    }
    if (ok)
        emit connectionChanged();
    return ok;
}

bool ProfilesController::isDemo() const
{
    return m_backend.isDemo();
}

QString ProfilesController::activeProfile() const
{
    return m_backend.isDemo() ? QString() : m_backend.activeProfile();
}

QString ProfilesController::connectionDescription() const
{
    return m_backend.description();
}

QStringList ProfilesController::suggestedArns() const
{
    return m_backend.suggestedArns();
}

QString ProfilesController::serviceRegion() const
{
    return m_backend.serviceRegion();
}

bool ProfilesController::setServiceRegion(const QString &region, QString *error)
{
    const QString trimmed = region.trimmed();
    if (const QString problem = regionProblem(trimmed); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    // Leaving the field unchanged is no switch, and must not look the stage up again.
    if (trimmed == m_backend.serviceRegionOverride() || trimmed == m_backend.serviceRegion())
        return true;
    m_backend.setServiceRegion(trimmed);
    emit connectionChanged();
    return true;
}

QStringList ProfilesController::commonRegions()
{
    return commonIvsRegions();
}

QList<ProfileRow> ProfilesController::profiles() const
{
    QList<ProfileRow> rows;
    const QString active = activeProfile();
    const QList<ProfileEntry> entries = m_backend.availableProfiles();
    for (const ProfileEntry &entry : entries)
        rows.append({entry.name, entry.region,
                     entry.inKeychain ? tr("keychain") : tr("AWS CLI files"), entry.inKeychain,
                     entry.name == active});
    return rows;
}

std::optional<ProfileDraft> ProfilesController::draftFor(const QString &name) const
{
    const auto stored = m_backend.profiles().store().find(name);
    if (!stored)
        return std::nullopt;
    return ProfileDraft{stored->name, stored->region, stored->accessKeyId, {}, {}};
}

DraftProblems ProfilesController::check(const ProfileDraft &draft, bool adding) const
{
    const ProfileDraft normalized = normalizedDraft(draft);
    DraftProblems problems = checkDraftFields(normalized);
    const bool exists = m_backend.profiles().store().find(normalized.name).has_value();
    if (problems.name.isEmpty() && adding && exists)
        problems.name = tr("There is already a keychain profile named \"%1\"; pick another name, "
                           "or edit that profile.")
                            .arg(normalized.name);
    if (problems.name.isEmpty() && !adding && !exists)
        problems.name =
            tr("There is no keychain profile named \"%1\" any more.").arg(normalized.name);
    return problems;
}

void ProfilesController::begin()
{
    if (m_pending++ == 0)
        emit busyChanged(true);
}

void ProfilesController::end()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}

void ProfilesController::save(const ProfileDraft &draft, bool adding)
{
    const ProfileDraft normalized = normalizedDraft(draft);
    begin();
    if (const DraftProblems problems = check(normalized, adding); !problems.isEmpty()) {
        // Asynchronous like a keychain answer, so callers handle one path only.
        QMetaObject::invokeMethod(
            this,
            [this, name = normalized.name, message = joinedProblems(problems)] {
                end();
                emit saveFinished(name, message);
            },
            Qt::QueuedConnection);
        return;
    }
    const profiles::StoredProfile stored{normalized.name, normalized.region, normalized.accessKeyId,
                                         false};
    const profiles::ProfileSecrets secrets{normalized.secretAccessKey, normalized.sessionToken};
    m_backend.profiles().save(stored, secrets, this,
                              [this, name = normalized.name](const QString &error) {
                                  if (error.isEmpty())
                                      followChange(name);
                                  end();
                                  emit saveFinished(name, error);
                              });
}

void ProfilesController::remove(const QString &name)
{
    begin();
    m_backend.profiles().remove(name, this, [this, name](const QString &error) {
        if (error.isEmpty())
            followChange(name);
        end();
        emit removeFinished(name, error);
    });
}

bool ProfilesController::setActive(const QString &name, QString *error)
{
    return choose({ConnectionChoice::Kind::Profile, name, {}}, error);
}

void ProfilesController::test(const QString &name)
{
    begin();
    m_backend.testProfile(name, this, [this, name](bool ok, const QString &message) {
        end();
        emit testFinished(name, ok, message);
    });
}

void ProfilesController::followChange(const QString &name)
{
    if (m_backend.isDemo())
        return;
    const QString active = m_backend.activeProfile();
    // The automatic chain may well have picked this profile by name (AWS_PROFILE, "default").
    if (!active.isEmpty() && active != name)
        return;
    const QList<ProfileEntry> entries = m_backend.availableProfiles();
    const bool stillThere =
        std::any_of(entries.cbegin(), entries.cend(),
                    [&active](const ProfileEntry &e) { return e.name == active; });
    // A removed profile that no AWS CLI profile stands in for leaves the automatic chain.
    const QString next = stillThere ? active : QString();
    QString error;
    if (!m_backend.useProfile(next, &error)) {
        emit connectionProblem(error);
        return;
    }
    emit connectionChanged();
}

QList<ImportCandidate> ProfilesController::importCandidates() const
{
    return workspace::importCandidates(m_backend.sharedConfig(), m_backend.profiles().store());
}

QString ProfilesController::sharedFilesLocation() const
{
    return tr("%1 and %2")
        .arg(m_backend.sharedConfig().configPath(), m_backend.sharedConfig().credentialsPath());
}

void ProfilesController::importProfiles(const QStringList &names)
{
    begin();
    // One keychain write at a time: a keyring that asks to be unlocked asks once.
    QMetaObject::invokeMethod(
        this, [this, names] { importNext(names, {}, {}); }, Qt::QueuedConnection);
}

void ProfilesController::importNext(QStringList remaining, QStringList imported, QStringList errors)
{
    if (remaining.isEmpty()) {
        const QString active = m_backend.activeProfile();
        if (active.isEmpty() ? !imported.isEmpty() : imported.contains(active))
            followChange(active);
        end();
        emit importFinished(imported, errors);
        return;
    }
    const QString name = remaining.takeFirst();
    const QList<ImportCandidate> candidates = importCandidates();
    const auto candidate =
        std::find_if(candidates.cbegin(), candidates.cend(),
                     [&name](const ImportCandidate &c) { return c.name == name; });
    const std::optional<aws::SharedProfile> shared = m_backend.sharedConfig().profile(name);
    if (candidate == candidates.cend() || !shared) {
        errors.append(
            tr("\"%1\" was not imported: the AWS CLI's files have no such profile.").arg(name));
        return importNext(remaining, imported, errors);
    }
    if (!candidate->importable) {
        errors.append(tr("\"%1\" was not imported. %2").arg(name, candidate->reason));
        return importNext(remaining, imported, errors);
    }
    const profiles::StoredProfile stored{name, shared->region, shared->accessKeyId, false};
    const profiles::ProfileSecrets secrets{shared->secretAccessKey, shared->sessionToken};
    m_backend.profiles().save(
        stored, secrets, this,
        [this, name, remaining, imported, errors](const QString &error) mutable {
            if (error.isEmpty())
                imported.append(name);
            else
                errors.append(error);
            importNext(remaining, imported, errors);
        });
}

} // namespace workspace
