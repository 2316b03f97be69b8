#pragma once

#include <QString>
#include <QStringList>

namespace workspace {

// The window's vocabulary for profiles: plain strings only, so widgets need no AWS types.

// One row of the profile list.
struct ProfileRow {
    QString name;
    QString region;
    QString source;          // "keychain" or "AWS CLI files", translated
    bool inKeychain = false; // only keychain profiles can be edited or deleted here
    bool active = false;     // the profile in use (never in demo or automatic mode)
};

// One entry of the window's "Profile:" list.
struct ConnectionChoice {
    enum class Kind { Demo, Automatic, Profile };
    Kind kind = Kind::Automatic;
    QString profileName; // for Kind::Profile
    QString label;

    bool operator==(const ConnectionChoice &other) const
    {
        return kind == other.kind && profileName == other.profileName;
    }
};

// What the add/edit form collects. The secrets live here only until they are saved.
struct ProfileDraft {
    QString name;
    QString region;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // optional
};

// A sentence per field that needs fixing; all empty when the draft can be saved.
struct DraftProblems {
    QString name;
    QString region;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;

    bool isEmpty() const
    {
        return name.isEmpty() && region.isEmpty() && accessKeyId.isEmpty() &&
               secretAccessKey.isEmpty() && sessionToken.isEmpty();
    }
};

// An AWS CLI profile offered for copying into the keychain.
struct ImportCandidate {
    QString name;
    QString region;
    QString location;        // "credentials file [dev]": where its keys are
    bool importable = false; // has static keys and a name usable as a keychain profile
    bool inKeychain = false; // importing replaces the keychain profile of that name
    QString reason;          // why it cannot be imported
};

} // namespace workspace
