#pragma once

#include "aws/credentials.h"

#include <functional>
#include <QString>
#include <variant>

class QObject;

namespace aws {

struct CredentialError {
    QString message; // says what is missing and where the user can fix it
};

using CredentialResult = std::variant<Credentials, CredentialError>;

// Where request credentials come from. Asynchronous because some sources (the OS keychain, a
// credential_process) answer later; the callback runs at most once, and never after `context`
// is destroyed.
class CredentialProvider {
public:
    virtual ~CredentialProvider() = default;
    virtual void fetchCredentials(QObject *context,
                                  std::function<void(const CredentialResult &)> done) = 0;
    // Shown in the status bar and in error messages: "environment variables", "demo", …
    virtual QString sourceDescription() const = 0;
};

} // namespace aws
