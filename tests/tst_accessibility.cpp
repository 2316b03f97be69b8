#include "identity/app_identity.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/window_rig.h"
#include "ui/about_dialog.h"
#include "ui/arn_input.h"
#include "ui/checks_panel.h"
#include "ui/connection_bar.h"
#include "ui/import_profiles_dialog.h"
#include "ui/main_window.h"
#include "ui/profile_form_dialog.h"
#include "ui/profiles_dialog.h"
#include "ui/publish_dialog.h"
#include "ui/review_dialog.h"
#include "ui/sessions_panel.h"
#include "ui/stage_list_panel.h"
#include "ui/stage_tree_view.h"
#include "ui/tag_dialog.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using model::StageTreeModel;
using namespace testsupport;

namespace {

// Class, object name and the named ancestors, enough to find the widget in the code.
QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QObject *object = widget; object; object = object->parent()) {
        if (!object->objectName().isEmpty() || object == widget)
            path.prepend(QStringLiteral("%1(%2)").arg(
                QString::fromLatin1(object->metaObject()->className()), object->objectName()));
        if (object->isWidgetType() && static_cast<const QWidget *>(object)->isWindow())
            break;
    }
    return path.join(QStringLiteral(" > "));
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *face = QAccessible::queryAccessibleInterface(widget);
    return face ? face->text(QAccessible::Name).trimmed() : QString();
}

// Every widget of `window` that can take the keyboard focus, shown or not. A widget whose focus
// goes to a proxy is left out: the proxy is what the keyboard reaches, and it is checked.
QList<QWidget *> focusableWidgets(QWidget *window)
{
    QList<QWidget *> found;
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *widget : std::as_const(widgets)) {
        if (widget->window() != window || widget->focusPolicy() == Qt::NoFocus ||
            widget->focusProxy())
            continue;
        found.append(widget);
    }
    return found;
}

QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    const auto widgets = focusableWidgets(window);
    for (QWidget *widget : widgets) {
        if (accessibleName(widget).isEmpty())
            unnamed.append(describe(widget));
    }
    return unnamed;
}

#define VERIFY_ALL_NAMED(window)                                                                   \
    do {                                                                                           \
        QVERIFY(window);                                                                           \
        QVERIFY(!focusableWidgets(window).isEmpty());                                              \
        const QStringList unnamed = unnamedControls(window);                                       \
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("without an accessible name:\n  ") + \
                                               unnamed.join(QStringLiteral("\n  "))));             \
    } while (false)

QAction *actionNamed(QWidget *window, const QString &name)
{
    const auto actions = window->findChildren<QAction *>(name);
    return actions.isEmpty() ? nullptr : actions.constFirst();
}

bool isInside(const QWidget *widget, const QWidget *container)
{
    return widget && (widget == container || container->isAncestorOf(widget));
}

} // namespace

// Each control a keyboard can reach tells a screen reader what it is, in the window, its panels,
// the editors in the tree and every dialog the window opens; the panels are reachable from the
// keyboard; the About dialog names the app's version and every licence.
class TestAccessibility : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mainWindowControlsAreNamed();
    void treeEditorsAreNamed();
    void dialogsControlsAreNamed();
    void profileDialogsControlsAreNamed();
    void panelsAreReachableFromTheKeyboard();
    void tabVisitsEveryPanel();
    void aboutDialogShowsVersionAndLicenses();

private:
    void showStage(const QString &arn);

    QTemporaryDir m_home;
    testsupport::WindowRig m_rig;
};

void TestAccessibility::initTestCase()
{
    // The window reads and writes settings: never the user's own.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestAccessibility::init()
{
    QString error;
    m_rig.backend = testsupport::WindowRig::demoBackend(&error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestAccessibility::cleanup()
{
    m_rig.window.reset();
    m_rig.reset();
}

void TestAccessibility::showStage(const QString &arn)
{
    m_rig.window->arnInput()->setText(arn);
    m_rig.browser->lookUp(arn);
    QTRY_VERIFY(m_rig.document->stage().has_value());
    QTRY_VERIFY(!m_rig.inspector->isChecking());
}

void TestAccessibility::mainWindowControlsAreNamed()
{
    VERIFY_ALL_NAMED(m_rig.window.get());
    // With a stage shown: the tree's copy buttons, the filled panels.
    showStage(kFullyConfiguredDemoArn);
    VERIFY_ALL_NAMED(m_rig.window.get());
}

void TestAccessibility::treeEditorsAreNamed()
{
    showStage(kFullyConfiguredDemoArn);
    ui::StageTreeView *tree = m_rig.window->treeView();
    QAbstractItemDelegate *delegate = tree->itemDelegateForColumn(StageTreeModel::ValueColumn);
    QVERIFY(delegate);
    // Every editable value, whatever its editor.
    QList<QModelIndex> pending{QModelIndex()};
    int editors = 0;
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeFirst();
        for (int row = 0; row < m_rig.model->rowCount(parent); ++row) {
            const QModelIndex field = m_rig.model->index(row, StageTreeModel::FieldColumn, parent);
            pending.append(field);
            const QModelIndex value = field.siblingAtColumn(StageTreeModel::ValueColumn);
            if (!value.data(StageTreeModel::IsEditableRole).toBool())
                continue;
            tree->setCurrentIndex(value);
            tree->edit(value);
            QWidget *editor = tree->indexWidget(value);
            QVERIFY2(editor, qPrintable(field.data(StageTreeModel::FieldPathRole).toString()));
            ++editors;
            QList<QWidget *> controls = editor->findChildren<QWidget *>();
            controls.prepend(editor);
            for (QWidget *control : std::as_const(controls)) {
                // A combo box's list pops up in a window of its own, which Qt names.
                if (control->focusPolicy() == Qt::NoFocus || control->focusProxy() ||
                    control->window() != m_rig.window.get())
                    continue;
                QVERIFY2(!accessibleName(control).isEmpty(),
                         qPrintable(describe(control) + QStringLiteral(" editing ") +
                                    field.data(StageTreeModel::FieldPathRole).toString()));
            }
            emit delegate->closeEditor(editor, QAbstractItemDelegate::NoHint);
        }
    }
    QVERIFY2(editors >= 5, "text, choice, number, storage and multi-choice editors");
}

void TestAccessibility::dialogsControlsAreNamed()
{
    showStage(kFullyConfiguredDemoArn);

    QPointer<ui::PublishDialog> publish = m_rig.window->openPublishDialog();
    VERIFY_ALL_NAMED(publish.data());
    publish->close();

    QPointer<ui::TagDialog> add = m_rig.window->openAddTag();
    VERIFY_ALL_NAMED(add.data());
    add->reject();
    QPointer<ui::TagDialog> rename = m_rig.window->openRenameTag(QStringLiteral("show"));
    VERIFY_ALL_NAMED(rename.data());
    rename->reject();

    QVERIFY(m_rig.model->setData(m_rig.model->indexForPath(QStringLiteral("name"))
                                     .siblingAtColumn(StageTreeModel::ValueColumn),
                                 QStringLiteral("studio-renamed"), Qt::EditRole));
    QPointer<ui::ReviewDialog> review = m_rig.window->openReview();
    VERIFY_ALL_NAMED(review.data());
    review->reject();

    QAction *about = actionNamed(m_rig.window.get(), QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    QPointer<ui::AboutDialog> aboutDialog = m_rig.window->findChild<ui::AboutDialog *>();
    VERIFY_ALL_NAMED(aboutDialog.data());
    aboutDialog->close();
}

void TestAccessibility::profileDialogsControlsAreNamed()
{
    QPointer<ui::ProfilesDialog> profiles = m_rig.window->openProfilesDialog();
    VERIFY_ALL_NAMED(profiles.data());

    auto *add = profiles->findChild<QPushButton *>(QStringLiteral("addButton"));
    QVERIFY(add);
    add->click();
    QPointer<ui::ProfileFormDialog> form = profiles->findChild<ui::ProfileFormDialog *>();
    VERIFY_ALL_NAMED(form.data());
    form->reject();

    auto *import = profiles->findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(import);
    import->click();
    QPointer<ui::ImportProfilesDialog> importDialog =
        profiles->findChild<ui::ImportProfilesDialog *>();
    VERIFY_ALL_NAMED(importDialog.data());
    importDialog->reject();
    profiles->reject();
}

void TestAccessibility::panelsAreReachableFromTheKeyboard()
{
    showStage(kFullyConfiguredDemoArn);
    QApplication::setActiveWindow(m_rig.window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));

    struct Target {
        const char *action;
        QWidget *panel;
    };
    const Target targets[] = {
        {"focusTreeAction", m_rig.window->treeView()},
        {"focusStagesAction", m_rig.window->stageListPanel()},
        {"focusChecksAction", m_rig.window->checksPanel()},
        {"focusSessionsAction", m_rig.window->sessionsPanel()},
    };
    for (const Target &target : targets) {
        QAction *action = actionNamed(m_rig.window.get(), QString::fromLatin1(target.action));
        QVERIFY2(action, target.action);
        QVERIFY2(!action->shortcut().isEmpty(), target.action);
        // Closed docks come back when asked for.
        if (auto *dock = qobject_cast<QDockWidget *>(target.panel->parentWidget()))
            dock->close();
        QTest::keySequence(m_rig.window.get(), action->shortcut());
        QTRY_VERIFY2(
            isInside(QApplication::focusWidget(), target.panel),
            qPrintable(QStringLiteral("%1 left the focus on %2")
                           .arg(QString::fromLatin1(target.action),
                                QApplication::focusWidget() ? describe(QApplication::focusWidget())
                                                            : QStringLiteral("nothing"))));
        QVERIFY(target.panel->isVisible());
        // Listed in the View menu, so the shortcut can be found.
        bool listed = false;
        const auto menus = m_rig.window->menuBar()->findChildren<QMenu *>();
        for (const QMenu *menu : menus)
            listed = listed || menu->actions().contains(action);
        QVERIFY2(listed, target.action);
    }
}

void TestAccessibility::tabVisitsEveryPanel()
{
    showStage(kFullyConfiguredDemoArn);
    QApplication::setActiveWindow(m_rig.window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
    m_rig.window->arnInput()->focusInput();
    QWidget *start = QApplication::focusWidget();
    QVERIFY(start);

    QList<QWidget *> visited{start};
    for (int step = 0; step < 200; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now || now == start)
            break;
        visited.append(now);
    }
    QCOMPARE(QApplication::focusWidget(), start); // a cycle, not a trap

    // In the order they are laid out: the copy buttons in the tree's rows right after the tree.
    const auto tree = std::find(visited.begin(), visited.end(), m_rig.window->treeView());
    QVERIFY(tree != visited.end());
    const auto copyButtons = m_rig.window->treeView()->viewport()->findChildren<QToolButton *>();
    QVERIFY(!copyButtons.isEmpty());
    for (qsizetype i = 0; i < copyButtons.size(); ++i) {
        QVERIFY(tree + 1 + i != visited.end());
        QCOMPARE(*(tree + 1 + i), copyButtons.at(i));
    }

    const QList<const QWidget *> panels{m_rig.window->treeView(), m_rig.window->stageListPanel(),
                                        m_rig.window->checksPanel(), m_rig.window->sessionsPanel(),
                                        m_rig.window->connectionBar()};
    for (const QWidget *panel : panels) {
        const bool reached = std::any_of(visited.begin(), visited.end(),
                                         [panel](const QWidget *w) { return isInside(w, panel); });
        QVERIFY2(reached, qPrintable(describe(panel)));
    }
}

void TestAccessibility::aboutDialogShowsVersionAndLicenses()
{
    QAction *about = actionNamed(m_rig.window.get(), QStringLiteral("aboutAction"));
    QVERIFY(about);
    QCOMPARE(about->menuRole(), QAction::AboutRole);
    QVERIFY(actionNamed(m_rig.window.get(), QStringLiteral("aboutQtAction")));
    about->trigger();
    QPointer<ui::AboutDialog> dialog = m_rig.window->findChild<ui::AboutDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // Asked again, the open one comes forward.
    about->trigger();
    QCOMPARE(m_rig.window->findChildren<ui::AboutDialog *>().size(), 1);

    QStringList labels;
    const auto labelWidgets = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labelWidgets)
        labels.append(label->text());
    const QString shown = labels.join(QLatin1Char('\n'));
    QVERIFY2(shown.contains(identity::version()), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("Apache License")), qPrintable(shown));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("aboutIcon"))->pixmap().width() > 0);

    QTabWidget *tabs = dialog->licenseTabs();
    QMap<QString, QString> texts; // tab title → text
    for (int i = 0; i < tabs->count(); ++i) {
        auto *view = qobject_cast<QPlainTextEdit *>(tabs->widget(i));
        QVERIFY(view);
        texts.insert(tabs->tabText(i), view->toPlainText());
    }
    auto textOf = [&texts](const QString &start) {
        for (auto it = texts.cbegin(); it != texts.cend(); ++it)
            if (it.key().startsWith(start))
                return it.value();
        return QString();
    };
    const QString app =
        textOf(QStringLiteral("IVS Stage Browser %1 (Apache-2.0)").arg(identity::version()));
    QVERIFY2(app.contains(QLatin1String("Apache License")) &&
                 app.contains(QLatin1String("TERMS AND CONDITIONS FOR USE")),
             qPrintable(texts.keys().join(QLatin1Char(','))));
    const QString qt =
        textOf(QStringLiteral("Qt %1 (LGPL-3.0)").arg(QString::fromLatin1(qVersion())));
    QVERIFY(qt.contains(QLatin1String("GNU LESSER GENERAL PUBLIC LICENSE")));
    QVERIFY(qt.contains(QLatin1String("GNU GENERAL PUBLIC LICENSE")));
    // The demo endpoint is served by the app's own code: no GPL-only Qt module is linked.
    QVERIFY(textOf(QStringLiteral("Qt HTTP Server")).isEmpty());
    const QString keychain = textOf(QStringLiteral("QtKeychain"));
    QVERIFY(keychain.contains(QLatin1String("Frank Osterfeld")));
    QVERIFY(keychain.contains(QLatin1String("Redistribution and use in source and binary forms")));
    dialog->close();
    QTRY_VERIFY(!dialog);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
