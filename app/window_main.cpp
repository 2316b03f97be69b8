// The window's entry point, in a library of its own (libivs-stage-browser-gui.so) that main()
// loads only to open the window: the command line, --help and --version never load Qt Widgets.

#include "window_main.h"

#include "i18n/translations.h"
#include "identity/app_identity.h"
#include "platform/startup_measurement.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "window_options.h"
#include "workspace/backend.h"
#include "workspace/stage_browser.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

namespace {

int runWindow(QApplication &app)
{
    using namespace window_options;
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

extern "C" IVS_WINDOW_EXPORT int IVS_WINDOW_MAIN(int argc, char **argv)
{
    QApplication app(argc, argv); // keeps a reference to argc: it lives as long as app
    identity::applyAppIdentity();
    identity::protectSettingsFile();
    identity::carryOverLegacySettings();
    i18n::installTranslations(app);
    return runWindow(app);
}
