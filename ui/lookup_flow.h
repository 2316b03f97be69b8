#pragma once

#include <memory>
#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QMimeData;
class QSettings;

namespace document {
class StageDocument;
}
namespace workspace {
class RecentArns;
class StageBrowser;
class Workspace;
} // namespace workspace

namespace ui {

class ArnInput;
class EditingFlow;
class ThemedActionIcons;
class WindowFeedback;

// The window's lookup feature: the ARN field and its recent ARNs, Get Stage, Refresh, pasting or
// dropping an ARN (or a console link holding one) anywhere, and what the user is told while a
// stage is looked up. Another stage never replaces pending edits without the user's word.
class LookupFlow final : public QObject {
    Q_OBJECT
public:
    LookupFlow(workspace::Workspace &workspace, ArnInput &arnInput, EditingFlow &editing,
               WindowFeedback &feedback, ThemedActionIcons &icons, QSettings &settings,
               QMainWindow &window);
    ~LookupFlow() override;

    QAction *getAction() const { return m_getAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *pasteArnAction() const { return m_pasteArnAction; }
    QAction *focusArnAction() const { return m_focusArnAction; }

    // Asks first when edits are pending; false when the user kept their edits instead.
    bool lookUp(const QString &text);
    // What was typed or pasted into the ARN field: a console link there is looked up by its ARN.
    void lookUpTyped(const QString &text);
    // Looks up the stage ARN found in pasted or dropped text (a bare ARN, a console link); says
    // so, and leaves the ARN field alone, when there is none. False when nothing was looked up.
    bool lookUpArnIn(const QString &text);
    bool pasteStageArn(); // from the clipboard
    // A stage picked from the list: as typing its ARN.
    void showListedStage(const QString &arn);
    void reload(); // asks first

    // What a drop or the clipboard offers: the text, else the links (a browser's address bar or
    // a file manager may give only those).
    static QString offeredText(const QMimeData *mime);

private:
    void createActions(ThemedActionIcons &icons);
    void updateState();
    void clearRecentArns();
    void onStageShown(const QString &arn);
    void onLookupFailed(const QString &arn, const QString &message);
    void onInputRejected(const QString &message);

    workspace::StageBrowser &m_browser;
    document::StageDocument &m_document;
    ArnInput &m_arnInput;
    EditingFlow &m_editing;
    WindowFeedback &m_feedback;
    QMainWindow &m_window;
    std::unique_ptr<workspace::RecentArns> m_recentArns;
    QAction *m_getAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_pasteArnAction = nullptr;
    QAction *m_focusArnAction = nullptr;
};

} // namespace ui
