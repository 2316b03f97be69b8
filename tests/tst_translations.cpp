#include "i18n/translations.h"
#include "ivs/stage_arn.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/connection_bar.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/profiles_dialog.h"
#include "ui/publish_dialog.h"
#include "ui/tag_dialog.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <algorithm>
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace testsupport;

namespace {

// The demo connection and the real window on it, with the publishing dialog's controller.
struct DemoWindow {
    WindowRig rig;
    ui::MainWindow *window = nullptr;

    bool open()
    {
        QString error;
        rig.backend = WindowRig::demoBackend(&error);
        if (!rig.backend)
            return false;
        rig.assemble();
        window = rig.window.get();
        window->show();
        return QTest::qWaitForWindowExposed(window);
    }

    ~DemoWindow()
    {
        rig.reset(); // the window first, then the workspace it shows
    }

    void lookUp(const QString &arn)
    {
        QLineEdit *edit = window->arnInput()->lineEdit();
        edit->clear();
        QTest::keyClicks(edit, arn);
        QTest::keyClick(edit, Qt::Key_Return);
    }
};

// The letter of each "&x" accelerator in text ("&&" is a literal ampersand).
QString accelerator(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&([^&\\s])"));
    return pattern.match(text).captured(1).toLower();
}

// Alt+letter reaches every accelerator shown in a window at once: none may be given twice.
QStringList acceleratorClashes(const QString &where, const QStringList &texts)
{
    QMultiHash<QString, QString> byLetter;
    for (const QString &text : texts) {
        const QString letter = accelerator(text);
        if (!letter.isEmpty())
            byLetter.insert(letter, text);
    }
    QStringList clashes;
    for (const QString &letter : byLetter.uniqueKeys()) {
        if (byLetter.count(letter) > 1)
            clashes.append(
                QStringLiteral("%1: Alt+%2 is %3")
                    .arg(where, letter, byLetter.values(letter).join(QLatin1String(", "))));
    }
    return clashes;
}

// The texts of the labels (with a buddy), buttons and tabs a user sees in window now.
QStringList shownAcceleratorTexts(const QWidget *window)
{
    QStringList texts;
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            texts.append(label->text());
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            texts.append(button->text());
    }
    for (const QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            texts.append(tabs->tabText(i));
    }
    return texts;
}

// Environment variables that choose the language, and their values.
using Locale = QHash<QString, QString>;

} // namespace

// German selected by the locale, as a user gets it: the app's own strings from app/ and ui/, and
// Qt's, in the window and on the command line; output for programs stays as it is.
class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void languagesWithoutATranslationLoadNothing();
    void windowSpeaksGerman();
    void coreMessagesAreGerman();
    void acceleratorsAreUniqueWhereTheyMeet();
    void toolbarsFitTheNarrowestWindow();
    void commandLineFollowsTheLocale_data();
    void commandLineFollowsTheLocale();
    void outputForProgramsIgnoresTheLocale();

private:
    Run runBinary(const QStringList &arguments, const Locale &locale) const;

    QTemporaryDir m_home;
    QStringList m_loaded;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));

    // What LANG=de_DE.UTF-8 makes QLocale() answer, without depending on the test's environment.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_loaded = i18n::installTranslations(*QCoreApplication::instance());
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QCOMPARE(m_loaded, (QStringList{QStringLiteral(":/i18n/ivs_core_de.qm"),
                                    QStringLiteral(":/i18n/ivs_ui_de.qm"),
                                    qtTranslations + QStringLiteral("/qtbase_de.qm")}));
}

void TestTranslations::languagesWithoutATranslationLoadNothing()
{
    auto &app = *QCoreApplication::instance();
    QVERIFY(
        i18n::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates)).isEmpty());
    // Qt has French; the app has not. Qt's French buttons around English text would be worse.
    QVERIFY(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                          QStringLiteral("/qtbase_fr.qm")));
    QVERIFY(i18n::installTranslations(app, QLocale(QLocale::French, QLocale::France)).isEmpty());
    QVERIFY(i18n::installTranslations(app, QLocale::c()).isEmpty());
}

void TestTranslations::windowSpeaksGerman()
{
    DemoWindow demo;
    QVERIFY(demo.open());
    ui::MainWindow &window = *demo.window;

    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus.append(menu->text());
    QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                                 QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
    QStringList fileMenu;
    for (const QAction *action : window.menuBar()->actions().constFirst()->menu()->actions())
        fileMenu.append(action->text());
    QVERIFY2(fileMenu.contains(QStringLiteral("&Aktualisieren")) &&
                 fileMenu.contains(QStringLiteral("&Beenden")),
             qPrintable(fileMenu.join(QLatin1String(" | "))));
    QCOMPARE(window.undoAction()->iconText(), QStringLiteral("Rückgängig"));
    QVERIFY2(window.windowTitle().contains(QLatin1String(" (Demo)")),
             qPrintable(window.windowTitle()));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Wählen Sie eine Demo-Stage aus der ARN-Liste, oder fügen Sie einen "
                            "ARN ein."));
    QStringList docks;
    for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
        docks.append(dock->windowTitle());
    docks.sort();
    QCOMPARE(docks, (QStringList{QStringLiteral("Live"), QStringLiteral("Prüfungen"),
                                 QStringLiteral("Sitzungen"), QStringLiteral("Stages")}));

    demo.lookUp(kFullyConfiguredDemoArn);
    QTRY_VERIFY2(window.statusBar()->currentMessage().startsWith(
                     QLatin1String("Angezeigt wird studio-main, abgerufen um ")),
                 qPrintable(window.statusBar()->currentMessage()));
}

void TestTranslations::toolbarsFitTheNarrowestWindow()
{
    DemoWindow demo;
    QVERIFY(demo.open());
    ui::MainWindow &window = *demo.window;
    // The width the window gives itself on a small screen (see MainWindow's constructor).
    window.resize(1100, 720);
    QTRY_COMPARE(window.width(), 1100);
    demo.lookUp(kFullyConfiguredDemoArn); // the editing buttons have their final state

    // A toolbar whose buttons do not fit hides the last of them behind its "»" button.
    for (const QToolBar *toolBar : window.findChildren<QToolBar *>()) {
        const auto *overflow = toolBar->findChild<QToolButton *>(
            QStringLiteral("qt_toolbar_ext_button"), Qt::FindDirectChildrenOnly);
        QStringList buttons;
        for (const QWidget *child : toolBar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            if (child->isVisible())
                buttons.append(
                    QStringLiteral("%1 %2").arg(child->objectName()).arg(child->width()));
        QTRY_VERIFY2(!overflow || !overflow->isVisible(),
                     qPrintable(toolBar->objectName() + QLatin1String(": ") +
                                buttons.join(QLatin1String(", "))));
    }

    // Narrow, but not too narrow for any region's name.
    const QLineEdit *region = window.connectionBar()->regionCombo()->lineEdit();
    const QStringList regions = workspace::ProfilesController::commonRegions();
    const QString longest = *std::max_element(
        regions.cbegin(), regions.cend(), [region](const QString &a, const QString &b) {
            return region->fontMetrics().horizontalAdvance(a) <
                   region->fontMetrics().horizontalAdvance(b);
        });
    QVERIFY2(region->fontMetrics().horizontalAdvance(longest) < region->contentsRect().width() - 4,
             qPrintable(longest));
}

void TestTranslations::coreMessagesAreGerman()
{
    QString error;
    QVERIFY(!ivs::StageArn::parse(
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGHijkl"), &error));
    QCOMPARE(error, QStringLiteral("Das ist der ARN eines IVS-Low-Latency-Kanals, kein ARN einer "
                                   "Real-Time-Stage."));

    // And where the window shows them: the connection (session/) and a refused ARN (ivs/).
    DemoWindow demo;
    QVERIFY(demo.open());
    const auto *connection = demo.window->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY(connection);
    QVERIFY2(connection->text().startsWith(QLatin1String("Demo-Endpunkt http://127.0.0.1:")),
             qPrintable(connection->text()));
    demo.lookUp(QStringLiteral("studio-main"));
    QTRY_VERIFY(demo.window->banner()->isVisible());
    QVERIFY2(demo.window->banner()->text().startsWith(
                 QStringLiteral("„studio-main“ sieht nach einer Stage-ID aus. Fügen Sie den "
                                "vollständigen Stage-ARN ein")),
             qPrintable(demo.window->banner()->text()));
    QCOMPARE(demo.window->statusBar()->currentMessage(),
             QStringLiteral("Es wurde nichts gesendet: Der ARN ist ungültig."));
}

void TestTranslations::acceleratorsAreUniqueWhereTheyMeet()
{
    DemoWindow demo;
    QVERIFY(demo.open());
    ui::MainWindow &window = *demo.window;
    QStringList clashes;

    // The menu titles share Alt with the window's labels and buttons; each menu has its own.
    QStringList windowTexts = shownAcceleratorTexts(&window);
    for (const QAction *menu : window.menuBar()->actions()) {
        windowTexts.append(menu->text());
        QStringList items;
        for (const QAction *action : menu->menu()->actions())
            items.append(action->text());
        clashes += acceleratorClashes(menu->text(), items);
    }
    clashes += acceleratorClashes(QStringLiteral("main window"), windowTexts);

    QPointer<ui::ProfilesDialog> profiles = window.openProfilesDialog();
    QVERIFY(profiles && QTest::qWaitForWindowExposed(profiles));
    clashes += acceleratorClashes(QStringLiteral("profiles"), shownAcceleratorTexts(profiles));
    profiles->close();

    demo.lookUp(kFullyConfiguredDemoArn);
    // The action is enabled during the lookup already (the dialog then follows the stage).
    QTRY_VERIFY(window.publishAction()->isEnabled() && !demo.rig.browser->isBusy());
    QPointer<ui::PublishDialog> publish = window.openPublishDialog();
    QVERIFY(publish && QTest::qWaitForWindowExposed(publish));
    auto *tabs = publish->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        clashes += acceleratorClashes(QStringLiteral("publish, ") + tabs->tabText(tab),
                                      shownAcceleratorTexts(publish));
    }
    publish->close();

    QTRY_VERIFY(window.addTagAction()->isEnabled());
    QPointer<ui::TagDialog> tag = window.openAddTag();
    QVERIFY(tag && QTest::qWaitForWindowExposed(tag));
    clashes += acceleratorClashes(tag->windowTitle(), shownAcceleratorTexts(tag));
    tag->reject();

    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

Run TestTranslations::runBinary(const QStringList &arguments, const Locale &locale) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "AWS_ACCESS_KEY_ID",
                             "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"})
        environment.remove(QString::fromLatin1(name));
    for (auto it = locale.cbegin(); it != locale.cend(); ++it)
        environment.insert(it.key(), it.value());
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_home.filePath(QStringLiteral(".config")));
    return runAppBinary(arguments, environment);
}

void TestTranslations::commandLineFollowsTheLocale_data()
{
    const QString lang = QStringLiteral("LANG");
    QTest::addColumn<Locale>("locale");
    QTest::addColumn<bool>("german");
    QTest::newRow("LANG=de_DE") << Locale{{lang, QStringLiteral("de_DE.UTF-8")}} << true;
    QTest::newRow("LANG=de_AT") << Locale{{lang, QStringLiteral("de_AT.UTF-8")}} << true;
    QTest::newRow("LC_ALL=de_DE over LANG=en_US")
        << Locale{{lang, QStringLiteral("en_US.UTF-8")},
                  {QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8")}}
        << true;
    QTest::newRow("LANGUAGE=fr:de, LANG=en_US")
        << Locale{{lang, QStringLiteral("en_US.UTF-8")},
                  {QStringLiteral("LANGUAGE"), QStringLiteral("fr:de")}}
        << true;
    QTest::newRow("LANG=en_US") << Locale{{lang, QStringLiteral("en_US.UTF-8")}} << false;
    QTest::newRow("LANG=C") << Locale{{lang, QStringLiteral("C.UTF-8")}} << false;
    QTest::newRow("LANG=fr_FR") << Locale{{lang, QStringLiteral("fr_FR.UTF-8")}} << false;
}

void TestTranslations::commandLineFollowsTheLocale()
{
    QFETCH(Locale, locale);
    QFETCH(bool, german);
    const Run help = runBinary({QStringLiteral("diagnose"), QStringLiteral("--help")}, locale);
    QCOMPARE(help.exitCode, 0);
    const QString out = help.out;
    // The command's own words (app/cli), with the option names the same in every language.
    QVERIFY2(out.contains(german ? QStringLiteral("Prüft eine Stage auf Probleme")
                                 : QStringLiteral("Checks a stage for problems")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--arn <ARN>")) &&
                 out.contains(QLatin1String("--output <FORMAT>")),
             qPrintable(out));
    // Qt's words (QCommandLineParser, from qtbase_de.qm) in the same language as the app's.
    const Run unknown = runBinary({QStringLiteral("diagnose"), QStringLiteral("--colour")}, locale);
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.err, german ? QStringLiteral("ivs-stage-browser: Unbekannte Option 'colour'. "
                                                  "(siehe diagnose --help)\n")
                                 : QStringLiteral("ivs-stage-browser: Unknown option 'colour'. "
                                                  "(see diagnose --help)\n"));
}

void TestTranslations::outputForProgramsIgnoresTheLocale()
{
    const Locale german{{QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}};
    const Locale plain{{QStringLiteral("LANG"), QStringLiteral("C.UTF-8")}};
    const QStringList diagnose{QStringLiteral("diagnose"), QStringLiteral("--demo"),
                               QStringLiteral("--arn"), kOlderDemoArn};

    // Text is for people: German here, with the same exit code (1: the checks found a problem).
    const Run text = runBinary(diagnose, german);
    const Run englishText = runBinary(diagnose, plain);
    QCOMPARE(text.exitCode, 1);
    QCOMPARE(englishText.exitCode, 1);
    QVERIFY2(text.out.contains(QLatin1String("WARNUNG")), qPrintable(text.out));
    QVERIFY2(englishText.out.contains(QLatin1String("WARNING")), qPrintable(englishText.out));

    // JSON is for programs: byte for byte the same, findings' titles included.
    const QStringList asJson =
        diagnose + QStringList{QStringLiteral("--output"), QStringLiteral("json")};
    const Run json = runBinary(asJson, german);
    const Run englishJson = runBinary(asJson, plain);
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(englishJson.exitCode, 1);
    QVERIFY(json.out.contains(QLatin1String("\"findings\"")));
    QCOMPARE(json.out, englishJson.out);

    // A usage error in a JSON run: the same words and the same exit code for a script to see.
    const QStringList badArn{QStringLiteral("get-stage"), QStringLiteral("--arn"),
                             QStringLiteral("studio-main"), QStringLiteral("--output=json")};
    const Run refused = runBinary(badArn, german);
    const Run englishRefused = runBinary(badArn, plain);
    QCOMPARE(refused.exitCode, 2);
    QCOMPARE(refused.exitCode, englishRefused.exitCode);
    QCOMPARE(refused.err, englishRefused.err);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
