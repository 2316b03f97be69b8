// The window at small sizes: the tree keeps at least half the room beside and above the docks
// (when the window shrinks and when a squeezed arrangement is restored), the toolbars wrap
// rather than hide actions in their overflow menu, and the ARN field keeps clear of its buttons.

#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

class TestWindowFit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void treeKeepsItsRoomWhenTheWindowShrinks_data();
    void treeKeepsItsRoomWhenTheWindowShrinks();
    void aRestoredArrangementThatSqueezedTheTreeIsFitted();

private:
    void openWindow();
    void showStage();
    QDockWidget *dock(const char *name) const
    {
        return m_rig.window->findChild<QDockWidget *>(QString::fromLatin1(name));
    }
    // The tree's share of the room beside the stage list and above the bottom docks.
    bool treeHasHalf() const;
    QStringList hiddenToolbarActions() const;
    QString sizes() const
    {
        const QWidget *central = m_rig.window->centralWidget();
        return QStringLiteral("tree %1x%2, stage list %3 wide, bottom docks %4 high")
            .arg(central->width())
            .arg(central->height())
            .arg(dock("stagesDock")->width())
            .arg(dock("checksDock")->height());
    }

    QTemporaryDir m_home;
    testsupport::WindowRig m_rig;
};

void TestWindowFit::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestWindowFit::init()
{
    QSettings().clear();
    openWindow();
}

void TestWindowFit::cleanup()
{
    m_rig.reset();
}

void TestWindowFit::openWindow()
{
    QString error;
    m_rig.backend = testsupport::WindowRig::demoBackend(&error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestWindowFit::showStage()
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->setText(testsupport::kOlderDemoArn);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(m_rig.model->indexForPath(QStringLiteral("name"))
                     .siblingAtColumn(model::StageTreeModel::ValueColumn)
                     .data()
                     .toString(),
                 QStringLiteral("town-hall"));
}

bool TestWindowFit::treeHasHalf() const
{
    const QWidget *central = m_rig.window->centralWidget();
    const QDockWidget *stages = dock("stagesDock");
    const QDockWidget *checks = dock("checksDock");
    const bool across = central->width() * 2 >= central->width() + stages->width();
    const bool down = central->height() * 2 >= central->height() + checks->height();
    return across && down;
}

QStringList TestWindowFit::hiddenToolbarActions() const
{
    QStringList hidden;
    const auto toolBars = m_rig.window->findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars) {
        const auto actions = toolBar->actions();
        for (QAction *action : actions) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QWidget *widget = toolBar->widgetForAction(action);
            if (!widget || !widget->isVisible())
                hidden.append(action->text().isEmpty() ? action->objectName() : action->text());
        }
    }
    return hidden;
}

void TestWindowFit::treeKeepsItsRoomWhenTheWindowShrinks_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("900x600") << QSize(900, 600);
    QTest::newRow("640x480") << QSize(640, 480);
}

void TestWindowFit::treeKeepsItsRoomWhenTheWindowShrinks()
{
    QFETCH(QSize, size);
    m_rig.window->resize(1400, 950);
    showStage();
    QTRY_VERIFY2(treeHasHalf(), qPrintable(sizes()));
    m_rig.window->resize(size);
    QTRY_COMPARE(m_rig.window->size(), size);
    QTRY_VERIFY2(treeHasHalf(), qPrintable(sizes()));
    // Every toolbar action is on a toolbar, none in an overflow menu (Apply and Revert above all).
    QTRY_VERIFY2(hiddenToolbarActions().isEmpty(),
                 qPrintable(hiddenToolbarActions().join(QStringLiteral(", "))));
    QVERIFY(m_rig.window->applyAction());
    // The ARN field and its buttons do not overlap.
    const ui::ArnInput *arn = m_rig.window->arnInput();
    const QRect field = arn->lineEdit()->geometry();
    const auto buttons = arn->findChildren<QAbstractButton *>(Qt::FindDirectChildrenOnly);
    QVERIFY(!buttons.isEmpty());
    for (const QAbstractButton *button : buttons)
        QVERIFY2(!field.intersects(button->geometry()), qPrintable(button->text()));
}

void TestWindowFit::aRestoredArrangementThatSqueezedTheTreeIsFitted()
{
    m_rig.window->resize(1400, 950);
    QTRY_COMPARE(m_rig.window->size(), QSize(1400, 950));
    // The user makes the Checks tall and the stage list wide, then leaves.
    m_rig.window->resizeDocks({dock("checksDock")}, {700}, Qt::Vertical);
    m_rig.window->resizeDocks({dock("stagesDock")}, {1000}, Qt::Horizontal);
    QTRY_VERIFY(dock("checksDock")->height() > 600);
    QVERIFY(m_rig.window->close());
    m_rig.reset();

    openWindow();
    QTRY_VERIFY2(treeHasHalf(), qPrintable(sizes()));
    m_rig.window->resize(900, 600);
    QTRY_VERIFY2(treeHasHalf(), qPrintable(sizes()));
}

QTEST_MAIN(TestWindowFit)
#include "tst_window_fit.moc"
