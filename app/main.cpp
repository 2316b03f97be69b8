#include "cli/command_line.h"
#include "model/stage_tree_model.h"
#include "session/backend.h"
#include "session/stage_browser.h"
#include "ui/main_window.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTextStream>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IVS Stage Browser"));
    QCoreApplication::setApplicationName(QStringLiteral("ivs-stage-browser"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IVS_STAGE_BROWSER_VERSION));
}

int runWindow(QApplication &app)
{
    QApplication::setApplicationDisplayName(QObject::tr("IVS Stage Browser"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Inspect Amazon IVS Real-Time stages.\n\n"
                    "Command line: ivs-stage-browser get-stage --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QObject::tr("Use the built-in demo endpoint and sample stages "
                                              "(the default when no AWS credentials are set)."));
    const QCommandLineOption endpointUrl(QStringLiteral("endpoint-url"),
                                         QObject::tr("Send requests to URL."), QObject::tr("URL"));
    const QCommandLineOption arn(QStringLiteral("arn"), QObject::tr("Look up this stage at start."),
                                 QObject::tr("ARN"));
    parser.addOptions({demo, endpointUrl, arn});
    parser.process(app);

    session::BackendOptions options;
    options.forceDemo = parser.isSet(demo);
    options.demoWhenUnconfigured = true;
    options.endpointUrl = parser.value(endpointUrl);
    QString error;
    const auto backend = session::Backend::create(options, &error);
    if (!backend) {
        QTextStream(stderr) << "ivs-stage-browser: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("IVS Stage Browser"), error);
        return 2;
    }

    model::StageTreeModel stageModel;
    session::StageBrowser browser(backend->client(), stageModel);
    ui::WindowContext context;
    context.demo = backend->isDemo();
    context.connectionDescription = backend->description();
    context.suggestedArns = backend->suggestedArns();
    context.notice = backend->demoReason();
    ui::MainWindow window(browser, stageModel, context);
    window.show();
    if (parser.isSet(arn))
        browser.lookUp(parser.value(arn));
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
        setApplicationIdentity();
        return cli::runCommand(arguments);
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    return runWindow(app);
}
