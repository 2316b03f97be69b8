#pragma once

#include "document/stage_document.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "ui/main_window.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/publish_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"
#include "workspace/workspace.h"

#include <memory>

namespace testsupport {

// The real main window on a real workspace, put together as app/main.cpp does, for tests that
// drive the window. Set `backend` (tests vary it), then assemble(): the workspace takes the
// backend, and the pointers below name its parts. reset() takes it apart window first.
struct WindowRig {
    std::unique_ptr<workspace::Backend> backend; // until assemble()
    std::unique_ptr<workspace::Workspace> workspace;
    std::unique_ptr<ui::MainWindow> window;

    workspace::Backend *connection = nullptr;
    document::StageDocument *document = nullptr;
    model::StageTreeModel *model = nullptr;
    workspace::StageBrowser *browser = nullptr;
    workspace::StageEditor *editor = nullptr;
    workspace::ProfilesController *profiles = nullptr;
    model::StageListModel *stageList = nullptr;
    workspace::StageCatalog *catalog = nullptr;
    workspace::StageInspector *inspector = nullptr;
    workspace::PublishController *publisher = nullptr;

    ~WindowRig() { reset(); }

    // A backend on the built-in demo endpoint; null (with `error` set) when it cannot start.
    static std::unique_ptr<workspace::Backend> demoBackend(QString *error);
    void assemble(const ui::WindowContext &context = {});
    void reset();
};

} // namespace testsupport
