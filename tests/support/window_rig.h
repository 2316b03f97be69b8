#pragma once

#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "session/backend.h"
#include "session/profiles_controller.h"
#include "session/stage_browser.h"
#include "session/stage_catalog.h"
#include "session/stage_editor.h"
#include "session/stage_inspector.h"
#include "ui/main_window.h"

#include <memory>

namespace testsupport {

// The real main window and everything it stands on, put together as app/main.cpp does, for tests
// that drive the window. Set `backend` (tests vary it), then assemble(); reset() takes it apart
// window first, as the parts must outlive it.
struct WindowRig {
    std::unique_ptr<session::Backend> backend;
    std::unique_ptr<model::StageTreeModel> model;
    std::unique_ptr<session::StageBrowser> browser;
    std::unique_ptr<session::StageEditor> editor;
    std::unique_ptr<session::ProfilesController> profiles;
    std::unique_ptr<model::StageListModel> stageList;
    std::unique_ptr<session::StageCatalog> catalog;
    std::unique_ptr<session::StageInspector> inspector;
    std::unique_ptr<ui::MainWindow> window;

    ~WindowRig() { reset(); }

    // A backend on the built-in demo endpoint; null (with `error` set) when it cannot start.
    static std::unique_ptr<session::Backend> demoBackend(QString *error);
    void assemble(const ui::WindowContext &context = {});
    void reset();
};

} // namespace testsupport
