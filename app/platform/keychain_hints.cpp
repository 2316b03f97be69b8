#include "platform/keychain_hints.h"

#include <QCoreApplication>

namespace platform {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(platform::KeychainHints)
};

} // namespace

#if defined(Q_OS_MACOS)

QString keychainServiceHint()
{
    return Text::tr("On macOS, secrets are kept in the login keychain: check in Keychain Access "
                    "that it exists.");
}

QString keyringManagerName()
{
    return Text::tr("Keychain Access");
}

#elif defined(Q_OS_WIN)

QString keychainServiceHint()
{
    return Text::tr("On Windows, secrets are kept in the Windows Credential Manager of the "
                    "signed-in user.");
}

QString keyringManagerName()
{
    return Text::tr("Credential Manager");
}

#else

QString keychainServiceHint()
{
    return Text::tr("On Linux, start a Secret Service such as gnome-keyring or KeePassXC's Secret "
                    "Service integration, in a desktop session with a D-Bus session bus.");
}

QString keyringManagerName()
{
    return Text::tr("Passwords and Keys");
}

#endif

} // namespace platform
