#pragma once

#include <QStringList>

namespace cli {

// True when argv names a command-line command rather than the window.
bool isCommandInvocation(const QStringList &arguments);

// Runs the command in `arguments` (program name first) and returns the exit code.
int runCommand(const QStringList &arguments);

QString exitCodesHelpText();

} // namespace cli
