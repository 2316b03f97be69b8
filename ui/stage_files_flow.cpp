// The window's file feature: exporting the stage's settings to a file and applying such a file.

#include "stage_files_flow.h"

#include "document/stage_document.h"
#include "editing_flow.h"
#include "files/atomic_file.h"
#include "files/bounded_file.h"
#include "shown_stage.h"
#include "stage_tree_view.h"
#include "window_feedback.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ui {

namespace {

// An exported stage is a few kilobytes; anything this big is some other file.
constexpr qint64 kMaxDocumentBytes = 1024 * 1024;

} // namespace

StageFilesFlow::StageFilesFlow(document::StageDocument &document, EditingFlow &editing,
                               StageTreeView &tree, WindowFeedback &feedback, QWidget &window)
    : QObject(&window)
    , m_document(document)
    , m_editing(editing)
    , m_tree(tree)
    , m_feedback(feedback)
    , m_window(window)
    , m_exportAction(new QAction(tr("&Export Stage…"), this))
    , m_importAction(new QAction(tr("Apply from &File…"), this))
{
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    connect(m_exportAction, &QAction::triggered, this, &StageFilesFlow::exportStage);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    connect(m_importAction, &QAction::triggered, this, &StageFilesFlow::applyFromFile);
    connect(&m_editing, &EditingFlow::stateChanged, this, &StageFilesFlow::updateState);
    updateState();
}

void StageFilesFlow::updateState()
{
    m_exportAction->setEnabled(m_document.stage().has_value() && !m_editing.isApplying());
    m_importAction->setEnabled(m_editing.canEdit());
}

void StageFilesFlow::setPathChooser(PathChooser chooser)
{
    m_pathChooser = std::move(chooser);
}

QString StageFilesFlow::startDirectory() const
{
    return m_lastDirectory.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
               : m_lastDirectory;
}

QString StageFilesFlow::suggestedExportPath() const
{
    // A stage without a name is shown by its ARN, which has characters no file name should.
    QString name = ShownStage::name(m_document);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QDir(startDirectory()).filePath(name + QStringLiteral(".json"));
}

bool StageFilesFlow::exportStage()
{
    m_tree.commitOpenEditor();
    if (!m_document.stage() || m_editing.isApplying())
        return false;
    const QString filter = tr("Stage configuration (*.json);;All files (*)");
    const QString path =
        m_pathChooser
            ? m_pathChooser(Purpose::Export, suggestedExportPath())
            : QFileDialog::getSaveFileName(&m_window, tr("Export Stage"), suggestedExportPath(),
                                           filter, nullptr, QFileDialog::DontResolveSymlinks);
    if (path.isEmpty())
        return false;
    m_lastDirectory = QFileInfo(path).absolutePath();
    const QString shownPath = QDir::toNativeSeparators(path);

    // The file appears only once it is complete, and a link, a FIFO or a device at that name is
    // refused rather than followed or replaced (as the command line's export).
    QString problem;
    if (!files::writeAtomically(path, m_document.exportDocument(), &problem)) {
        m_feedback.error(
            tr("Could not export to %1: %2\nNothing was written.").arg(shownPath, problem));
        return false;
    }
    const QString stage = ShownStage::label(m_document);
    m_feedback.passing(
        m_document.hasPendingEdits()
            ? tr("Exported %1 to %2, including the changes not yet applied.").arg(stage, shownPath)
            : tr("Exported %1 to %2.").arg(stage, shownPath));
    return true;
}

bool StageFilesFlow::applyFromFile()
{
    if (!m_tree.isEditingEnabled())
        return false;
    const QString directory = startDirectory();
    const QString path =
        m_pathChooser
            ? m_pathChooser(Purpose::Import, directory)
            : QFileDialog::getOpenFileName(&m_window, tr("Apply from File"), directory,
                                           tr("Stage configuration (*.json);;All files (*)"));
    if (path.isEmpty())
        return false;
    m_lastDirectory = QFileInfo(path).absolutePath();
    const QString shownPath = QDir::toNativeSeparators(path);

    auto refuse = [this, &shownPath](const QString &why) {
        m_feedback.error(tr("%1 was not applied; nothing changed.\n%2").arg(shownPath, why));
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
        m_feedback.notice(tr("%1 matches %2 as it is: there is nothing to apply.")
                              .arg(shownPath, ShownStage::label(m_document)));
        return true;
    }
    const int count = static_cast<int>(m_document.pendingChanges().changes.size());
    const QString loaded = count == 1
                               ? tr("Loaded %1: 1 change pending.").arg(shownPath)
                               : tr("Loaded %1: %2 changes pending.").arg(shownPath).arg(count);
    m_feedback.notice(loaded + QLatin1Char(' ') + tr("Nothing has been sent yet."));
    // Applying from a file is what the user asked for: show what it would do, ready to apply.
    m_editing.openReview();
    return true;
}

} // namespace ui
