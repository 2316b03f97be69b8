#pragma once

#include <functional>
#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace document {
class StageDocument;
}

namespace ui {

class EditingFlow;
class StageTreeView;
class WindowFeedback;

// The window's file feature: exporting the shown stage's settings to a file, and applying such a
// file as pending edits (then opening the review).
class StageFilesFlow final : public QObject {
    Q_OBJECT
public:
    enum class Purpose { Export, Import };
    // Picks the file to export to or import from; empty when the user cancels. The default is a
    // file dialog starting at `suggestion`.
    using PathChooser = std::function<QString(Purpose purpose, const QString &suggestion)>;

    StageFilesFlow(document::StageDocument &document, EditingFlow &editing, StageTreeView &tree,
                   WindowFeedback &feedback, QWidget &window);

    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }
    void setPathChooser(PathChooser chooser);

    bool exportStage();
    bool applyFromFile();

private:
    void updateState();
    QString startDirectory() const;
    QString suggestedExportPath() const;

    document::StageDocument &m_document;
    EditingFlow &m_editing;
    StageTreeView &m_tree;
    WindowFeedback &m_feedback;
    QWidget &m_window;
    QAction *m_exportAction;
    QAction *m_importAction;
    PathChooser m_pathChooser;
    QString m_lastDirectory; // where the user last picked a file, this run
};

} // namespace ui
