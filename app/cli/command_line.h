#pragma once

#include <QStringList>

namespace cli {

// True when argv names a command-line command rather than the window.
bool isCommandInvocation(const QStringList &arguments);

// Runs the command in `arguments` (program name first) and returns the exit code.
int runCommand(const QStringList &arguments);

// The commands in a few lines, for the top-level --help.
QString commandsHelpText();
QString exitCodesHelpText();

} // namespace cli
