#pragma once

#include "workspace/profile_types.h"

#include <optional>
#include <QList>
#include <QObject>

namespace workspace {

class Backend;

// What the window and the profile dialogs talk to: which connection is in use (demo, the
// automatic credential chain, or a named profile), and the keychain profiles themselves. It speaks
// in plain strings and structs; keychain calls are asynchronous and end in a *Finished signal
// whose message is ready to show. Secrets pass through but are never kept.
class ProfilesController final : public QObject {
    Q_OBJECT
public:
    explicit ProfilesController(Backend &backend, QObject *parent = nullptr);

    // The connection in use.
    QList<ConnectionChoice> choices() const; // demo, automatic, then every profile
    ConnectionChoice currentChoice() const;
    // Switches at once; emits connectionChanged() unless `choice` is already in use.
    bool choose(const ConnectionChoice &choice, QString *error);
    bool isDemo() const;
    QString activeProfile() const; // empty in demo and automatic mode
    QString connectionDescription() const;
    QStringList suggestedArns() const;
    // The region for calls that are not about one stage. Setting it to empty goes back to the
    // environment's or the profile's region.
    QString serviceRegion() const;
    bool setServiceRegion(const QString &region, QString *error);
    static QStringList commonRegions();

    // Profiles: keychain profiles first, then those of the AWS CLI's files.
    QList<ProfileRow> profiles() const;
    // A keychain profile as the edit form starts: secrets empty, they are never read back.
    std::optional<ProfileDraft> draftFor(const QString &name) const;
    DraftProblems check(const ProfileDraft &draft, bool adding) const;

    bool isBusy() const { return m_pending > 0; }
    void save(const ProfileDraft &draft, bool adding); // -> saveFinished
    void remove(const QString &name);                  // -> removeFinished
    bool setActive(const QString &name, QString *error);
    void test(const QString &name); // -> testFinished

    QList<ImportCandidate> importCandidates() const;
    QString sharedFilesLocation() const; // the two files' paths, for "nothing found" messages
    void importProfiles(const QStringList &names); // -> importFinished

signals:
    void profilesChanged();
    void connectionChanged();
    // The connection could not follow a change to its profile; the previous one stays in use.
    void connectionProblem(const QString &message);
    void busyChanged(bool busy);
    // An empty `error` means success.
    void saveFinished(const QString &name, const QString &error);
    void removeFinished(const QString &name, const QString &error);
    void testFinished(const QString &name, bool ok, const QString &message);
    void importFinished(const QStringList &imported, const QStringList &errors);

private:
    void begin();
    void end();
    // Saving, importing or removing the profile in use changes what the connection uses.
    void followChange(const QString &name);
    void importNext(QStringList remaining, QStringList imported, QStringList errors);

    Backend &m_backend;
    int m_pending = 0;
};

} // namespace workspace
