#pragma once

#include <functional>
#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// Asks the person at the terminal a yes/no question; true for yes.
using Confirmation = std::function<bool(const QString &question)>;

// `apply --arn ARN --file F [--dry-run] [--yes]` plus the connection options of get-stage:
// compares an exported configuration with the stage, prints the review, and sends the changes
// the way the window does (UpdateStage, TagResource, UntagResource). `confirm` is asked before
// sending unless --yes is given; without one (no terminal) nothing is asked.
// `arguments` excludes the program name and the command word; returns the exit code.
int runApply(const QStringList &arguments, const QProcessEnvironment &environment, QTextStream &out,
             QTextStream &err, const Confirmation &confirm = {});

QString applyHelpText();

} // namespace cli
