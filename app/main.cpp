#include "cli/command_line.h"
#include "i18n/translations.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "session/backend.h"
#include "session/profiles_controller.h"
#include "session/publish_controller.h"
#include "session/stage_browser.h"
#include "session/stage_catalog.h"
#include "session/stage_editor.h"
#include "session/stage_inspector.h"
#include "startup_measurement.h"
#include "ui/arn_input.h"
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
    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Inspect Amazon IVS Real-Time stages.") +
                                     QStringLiteral("\n\n") + cli::commandsHelpText());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QObject::tr("Use the built-in demo endpoint and sample stages "
                                              "(the default when no AWS credentials are set)."));
    const QCommandLineOption endpointUrl(QStringLiteral("endpoint-url"),
                                         QObject::tr("Send requests to URL."), QObject::tr("URL"));
    const QCommandLineOption arn(QStringLiteral("arn"), QObject::tr("Look up this stage at start."),
                                 QObject::tr("ARN"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QObject::tr("Use this profile (keychain, else AWS CLI)."),
                                     QObject::tr("NAME"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QObject::tr("Region for calls that are not about one stage."),
                                    QObject::tr("REGION"));
    parser.addOptions({demo, endpointUrl, profile, region, arn, startup::measureStartupOption()});
    parser.process(app);

    session::BackendOptions options;
    options.forceDemo = parser.isSet(demo);
    options.demoWhenUnconfigured = true;
    options.endpointUrl = parser.value(endpointUrl);
    options.profile = parser.value(profile);
    options.region = parser.value(region);
    QString error;
    const auto backend = session::Backend::create(options, &error);
    if (!backend) {
        QTextStream(stderr) << "ivs-stage-browser: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("IVS Stage Browser"), error);
        return 2;
    }

    model::StageTreeModel stageModel;
    session::StageBrowser browser(backend->client(), stageModel);
    session::StageEditor editor(backend->client(), stageModel);
    session::ProfilesController profiles(*backend);
    model::StageListModel stageList;
    session::StageCatalog catalog(backend->client(), stageList);
    session::StageInspector inspector(backend->client(), stageModel);
    session::PublishController publisher(backend->client());
    ui::WindowContext context;
    context.notice = backend->demoReason();
    ui::MainWindow window(browser, editor, profiles, catalog, inspector, stageModel, stageList,
                          context);
    window.setPublishController(&publisher);
    if (parser.isSet(startup::measureStartupOption()))
        startup::reportFirstPaint(*window.centralWidget());
    window.show();
    if (parser.isSet(arn)) {
        window.arnInput()->setText(parser.value(arn));
        browser.lookUp(parser.value(arn));
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
        setApplicationIdentity();
        if (!i18n::wantsOutputForPrograms(arguments))
            i18n::installTranslations(app);
        return cli::runCommand(arguments);
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    i18n::installTranslations(app);
    return runWindow(app);
}
