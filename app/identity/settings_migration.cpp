#include "identity/settings_migration.h"

#include <QSettings>
#include <QStringList>

namespace identity {

namespace {
const QString kMarkerKey = QStringLiteral("settingsCopiedFrom");
}

bool copyLegacySettings(const QSettings &from, QSettings &to)
{
    if (!to.allKeys().isEmpty())
        return false;
    const QStringList keys = from.allKeys();
    if (keys.isEmpty())
        return false;
    for (const QString &key : keys)
        to.setValue(key, from.value(key));
    to.setValue(kMarkerKey, from.fileName());
    to.sync();
    return to.status() == QSettings::NoError;
}

} // namespace identity
