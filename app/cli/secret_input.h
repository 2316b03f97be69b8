#pragma once

#include <optional>
#include <QString>

namespace cli {

// Reads one line from standard input. When standard input is a terminal the prompt goes to
// standard error and typing is not echoed; otherwise the line is read silently (a pipe, a file).
// Secrets therefore never need to appear in argv or in the shell history. nullopt at end of input.
std::optional<QString> readSecretLine(const QString &prompt);
// The same, with echo, for non-secret answers.
std::optional<QString> readLine(const QString &prompt);
bool standardInputIsTerminal();

} // namespace cli
