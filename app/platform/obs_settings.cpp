#include "platform/obs_settings.h"

#include <QDir>
#include <QStandardPaths>

namespace platform {

namespace {

const QString kObsFolder = QStringLiteral("obs-studio");

QString inside(const QString &folder)
{
    return folder.isEmpty() ? QString() : QDir(folder).filePath(kObsFolder);
}

} // namespace

QStringList obsSettingsFolders()
{
    QStringList folders;
#if defined(Q_OS_LINUX)
    folders.append(inside(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
    folders.append(
        QDir::home().filePath(QStringLiteral(".var/app/com.obsproject.Studio/config/obs-studio")));
#elif defined(Q_OS_MACOS)
    // ~/Library/Application Support: Qt's generic data location there, not its config one
    // (~/Library/Preferences).
    folders.append(inside(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
#elif defined(Q_OS_WIN)
    // The roaming application data folder. Qt names it only with this app's own organisation and
    // name appended (AppDataLocation), so it is read where Windows announces it.
    QString roaming = qEnvironmentVariable("APPDATA");
    if (roaming.isEmpty())
        roaming = QDir::home().filePath(QStringLiteral("AppData/Roaming"));
    folders.append(inside(QDir::fromNativeSeparators(roaming)));
#else
    // Other Unix desktops follow the XDG layout as Linux does.
    folders.append(inside(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
#endif
    folders.removeAll(QString());
    return folders;
}

} // namespace platform
