#include "identity/app_identity.h"

#include "identity/settings_migration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSettings>

namespace identity {

namespace {
// Settings were kept under this organization name (~/.config/IVS Stage Browser/) until the
// reverse-DNS id named the directory.
const QString kLegacyOrganization = QStringLiteral("IVS Stage Browser");
} // namespace

QString appId()
{
    return QStringLiteral(IVS_APP_ID);
}

QString programName()
{
    return QStringLiteral("ivs-stage-browser");
}

QString version()
{
    return QStringLiteral(IVS_STAGE_BROWSER_VERSION);
}

QString iconResource()
{
    return QStringLiteral(":/icons/%1.svg").arg(appId());
}

void applyAppIdentity()
{
    QCoreApplication::setOrganizationName(appId());
    QCoreApplication::setApplicationName(programName());
    QCoreApplication::setApplicationVersion(version());
    // Wayland compositors and desktop shells match windows to the .desktop file by this name.
    QGuiApplication::setDesktopFileName(appId());
}

bool protectSettingsFile()
{
    const QString path = QSettings().fileName();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    bool ok = QFile::setPermissions(info.absolutePath(), ownerOnly | QFile::ExeOwner);
    if (!info.exists()) {
        // Created empty with the owner-only mode; QSettings keeps the mode when it rewrites.
        QFile file(path);
        ok = file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) && ok;
        return ok;
    }
    return QFile::setPermissions(path, ownerOnly) && ok;
}

void carryOverLegacySettings()
{
    // Only the user's own files count: keys a system-wide file supplies are neither "saved
    // settings" to carry over nor a sign that the new place is in use.
    QSettings legacy(QSettings::NativeFormat, QSettings::UserScope, kLegacyOrganization,
                     programName());
    legacy.setFallbacksEnabled(false);
    QSettings current;
    current.setFallbacksEnabled(false);
    copyLegacySettings(legacy, current);
}

} // namespace identity
