// MainWindow: exporting the stage's settings to a file and applying such a file.

#include "document/stage_document.h"
#include "files/bounded_file.h"
#include "main_window.h"
#include "message_banner.h"
#include "model/stage_tree_model.h"
#include "review_dialog.h"
#include "stage_tree_view.h"
#include "workspace/stage_editor.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>

namespace ui {

namespace {

constexpr int kTransientMessageMs = 5000;
// An exported stage is a few kilobytes; anything this big is some other file.
constexpr qint64 kMaxDocumentBytes = 1024 * 1024;

} // namespace

void MainWindow::setPathChooser(PathChooser chooser)
{
    m_pathChooser = std::move(chooser);
}

QString MainWindow::suggestedExportPath() const
{
    const QString directory =
        m_lastDirectory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : m_lastDirectory;
    // A stage without a name is shown by its ARN, which has characters no file name should.
    QString name = shownName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QDir(directory).filePath(name + QStringLiteral(".json"));
}

bool MainWindow::exportStage()
{
    m_tree->commitOpenEditor();
    if (!m_document.stage() || m_editor.isApplying())
        return false;
    const QString filter = tr("Stage configuration (*.json);;All files (*)");
    const QString path =
        m_pathChooser
            ? m_pathChooser(FilePurpose::Export, suggestedExportPath())
            : QFileDialog::getSaveFileName(this, tr("Export Stage"), suggestedExportPath(), filter);
    if (path.isEmpty())
        return false;
    m_lastDirectory = QFileInfo(path).absolutePath();
    const QString shownPath = QDir::toNativeSeparators(path);

    // The file appears only once it is complete: QSaveFile writes aside, then renames.
    const QByteArray document = m_document.exportDocument();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() ||
        !file.commit()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Could not export to %1: %2\nNothing was written.")
                                  .arg(shownPath, file.errorString()));
        return false;
    }
    statusBar()->showMessage(m_document.hasPendingEdits()
                                 ? tr("Exported %1 to %2, including the changes not yet applied.")
                                       .arg(shownStageLabel(), shownPath)
                                 : tr("Exported %1 to %2.").arg(shownStageLabel(), shownPath),
                             kTransientMessageMs);
    return true;
}

bool MainWindow::applyFromFile()
{
    if (!m_tree->isEditingEnabled())
        return false;
    const QString directory =
        m_lastDirectory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : m_lastDirectory;
    const QString path =
        m_pathChooser
            ? m_pathChooser(FilePurpose::Import, directory)
            : QFileDialog::getOpenFileName(this, tr("Apply from File"), directory,
                                           tr("Stage configuration (*.json);;All files (*)"));
    if (path.isEmpty())
        return false;
    m_lastDirectory = QFileInfo(path).absolutePath();
    const QString shownPath = QDir::toNativeSeparators(path);

    auto refuse = [this, &shownPath](const QString &why) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("%1 was not applied; nothing changed.\n%2").arg(shownPath, why));
        return false;
    };
    // Read on this thread, so only a regular file: a FIFO picked by mistake must not freeze the
    // window waiting for a writer.
    QString error;
    const auto bytes = files::readBounded(path, kMaxDocumentBytes, files::Accept::RegularFiles,
                                          tr("the file"), &error);
    if (!bytes)
        return refuse(error);
    if (!m_document.loadDocument(*bytes, &error))
        return refuse(error);

    if (!m_document.hasPendingEdits()) {
        m_banner->showMessage(MessageBanner::Kind::Notice,
                              tr("%1 matches %2 as it is: there is nothing to apply.")
                                  .arg(shownPath, shownStageLabel()));
        return true;
    }
    const int count = static_cast<int>(m_document.pendingChanges().changes.size());
    const QString loaded = count == 1
                               ? tr("Loaded %1: 1 change pending.").arg(shownPath)
                               : tr("Loaded %1: %2 changes pending.").arg(shownPath).arg(count);
    m_banner->showMessage(MessageBanner::Kind::Notice,
                          loaded + QLatin1Char(' ') + tr("Nothing has been sent yet."));
    // Applying from a file is what the user asked for: show what it would do, ready to apply.
    openReview();
    return true;
}

} // namespace ui
