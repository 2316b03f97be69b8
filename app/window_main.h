#pragma once

// The window lives in libivs-stage-browser-gui.so (window_main.cpp), which main() opens with
// QLibrary only when the window is asked for. This is the one symbol it looks up there.
#define IVS_WINDOW_MAIN ivs_stage_browser_window_main
#define IVS_WINDOW_MAIN_NAME "ivs_stage_browser_window_main"
#define IVS_WINDOW_EXPORT __attribute__((visibility("default")))

// Runs the window as main() would, with the same arguments; returns the exit code.
using WindowMain = int (*)(int argc, char **argv);
