#include "support/window_rig.h"

namespace testsupport {

std::unique_ptr<session::Backend> WindowRig::demoBackend(QString *error)
{
    session::BackendOptions options;
    options.forceDemo = true;
    return session::Backend::create(options, error);
}

void WindowRig::assemble(const ui::WindowContext &context)
{
    model = std::make_unique<model::StageTreeModel>();
    browser = std::make_unique<session::StageBrowser>(backend->client(), *model);
    editor = std::make_unique<session::StageEditor>(backend->client(), *model);
    profiles = std::make_unique<session::ProfilesController>(*backend);
    stageList = std::make_unique<model::StageListModel>();
    catalog = std::make_unique<session::StageCatalog>(backend->client(), *stageList);
    inspector = std::make_unique<session::StageInspector>(backend->client(), *model);
    window = std::make_unique<ui::MainWindow>(*browser, *editor, *profiles, *catalog, *inspector,
                                              *model, *stageList, context);
}

void WindowRig::reset()
{
    window.reset();
    inspector.reset();
    catalog.reset();
    stageList.reset();
    profiles.reset();
    editor.reset();
    browser.reset();
    model.reset();
    backend.reset();
}

} // namespace testsupport
