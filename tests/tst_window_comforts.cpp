// The window's comforts: paste or drop an ARN anywhere, shortcuts, the tree filter, recent ARNs
// and the layout kept across starts.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "model/text_colors.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/stage_tree_view.h"
#include "ui/tree_filter_bar.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/recent_arns.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <cmath>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QWindow>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kConsoleLink =
    QStringLiteral("https://us-west-2.console.aws.amazon.com/ivs/home?region=us-west-2#/stages/"
                   "arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Astage%2FabcdABCDefgh");
const QString kThumbnails =
    QStringLiteral("autoParticipantRecordingConfiguration.thumbnailConfiguration");

// WCAG relative luminance and contrast ratio: 4.5 reads as body text, 3 as large text.
double luminance(const QColor &colour)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette dark(QColor(0xE8, 0xE8, 0xE8), QColor(0x2B, 0x2B, 0x2B));
    dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    dark.setColor(QPalette::ButtonText, QColor(0xEE, 0xEE, 0xEE));
    return dark;
}

// The mean colour of the pixels an icon draws (those nearly opaque).
QColor inkOf(const QIcon &icon)
{
    const QImage image =
        icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 red = 0, green = 0, blue = 0, count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 224)
                continue;
            red += pixel.red();
            green += pixel.green();
            blue += pixel.blue();
            ++count;
        }
    }
    return count ? QColor(int(red / count), int(green / count), int(blue / count)) : QColor();
}

QStringList menuShortcuts(QMenuBar *bar)
{
    QStringList shortcuts;
    const auto menus = bar->actions();
    for (QAction *menuAction : menus) {
        if (!menuAction->menu())
            continue;
        const auto actions = menuAction->menu()->actions();
        for (QAction *action : actions) {
            if (!action->shortcut().isEmpty())
                shortcuts.append(action->shortcut().toString(QKeySequence::PortableText));
        }
    }
    return shortcuts;
}

} // namespace

// The window's everyday comforts on the built-in demo endpoint: recent ARNs that survive a
// restart, paste and drop of ARNs and console links, the shortcuts, the tree filter, the layout
// kept for the next start, and colours that follow the palette.
class TestWindowComforts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recentArnsAreCappedNewestFirstWithoutDuplicates();
    void recentArnsSurviveANewWindowUntilCleared();
    void pastingAConsoleLinkOnTheTreeLooksTheStageUp();
    void pastingInATextFieldStaysAPaste();
    void quotedArnIsLookedUpAndShownWithoutItsQuotes();
    void pastingTextWithoutAnArnSaysSoAndKeepsTheTypedArn();
    void droppingALinkOnTheWindowLooksTheStageUp();
    void ctrlLFocusesTheArnFieldWithItsTextSelected();
    void f5RefreshesAndIsOnTheToolbar();
    void shortcutsAreListedInTheMenus();
    void ctrlShiftCCopiesTheSubtreeAsJson();
    void ctrlFFilterHidesRowsAndEscapeRestoresThem();
    void layoutAndColumnWidthsSurviveANewWindow();
    void coloursFollowADarkPalette();
    void toolbarIconsAreSharpAtDoubleScale();
    void iconsAreDrawnAgainWhenThePaletteChanges();

private:
    void openWindow();
    void closeWindow(); // as the user does: the layout is saved
    void showStage(const QString &arn, const QString &name);
    QModelIndex row(const QString &path) const;
    bool isShown(const QString &path) const;

    QTemporaryDir m_home;
    QPalette m_startPalette;
    testsupport::WindowRig m_rig;
    QStringList m_questions;
};

void TestWindowComforts::initTestCase()
{
    // The window reads and writes settings: never the user's own.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
    m_startPalette = QApplication::palette();
    // No desktop icon theme: the app's own drawings are under test, on any machine.
    QIcon::setThemeSearchPaths({});
}

void TestWindowComforts::init()
{
    QSettings().clear();
    openWindow();
}

void TestWindowComforts::openWindow()
{
    QString error;
    m_rig.backend = testsupport::WindowRig::demoBackend(&error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_questions.clear();
    m_rig.window->setDiscardConfirmer([this](const QString &question) {
        m_questions.append(question);
        return true;
    });
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
}

void TestWindowComforts::closeWindow()
{
    QVERIFY(m_rig.window->close());
    cleanup();
}

void TestWindowComforts::cleanup()
{
    m_rig.reset();
    QApplication::setPalette(m_startPalette);
}

void TestWindowComforts::showStage(const QString &arn, const QString &name)
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->setText(arn);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        name);
}

QModelIndex TestWindowComforts::row(const QString &path) const
{
    return m_rig.model->indexForPath(path);
}

bool TestWindowComforts::isShown(const QString &path) const
{
    ui::StageTreeView *tree = m_rig.window->treeView();
    for (QModelIndex index = row(path); index.isValid(); index = index.parent()) {
        if (tree->isRowHidden(index.row(), index.parent()))
            return false;
    }
    return row(path).isValid();
}

void TestWindowComforts::recentArnsAreCappedNewestFirstWithoutDuplicates()
{
    QSettings settings;
    workspace::RecentArns recent(settings);
    QStringList expected;
    for (int i = 0; i < workspace::RecentArns::kMaxCount + 3; ++i) {
        const QString arn =
            QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/stage%1").arg(i);
        recent.remember(arn);
        expected.prepend(arn);
    }
    expected = expected.mid(0, workspace::RecentArns::kMaxCount);
    QCOMPARE(recent.arns(), expected);
    // Again: to the front, not twice.
    const QString again = expected.at(4);
    const QStringList now = recent.remember(again);
    QCOMPARE(now.size(), workspace::RecentArns::kMaxCount);
    QCOMPARE(now.constFirst(), again);
    QCOMPARE(now.count(again), 1);
    // What is not a stage ARN (a settings file edited by hand) is not offered.
    settings.setValue(QStringLiteral("recentStageArns"),
                      QStringList{QStringLiteral("junk"), kOlderDemoArn, kOlderDemoArn});
    QCOMPARE(recent.arns(), QStringList{kOlderDemoArn});
}

void TestWindowComforts::recentArnsSurviveANewWindowUntilCleared()
{
    QVERIFY(m_rig.window->arnInput()->recentArns().isEmpty());
    showStage(kDefaultsDemoArn, QStringLiteral("podcast-room"));
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QCOMPARE(m_rig.window->arnInput()->recentArns(),
             (QStringList{kFullyConfiguredDemoArn, kDefaultsDemoArn}));

    // Not even closed as the user would: a crash must not lose them either.
    cleanup();
    openWindow();
    QCOMPARE(m_rig.window->arnInput()->recentArns(),
             (QStringList{kFullyConfiguredDemoArn, kDefaultsDemoArn}));
    QCOMPARE(m_rig.window->arnInput()->knownArns().constFirst(), kFullyConfiguredDemoArn);
    // The completer offers them as well.
    m_rig.window->arnInput()->lineEdit()->completer()->setCompletionPrefix(QStringLiteral("Qx7Rk"));
    QCOMPARE(m_rig.window->arnInput()->lineEdit()->completer()->currentCompletion(),
             kDefaultsDemoArn);

    QAction *clear = m_rig.window->arnInput()->arnMenu()->findChild<QAction *>(
        QStringLiteral("clearRecentArns"));
    QVERIFY(clear);
    QVERIFY(m_rig.window->arnInput()->arnMenu()->actions().contains(clear));
    clear->trigger();
    QTRY_VERIFY(m_rig.window->arnInput()->recentArns().isEmpty());
    cleanup();
    openWindow();
    QVERIFY(m_rig.window->arnInput()->recentArns().isEmpty());
    const auto actions = m_rig.window->arnInput()->arnMenu()->actions();
    for (const QAction *action : actions)
        QVERIFY(action->objectName() != QLatin1String("clearRecentArns"));
}

void TestWindowComforts::pastingAConsoleLinkOnTheTreeLooksTheStageUp()
{
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    QVERIFY(tree->hasFocus());
    QApplication::clipboard()->setText(kConsoleLink);
    QTest::keyClick(tree, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_rig.window->arnInput()->text(), kFullyConfiguredDemoArn);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("studio-main"));

    // From the Edit menu too, and through the same question when edits are pending.
    QVERIFY(m_rig.model->setData(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn),
        QStringLiteral("renamed")));
    QApplication::clipboard()->setText(QStringLiteral("  \"") + kOlderDemoArn +
                                       QStringLiteral("\"\n"));
    m_rig.window->pasteArnAction()->trigger();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.constFirst().startsWith(QLatin1String("Look up another stage")),
             qPrintable(m_questions.constFirst()));
    QCOMPARE(m_rig.window->arnInput()->text(), kOlderDemoArn);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("town-hall"));
}

void TestWindowComforts::pastingInATextFieldStaysAPaste()
{
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->clear();
    edit->setFocus();
    QApplication::clipboard()->setText(kConsoleLink);
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(edit->text(), kConsoleLink); // pasted as is: the user may want to edit it
    // A lookup queued by the paste would have started by now.
    QVERIFY(drainPostedEvents());
    QCOMPARE(started.count(), 0);
    QVERIFY(m_rig.window->banner()->isHidden());
    // Enter looks up the ARN the link holds.
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->text(), kFullyConfiguredDemoArn);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("studio-main"));
}

void TestWindowComforts::quotedArnIsLookedUpAndShownWithoutItsQuotes()
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->clear();
    edit->setFocus();
    // As copied from a shell line or a JSON value, quotes and all.
    QApplication::clipboard()->setText(QStringLiteral(" '\"%1\"' ").arg(kFullyConfiguredDemoArn));
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(edit->text().contains(QLatin1Char('"')));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(edit->text(), kFullyConfiguredDemoArn);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("studio-main"));
    QCOMPARE(m_rig.browser->shownArn(), kFullyConfiguredDemoArn);
}

void TestWindowComforts::pastingTextWithoutAnArnSaysSoAndKeepsTheTypedArn()
{
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    const QString typed = QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:stage/Qx7R");
    m_rig.window->arnInput()->setText(typed);
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);

    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    QApplication::clipboard()->setText(QStringLiteral("meeting notes: stage goes live at 9"));
    QTest::keyClick(tree, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(!m_rig.window->banner()->isHidden());
    const QString message = m_rig.window->banner()->text();
    QVERIFY2(message.contains(QLatin1String("No stage ARN found")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("arn:aws:ivs:us-west-2:123456789012:stage/")),
             qPrintable(message)); // what was expected
    QCOMPARE(m_rig.window->arnInput()->text(), typed);
    QCOMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("studio-main"));

    // A channel ARN is named as such.
    QApplication::clipboard()->setText(
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abcd"));
    QTest::keyClick(tree, Qt::Key_V, Qt::ControlModifier);
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("channel")),
             qPrintable(m_rig.window->banner()->text()));
    QCOMPARE(m_rig.window->arnInput()->text(), typed);
    QVERIFY(drainPostedEvents()); // a lookup queued by either paste would have started by now
    QCOMPARE(started.count(), 0);
}

void TestWindowComforts::droppingALinkOnTheWindowLooksTheStageUp()
{
    // Through the window's platform window, as a real drag arrives, over the tree.
    QWidget *viewport = m_rig.window->treeView()->viewport();
    const QPoint at = viewport->mapTo(m_rig.window.get(), viewport->rect().center());
    QWindow *window = m_rig.window->windowHandle();
    QVERIFY(window);

    auto dropped = [&](QMimeData *mime) {
        QDragEnterEvent enter(at, Qt::CopyAction | Qt::LinkAction, mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent drop(at, Qt::CopyAction | Qt::LinkAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window, &drop);
        return drop.isAccepted();
    };

    QMimeData link;
    link.setUrls({QUrl(kConsoleLink)});
    QVERIFY(dropped(&link));
    QTRY_COMPARE(m_rig.window->arnInput()->text(), kFullyConfiguredDemoArn);
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("studio-main"));

    QMimeData text;
    text.setText(QStringLiteral("stage: ") + kDefaultsDemoArn);
    QVERIFY(dropped(&text));
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("podcast-room"));
    QCOMPARE(m_rig.window->arnInput()->text(), kDefaultsDemoArn);

    QMimeData nothing;
    nothing.setText(QStringLiteral("just words"));
    QVERIFY(dropped(&nothing));
    QTRY_VERIFY(!m_rig.window->banner()->isHidden());
    QVERIFY(m_rig.window->banner()->text().contains(QLatin1String("No stage ARN found")));
    QCOMPARE(m_rig.window->arnInput()->text(), kDefaultsDemoArn);
}

void TestWindowComforts::ctrlLFocusesTheArnFieldWithItsTextSelected()
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->setText(kOlderDemoArn);
    edit->deselect();
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    QVERIFY(!edit->hasFocus());
    QTest::keyClick(tree, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(edit->hasFocus());
    QCOMPARE(edit->selectedText(), kOlderDemoArn);
}

void TestWindowComforts::f5RefreshesAndIsOnTheToolbar()
{
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F5);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.constFirst().constFirst().toString(), kFullyConfiguredDemoArn);

    bool onToolbar = false;
    const auto toolBars = m_rig.window->findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars) {
        QVERIFY2(!toolBar->objectName().isEmpty(), "needed to restore the toolbars");
        if (toolBar->actions().contains(m_rig.window->reloadAction()))
            onToolbar = true;
    }
    QVERIFY(onToolbar);
    QCOMPARE(m_rig.window->reloadAction()->iconText(), QStringLiteral("Refresh"));

    // Get looks up what the field holds.
    QTRY_VERIFY(!m_rig.browser->isBusy());
    m_rig.window->arnInput()->setText(kOlderDemoArn);
    m_rig.window->getAction()->trigger();
    QTRY_COMPARE(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn).data().toString(),
        QStringLiteral("town-hall"));
}

void TestWindowComforts::shortcutsAreListedInTheMenus()
{
    const QStringList shortcuts = menuShortcuts(m_rig.window->menuBar());
    for (const QString &key :
         {QStringLiteral("Ctrl+L"), QStringLiteral("F5"), QStringLiteral("Ctrl+C"),
          QStringLiteral("Ctrl+Shift+C"), QStringLiteral("Ctrl+V"), QStringLiteral("Ctrl+F"),
          QStringLiteral("Ctrl+Shift+O")})
        QVERIFY2(shortcuts.contains(key), qPrintable(key + QStringLiteral(" not in ") +
                                                     shortcuts.join(QStringLiteral(", "))));
}

void TestWindowComforts::ctrlShiftCCopiesTheSubtreeAsJson()
{
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    tree->setCurrentIndex(row(kThumbnails).siblingAtColumn(StageTreeModel::ValueColumn));
    QApplication::clipboard()->clear();
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QJsonParseError error;
    const QJsonDocument copied =
        QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8(), &error);
    QVERIFY2(copied.isObject(), qPrintable(error.errorString()));
    const QJsonObject thumbnails =
        copied.object().value(QStringLiteral("thumbnailConfiguration")).toObject();
    QCOMPARE(thumbnails.value(QStringLiteral("recordingMode")).toString(),
             QStringLiteral("INTERVAL"));
    QCOMPARE(thumbnails.value(QStringLiteral("targetIntervalSeconds")).toInt(), 30);
    QCOMPARE(thumbnails.value(QStringLiteral("storage")).toArray().size(), 2);

    // A leaf is named too, and a pending edit is what is copied.
    const QModelIndex name = row(QStringLiteral("name"));
    QVERIFY(m_rig.model->setData(name.siblingAtColumn(StageTreeModel::ValueColumn),
                                 QStringLiteral("studio-b")));
    tree->setCurrentIndex(name);
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("studio-b")}}));
}

void TestWindowComforts::ctrlFFilterHidesRowsAndEscapeRestoresThem()
{
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    ui::StageTreeView *tree = m_rig.window->treeView();
    ui::TreeFilterBar *filter = m_rig.window->treeFilterBar();
    QVERIFY(filter->isHidden());
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(filter->isVisible());
    QVERIFY(filter->lineEdit()->hasFocus());

    QTest::keyClicks(filter->lineEdit(), QStringLiteral("thumbnailconfig"));
    QVERIFY(isShown(kThumbnails));
    QVERIFY(isShown(QStringLiteral("autoParticipantRecordingConfiguration"))); // its ancestor
    QVERIFY(isShown(kThumbnails + QStringLiteral(".recordingMode")));          // its rows
    QVERIFY(isShown(kThumbnails + QStringLiteral(".targetIntervalSeconds")));
    QVERIFY(!isShown(QStringLiteral("name")));
    QVERIFY(!isShown(QStringLiteral("autoParticipantRecordingConfiguration.hlsConfiguration")));
    QVERIFY(!isShown(QStringLiteral("endpoints")));

    // Values match too; another stage is filtered the same way.
    filter->setText(QStringLiteral("morning live"));
    QVERIFY(isShown(QStringLiteral("tags")));
    QVERIFY(isShown(QStringLiteral("tags[\"show\"]")));
    QVERIFY(!isShown(QStringLiteral("tags[\"team\"]")));
    QVERIFY(!isShown(kThumbnails));
    filter->setText(QStringLiteral("town-hall"));
    showStage(kOlderDemoArn, QStringLiteral("town-hall"));
    QVERIFY(isShown(QStringLiteral("name")));
    QVERIFY(!isShown(QStringLiteral("tags")));

    QTest::keyClick(filter->lineEdit(), Qt::Key_Escape);
    QVERIFY(filter->isHidden());
    QVERIFY(filter->text().isEmpty());
    QVERIFY(tree->hasFocus());
    QVERIFY(isShown(QStringLiteral("tags")));
    QVERIFY(isShown(QStringLiteral("endpoints")));
}

void TestWindowComforts::layoutAndColumnWidthsSurviveANewWindow()
{
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    // The tree's own fitting to the stage is over: the column widths come back in a queued call.
    QVERIFY(drainPostedEvents());
    QHeaderView *header = m_rig.window->treeView()->header();
    const int fitted = header->sectionSize(StageTreeModel::ValueColumn);
    header->resizeSection(StageTreeModel::FieldColumn, 333); // as a drag of the divider does
    auto *sessions = m_rig.window->findChild<QDockWidget *>(QStringLiteral("sessionsDock"));
    QVERIFY(sessions);
    sessions->close();
    const QSize size = m_rig.window->size() - QSize(70, 40);
    m_rig.window->resize(size);
    QTRY_COMPARE(m_rig.window->size(), size);
    closeWindow();

    openWindow();
    QCOMPARE(m_rig.window->size(), size);
    sessions = m_rig.window->findChild<QDockWidget *>(QStringLiteral("sessionsDock"));
    QVERIFY(sessions->isHidden());
    QVERIFY(!m_rig.window->findChild<QDockWidget *>(QStringLiteral("checksDock"))->isHidden());
    header = m_rig.window->treeView()->header();
    // Kept over the tree's fitting of its columns to a new stage; the others still fit.
    showStage(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(drainPostedEvents());
    QCOMPARE(header->sectionSize(StageTreeModel::FieldColumn), 333);
    QCOMPARE(header->sectionSize(StageTreeModel::ValueColumn), fitted);
}

void TestWindowComforts::coloursFollowADarkPalette()
{
    showStage(kDefaultsDemoArn, QStringLiteral("podcast-room"));
    // A field the service left out, shown with its documented default in the secondary colour.
    const QString defaulted = QStringLiteral("autoParticipantRecordingConfiguration.mediaTypes");
    QVERIFY(row(defaulted).data(StageTreeModel::IsDefaultRole).toBool());
    auto foreground = [this](const QString &path) {
        return row(path)
            .siblingAtColumn(StageTreeModel::ValueColumn)
            .data(Qt::ForegroundRole)
            .value<QColor>();
    };
    const QColor lightSecondary = foreground(defaulted);
    QVERIFY(lightSecondary.isValid());

    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    const QColor base = dark.color(QPalette::Base);
    const QColor darkSecondary = foreground(defaulted);
    QVERIFY2(darkSecondary != lightSecondary, "the secondary colour follows the palette");
    QVERIFY2(contrast(darkSecondary, base) >= 3.0,
             qPrintable(QString::number(contrast(darkSecondary, base))));
    QVERIFY2(contrast(darkSecondary, base) < contrast(dark.color(QPalette::Text), base),
             "still reads as secondary");

    // A pending edit, in the tree and in the status bar.
    QVERIFY(m_rig.model->setData(
        row(QStringLiteral("name")).siblingAtColumn(StageTreeModel::ValueColumn),
        QStringLiteral("podcast-b")));
    const QColor edited = foreground(QStringLiteral("name"));
    QVERIFY2(contrast(edited, base) >= 4.5, qPrintable(QString::number(contrast(edited, base))));
    auto *pending = m_rig.window->findChild<QLabel *>(QStringLiteral("pendingLabel"));
    QVERIFY(pending && pending->isVisible());
    auto pendingContrast = [pending, &dark] {
        return contrast(pending->palette().color(QPalette::WindowText),
                        dark.color(QPalette::Window));
    };
    // The palette reaches the widgets through posted events.
    QTRY_VERIFY2(pendingContrast() >= 4.5, qPrintable(QString::number(pendingContrast())));

    // The banner: a tint of the dark background, with light text.
    m_rig.window->treeView()->setFocus();
    QApplication::clipboard()->setText(QStringLiteral("no arn"));
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_V, Qt::ControlModifier);
    ui::MessageBanner *banner = m_rig.window->banner();
    QVERIFY(!banner->isHidden());
    const QColor background = banner->palette().color(QPalette::Window);
    const QColor text = banner->findChild<QLabel *>(QStringLiteral("messageText"))
                            ->palette()
                            .color(QPalette::WindowText);
    QVERIFY2(background.lightness() < 96, qPrintable(background.name()));
    QVERIFY2(contrast(text, background) >= 7.0, qPrintable(text.name() + background.name()));

    // Back to light while it shows: it follows.
    QApplication::setPalette(m_startPalette);
    QTRY_VERIFY2(banner->palette().color(QPalette::Window).lightness() > 160,
                 qPrintable(banner->palette().color(QPalette::Window).name()));
    QCOMPARE(foreground(defaulted), lightSecondary);
    QTRY_COMPARE(pending->palette().color(QPalette::WindowText),
                 model::textColor(model::TextTone::Edited, m_startPalette));
}

void TestWindowComforts::toolbarIconsAreSharpAtDoubleScale()
{
    for (const QAction *action : {m_rig.window->reloadAction(), m_rig.window->filterAction()}) {
        const QIcon icon = action->icon();
        QVERIFY2(!icon.isNull(), qPrintable(action->text()));
        // A 16-pixel raster icon would come back 16 pixels wide, to be blown up and blurred.
        const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
        QVERIFY2(pixmap.width() >= 32, qPrintable(action->text()));
        QVERIFY2(icon.pixmap(QSize(24, 24), 2.0).width() >= 48, qPrintable(action->text()));
    }
}

void TestWindowComforts::iconsAreDrawnAgainWhenThePaletteChanges()
{
    QList<const QAction *> actions{m_rig.window->undoAction(), m_rig.window->redoAction(),
                                   m_rig.window->reloadAction(), m_rig.window->filterAction()};
    const QList<QAction *> inField = m_rig.window->treeFilterBar()->lineEdit()->actions();
    QVERIFY(!inField.isEmpty());
    actions.append(inField.constFirst());
    for (const QAction *action : std::as_const(actions)) {
        const QColor ink = inkOf(action->icon());
        QVERIFY2(ink.isValid() && ink.lightness() < 100,
                 qPrintable(action->objectName() + QLatin1Char(' ') + ink.name()));
    }

    QApplication::setPalette(darkPalette()); // as when the desktop switches to dark
    for (const QAction *action : std::as_const(actions))
        QTRY_VERIFY2(
            inkOf(action->icon()).lightness() > 200,
            qPrintable(action->objectName() + QLatin1Char(' ') + inkOf(action->icon()).name()));
}

QTEST_MAIN(TestWindowComforts)
#include "tst_window_comforts.moc"
