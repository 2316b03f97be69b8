#include "support/window_rig.h"

namespace testsupport {

std::unique_ptr<workspace::Backend> WindowRig::demoBackend(QString *error)
{
    workspace::BackendOptions options;
    options.forceDemo = true;
    return workspace::Backend::create(options, error);
}

void WindowRig::assemble(const ui::WindowContext &context)
{
    workspace = std::make_unique<workspace::Workspace>(std::move(backend));
    connection = &workspace->backend();
    document = &workspace->document();
    model = &workspace->stageModel();
    browser = &workspace->browser();
    editor = &workspace->editor();
    profiles = &workspace->profiles();
    stageList = &workspace->stageList();
    catalog = &workspace->catalog();
    inspector = &workspace->inspector();
    publisher = &workspace->publisher();
    window = std::make_unique<ui::MainWindow>(*workspace, context);
}

void WindowRig::reset()
{
    window.reset();
    workspace.reset();
    backend.reset();
    connection = nullptr;
    document = nullptr;
    model = nullptr;
    browser = nullptr;
    editor = nullptr;
    profiles = nullptr;
    stageList = nullptr;
    catalog = nullptr;
    inspector = nullptr;
    publisher = nullptr;
}

} // namespace testsupport
