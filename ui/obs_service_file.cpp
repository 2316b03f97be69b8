#include "obs_service_file.h"

#include "platform/obs_settings.h"
#include "publish_parts.h"
#include "workspace/publish_controller.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>

namespace ui {

ObsServiceFile::ObsServiceFile(workspace::PublishController &controller)
    : m_controller(controller)
{
}

void ObsServiceFile::setPathChooser(PathChooser chooser)
{
    m_pathChooser = std::move(chooser);
}

QString ObsServiceFile::suggestedPath()
{
    const QString fileName = QStringLiteral("service.json");
    for (const QString &folder : platform::obsSettingsFolders()) {
        const QDir profiles(folder + QStringLiteral("/basic/profiles"));
        if (!profiles.exists())
            continue;
        const QStringList names = profiles.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (names.size() == 1)
            return profiles.filePath(names.constFirst() + QLatin1Char('/') + fileName);
        return profiles.filePath(fileName);
    }
    return QDir::home().filePath(fileName);
}

QLabel *ObsServiceFile::createHint(Secret secret, QWidget *parent)
{
    QLabel *hint = publish_parts::makeNote(QStringLiteral("obsHint"), parent);
    hint->setText(tr("OBS keeps a profile's stream settings in service.json in the profile's "
                     "folder, e.g. ~/.config/obs-studio/basic/profiles/<Profile>/service.json. "
                     "Save there while OBS is closed; it reads the file when it starts. The file "
                     "holds the %1.")
                      .arg(secretName(secret)));
    return hint;
}

std::optional<ObsServiceFile::Outcome> ObsServiceFile::save(Secret secret, QWidget *window) const
{
    const QString suggestion = suggestedPath();
    const QString path = m_pathChooser
                             ? m_pathChooser(suggestion)
                             : QFileDialog::getSaveFileName(
                                   window, tr("Save OBS Service Settings"), suggestion,
                                   tr("OBS service settings (service.json);;JSON files (*.json)"));
    if (path.isEmpty())
        return std::nullopt;
    const QString problem = secret == Secret::Token ? m_controller.saveWhipService(path)
                                                    : m_controller.saveRtmpService(path);
    if (!problem.isEmpty())
        return Outcome{problem, true};
    return Outcome{tr("Saved %1 (readable by you only). It holds the %2: delete it when the "
                      "encoder no longer needs it.")
                       .arg(QDir::toNativeSeparators(path), secretName(secret)),
                   false};
}

QString ObsServiceFile::secretName(Secret secret)
{
    return secret == Secret::Token ? tr("token") : tr("stream key");
}

} // namespace ui
