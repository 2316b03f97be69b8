#pragma once

#include <QMainWindow>

class QAbstractItemModel;
class QLabel;

namespace session {
class StageBrowser;
}

namespace ui {

class ArnInput;
class MessageBanner;
class StageTreeView;

struct WindowContext {
    bool demo = false;
    QString connectionDescription; // shown in the status bar
    QStringList suggestedArns;
    QString notice; // shown once at start, e.g. why demo mode was chosen
};

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(session::StageBrowser &browser, QAbstractItemModel &stageModel,
               const WindowContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ArnInput *arnInput() const { return m_arnInput; }
    StageTreeView *treeView() const { return m_tree; }
    MessageBanner *banner() const { return m_banner; }

private:
    void onLookupStarted(const QString &arn);
    void onStageShown(const QString &arn, const QString &name);
    void onLookupFailed(const QString &arn, const QString &message);
    void onInputRejected(const QString &message);
    void updateTitle(const QString &stageName);

    session::StageBrowser &m_browser;
    ArnInput *m_arnInput;
    MessageBanner *m_banner;
    StageTreeView *m_tree;
    QLabel *m_connectionLabel;
    bool m_demo;
    QString m_shownName;
};

} // namespace ui
