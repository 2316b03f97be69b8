#include "cli/command_line.h"
#include "i18n/translations.h"
#include "identity/app_identity.h"
#include "platform/startup_measurement.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "workspace/backend.h"
#include "workspace/stage_browser.h"
#include "workspace/workspace.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

namespace {

const QString kDemo = QStringLiteral("demo");
const QString kEndpointUrl = QStringLiteral("endpoint-url");
const QString kArn = QStringLiteral("arn");
const QString kProfile = QStringLiteral("profile");
const QString kRegion = QStringLiteral("region");

void addWindowOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QObject::tr("Inspect Amazon IVS Real-Time stages.") +
                                     QStringLiteral("\n\n") + cli::commandsHelpText());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {{kDemo, QObject::tr("Use the built-in demo endpoint and sample stages "
                             "(the default when no AWS credentials are set).")},
         {kEndpointUrl, QObject::tr("Send requests to URL."), QObject::tr("URL")},
         {kProfile, QObject::tr("Use this profile (keychain, else AWS CLI)."), QObject::tr("NAME")},
         {kRegion, QObject::tr("Region for calls that are not about one stage."),
          QObject::tr("REGION")},
         {kArn, QObject::tr("Look up this stage at start."), QObject::tr("ARN")},
         startup::measureStartupOption()});
}

// --help and --version need no display, so they are answered before a QApplication (which
// needs one) exists, by the same parser and so in the same words. With Qt's own options
// (-platform, -style…), which only QApplication knows, or with --help-all, which lists them,
// QApplication answers as before.
bool asksOnlyForHelpOrVersion(const QStringList &arguments)
{
    QCommandLineParser parser;
    addWindowOptions(parser);
    return parser.parse(arguments) &&
           (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version")));
}

int answerHelpOrVersion(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    identity::applyAppIdentity();
    i18n::installTranslations(app);
    QCommandLineParser parser;
    addWindowOptions(parser);
    parser.process(app); // prints the answer and exits
    return 0;
}

int runWindow(QApplication &app)
{
    app.setWindowIcon(QIcon(identity::iconResource()));
    QCommandLineParser parser;
    addWindowOptions(parser);
    parser.process(app);

    workspace::BackendOptions options;
    options.forceDemo = parser.isSet(kDemo);
    options.demoWhenUnconfigured = true;
    options.endpointUrl = parser.value(kEndpointUrl);
    options.profile = parser.value(kProfile);
    options.region = parser.value(kRegion);
    QString error;
    const auto workspace = workspace::Workspace::create(options, &error);
    if (!workspace) {
        QTextStream(stderr) << "ivs-stage-browser: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("IVS Stage Browser"), error);
        return 2;
    }

    ui::WindowContext context;
    context.notice = workspace->backend().demoReason();
    ui::MainWindow window(*workspace, context);
    if (parser.isSet(startup::measureStartupOption()))
        startup::reportFirstPaint(*window.centralWidget());
    window.show();
    if (parser.isSet(kArn)) {
        window.arnInput()->setText(parser.value(kArn));
        workspace->browser().lookUp(parser.value(kArn));
    }
    return app.exec();
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
    QApplication app(argc, argv);
    identity::applyAppIdentity();
    identity::protectSettingsFile();
    identity::carryOverLegacySettings();
    i18n::installTranslations(app);
    return runWindow(app);
}
