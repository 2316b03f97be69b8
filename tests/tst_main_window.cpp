#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/publish_dialog.h"
#include "ui/stage_tree_view.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using model::StageTreeModel;
using namespace testsupport;

// The real window on the built-in demo endpoint: typed into and read back as a user would.
class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typingAnArnAndPressingEnterShowsTheStage();
    void demoModeIsVisibleAndOffersDemoArns();
    void invalidArnIsRefusedBeforeAnyRequest();
    void failedLookupKeepsTheLastTreeAndTheTypedArn();
    void ctrlCCopiesTheCurrentValue();
    void endpointRowsHaveOneClickCopy();
    void pickingADemoArnFromTheListLooksItUp();
    void publishingOpensForTheShownStage();

private:
    void typeAndSubmit(const QString &text);
    QString valueAt(const QString &path) const;

    QTemporaryDir m_home;
    testsupport::WindowRig m_rig;
};

void TestMainWindow::initTestCase()
{
    // The window reads and writes settings: never the user's own.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestMainWindow::init()
{
    QString error;
    m_rig.backend = testsupport::WindowRig::demoBackend(&error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestMainWindow::cleanup()
{
    m_rig.reset();
}

void TestMainWindow::typeAndSubmit(const QString &text)
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QString TestMainWindow::valueAt(const QString &path) const
{
    return m_rig.model->indexForPath(path)
        .siblingAtColumn(StageTreeModel::ValueColumn)
        .data()
        .toString();
}

void TestMainWindow::typingAnArnAndPressingEnterShowsTheStage()
{
    typeAndSubmit(kFullyConfiguredDemoArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
    QCOMPARE(valueAt(QStringLiteral("activeSessionId")), QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QCOMPARE(valueAt(QStringLiteral(
                 "autoParticipantRecordingConfiguration.thumbnailConfiguration.recordingMode")),
             QStringLiteral("INTERVAL"));
    QCOMPARE(valueAt(QStringLiteral("endpoints.rtmps")),
             QStringLiteral("rtmps://f99084460c35.global-contribute.live-video.net:443/app/"));
    QVERIFY(m_rig.window->windowTitle().startsWith(QLatin1String("studio-main")));
    QVERIFY(m_rig.window->treeView()->isExpanded(
        m_rig.model->indexForPath(QStringLiteral("endpoints"))));
    QVERIFY(m_rig.window->banner()->isHidden());
}

void TestMainWindow::demoModeIsVisibleAndOffersDemoArns()
{
    QVERIFY(m_rig.window->windowTitle().contains(QLatin1String("demo")));
    const auto *connection = m_rig.window->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(connection);
    QVERIFY2(connection->text().contains(QLatin1String("http://127.0.0.1:")),
             qPrintable(connection->text()));
    QCOMPARE(m_rig.window->arnInput()->knownArns().size(), 4);
    QVERIFY(m_rig.window->arnInput()->knownArns().contains(kOlderDemoArn));
    // The completer offers them as the user types part of one.
    QTest::keyClicks(m_rig.window->arnInput()->lineEdit(), QStringLiteral("Tn4Hall"));
    QCompleter *completer = m_rig.window->arnInput()->lineEdit()->completer();
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), kOlderDemoArn);
}

void TestMainWindow::invalidArnIsRefusedBeforeAnyRequest()
{
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    const QString typed = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abc");
    typeAndSubmit(typed);
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_rig.window->banner()->isHidden());
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("channel")),
             qPrintable(m_rig.window->banner()->text()));
    QCOMPARE(m_rig.window->arnInput()->text(), typed);
    QCOMPARE(m_rig.model->rowCount(), 0);
}

void TestMainWindow::failedLookupKeepsTheLastTreeAndTheTypedArn()
{
    typeAndSubmit(kFullyConfiguredDemoArn);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));

    const QString missing = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/doesNotExist");
    QSignalSpy failed(m_rig.browser, &workspace::StageBrowser::lookupFailed);
    typeAndSubmit(missing);
    QTRY_COMPARE(failed.count(), 1);
    const QString message = m_rig.window->banner()->text();
    QVERIFY2(message.contains(QLatin1String("Stage not found")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("still shows studio-main")), qPrintable(message));
    QCOMPARE(m_rig.window->arnInput()->text(), missing);
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
}

void TestMainWindow::ctrlCCopiesTheCurrentValue()
{
    typeAndSubmit(kFullyConfiguredDemoArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    tree->setCurrentIndex(m_rig.model->indexForPath(QStringLiteral("endpoints.whip"))
                              .siblingAtColumn(StageTreeModel::ValueColumn));
    QApplication::clipboard()->clear();
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net"));

    tree->setCurrentIndex(m_rig.model->indexForPath(QStringLiteral("tags")));
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
    QVERIFY2(
        QApplication::clipboard()->text().contains(QLatin1String("\"show\": \"Morning Live\"")),
        qPrintable(QApplication::clipboard()->text()));
}

void TestMainWindow::endpointRowsHaveOneClickCopy()
{
    typeAndSubmit(kFullyConfiguredDemoArn);
    QTRY_COMPARE(m_rig.model->rowCount(), 6);
    auto *button = m_rig.window->findChild<QToolButton *>(QStringLiteral("copy-rtmps"));
    QVERIFY(button);
    QApplication::clipboard()->clear();
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("rtmps://f99084460c35.global-contribute.live-video.net:443/app/"));

    // An endpoint the service did not return has nothing to copy, so no button.
    typeAndSubmit(kOlderDemoArn);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("town-hall"));
    QVERIFY(!m_rig.window->findChild<QToolButton *>(QStringLiteral("copy-rtmps")));
    QVERIFY(m_rig.window->findChild<QToolButton *>(QStringLiteral("copy-whip")));
}

void TestMainWindow::publishingOpensForTheShownStage()
{
    workspace::PublishController &publisher = *m_rig.publisher;
    QVERIFY2(!m_rig.window->publishAction()->isEnabled(),
             "nothing to publish to before a stage is shown");
    QVERIFY(!m_rig.window->openPublishDialog());
    typeAndSubmit(kFullyConfiguredDemoArn);
    // Enabled during the lookup already: triggered then, the dialog opens once the stage is shown.
    QTRY_VERIFY(m_rig.window->publishAction()->isEnabled());
    m_rig.window->openPublishDialog();
    QPointer<ui::PublishDialog> dialog;
    QTRY_VERIFY((dialog = m_rig.window->findChild<ui::PublishDialog *>()) && dialog->isVisible());
    QVERIFY(dialog);
    QCOMPARE(publisher.target().arn, kFullyConfiguredDemoArn);
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void TestMainWindow::pickingADemoArnFromTheListLooksItUp()
{
    QMenu *menu = m_rig.window->arnInput()->arnMenu();
    QAction *podcast = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == kDefaultsDemoArn)
            podcast = action;
    }
    QVERIFY(podcast);
    podcast->trigger();
    QCOMPARE(m_rig.window->arnInput()->text(), kDefaultsDemoArn);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("podcast-room"));
    // Once shown, it heads the "Recent" section.
    QCOMPARE(m_rig.window->arnInput()->knownArns().constFirst(), kDefaultsDemoArn);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
