// The command line runs without Qt Widgets: one-shot commands, --version and --help never load
// it (so they start as fast as a small tool), while the window loads it from
// libivs-stage-browser-gui.so. The dynamic loader's own record (LD_DEBUG=files) tells which
// libraries a run loaded; the window run shows that the check can see Widgets at all.

#include "support/command_runs.h"

#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kWidgets = QStringLiteral("libQt6Widgets.so");

} // namespace

class TestLeanCommandLine : public QObject {
    Q_OBJECT
private slots:
    void init();
    void commandsDoNotLoadWidgets_data();
    void commandsDoNotLoadWidgets();
    void theWindowLoadsWidgetsFromItsLibrary();

private:
    QProcessEnvironment sandbox() const;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestLeanCommandLine::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

// No credentials, no display; the loader reports each library it opens on standard error.
QProcessEnvironment TestLeanCommandLine::sandbox() const
{
    QProcessEnvironment environment = testsupport::sandboxedEnvironment(m_home->path());
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    return environment;
}

void TestLeanCommandLine::commandsDoNotLoadWidgets_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedOutput");
    QTest::newRow("get-stage --output json")
        << QStringList{QStringLiteral("get-stage"), QStringLiteral("--demo"),
                       QStringLiteral("--arn"),     kArn,
                       QStringLiteral("--output"),  QStringLiteral("json")}
        << QStringLiteral("\"arn\": \"%1\"").arg(kArn);
    QTest::newRow("get-stage (tree)")
        << QStringList{QStringLiteral("get-stage"), QStringLiteral("--demo"),
                       QStringLiteral("--arn"), kArn}
        << QStringLiteral("studio-main");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                               << QStringLiteral("ivs-stage-browser");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QStringLiteral("get-stage --arn ARN");
}

void TestLeanCommandLine::commandsDoNotLoadWidgets()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedOutput);

    const Run run = runAppBinary(arguments, sandbox());

    QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
    QVERIFY2(run.out.contains(expectedOutput), qPrintable(run.out.left(2000)));
    // The loader did report (so the absence below means something) and never opened Widgets.
    QVERIFY2(run.err.contains(QStringLiteral("libQt6Core.so")), qPrintable(run.err.left(2000)));
    QVERIFY2(!run.err.contains(kWidgets), qPrintable(run.err));
}

void TestLeanCommandLine::theWindowLoadsWidgetsFromItsLibrary()
{
    const Run run =
        runAppBinary({QStringLiteral("--demo"), QStringLiteral("--measure-startup")}, sandbox());

    QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
    QVERIFY(run.out.startsWith(QStringLiteral("startup: ")));
    QVERIFY2(run.err.contains(kWidgets), qPrintable(run.err.left(2000)));
    QVERIFY2(run.err.contains(QStringLiteral("libivs-stage-browser-gui.so")),
             qPrintable(run.err.left(2000)));
}

QTEST_GUILESS_MAIN(TestLeanCommandLine)
#include "tst_lean_command_line.moc"
