#pragma once

#include <QCommandLineOption>

class QObject;

namespace startup {

// `--measure-startup`: the window reports how long it took from the process's start until it
// was first painted, then quits. The figure is what a user waits for; start-up must not wait on
// the keychain or the network to improve it.
QCommandLineOption measureStartupOption();

// Watches `painted` (the main window's central widget) for its first paint event; then prints
// "startup: N ms" to stdout and quits the event loop with 0. Without a paint within a minute it
// says so on stderr and quits with 1.
void reportFirstPaint(QObject &painted);

// Milliseconds since this process started: from the kernel's record of the start where it can be
// read (platform::processAgeMilliseconds()), else since this library was loaded.
double millisecondsSinceProcessStart();

} // namespace startup
