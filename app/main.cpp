#include "cli/command_line.h"
#include "i18n/translations.h"
#include "identity/app_identity.h"
#include "window_main.h"
#include "window_options.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLibrary>
#include <QTextStream>

// The executable does not link Qt Widgets: the commands, --help and --version run without loading
// it. The window is in libivs-stage-browser-gui.so (window_main.cpp), loaded only to open it.

namespace {

// --help and --version need no display, so they are answered before a QApplication (which
// needs one) exists, by the same parser and so in the same words. With Qt's own options
// (-platform, -style…), which only QApplication knows, or with --help-all, which lists them,
// QApplication answers as before.
bool asksOnlyForHelpOrVersion(const QStringList &arguments)
{
    QCommandLineParser parser;
    window_options::addWindowOptions(parser);
    return parser.parse(arguments) &&
           (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version")));
}

int answerHelpOrVersion(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    identity::applyAppIdentity();
    i18n::installTranslations(app);
    QCommandLineParser parser;
    window_options::addWindowOptions(parser);
    parser.process(app); // prints the answer and exits
    return 0;
}

// Where the window library is: the installed place relative to the executable (as the package
// lays it out), else beside the executable (the build tree).
QStringList windowLibraryCandidates()
{
    const QString executableDir = QFileInfo(QStringLiteral("/proc/self/exe"))
                                      .canonicalFilePath()
                                      .section(QLatin1Char('/'), 0, -2);
    const QString name = QStringLiteral(IVS_WINDOW_LIBRARY_NAME);
    return {executableDir + QStringLiteral("/" IVS_WINDOW_LIBRARY_RELATIVE_DIR "/") + name,
            executableDir + QLatin1Char('/') + name};
}

int runWindow(int argc, char *argv[])
{
    QString errors;
    for (const QString &path : windowLibraryCandidates()) {
        if (!QFileInfo::exists(path))
            continue;
        QLibrary library(path);
        const auto windowMain = reinterpret_cast<WindowMain>(library.resolve(IVS_WINDOW_MAIN_NAME));
        if (windowMain)
            return windowMain(argc, argv); // the library stays loaded until the process ends
        errors += QLatin1Char(' ') + library.errorString();
    }
    QTextStream(stderr) << "ivs-stage-browser: the window library " << IVS_WINDOW_LIBRARY_NAME
                        << " could not be loaded:"
                        << (errors.isEmpty() ? QStringLiteral(" not found") : errors) << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (cli::isCommandInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        identity::applyAppIdentity();
        identity::protectSettingsFile();
        identity::carryOverLegacySettings();
        if (!i18n::wantsOutputForPrograms(arguments))
            i18n::installTranslations(app);
        return cli::runCommand(arguments);
    }
    if (asksOnlyForHelpOrVersion(arguments))
        return answerHelpOrVersion(argc, argv);
    return runWindow(argc, argv);
}
