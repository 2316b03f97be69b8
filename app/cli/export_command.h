#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `export --arn ARN [--file F]` plus the connection options of get-stage: writes the stage's
// editable configuration (the document File → Export writes) to F, or to `out`.
// `arguments` excludes the program name and the command word; returns the exit code.
int runExport(const QStringList &arguments, const QProcessEnvironment &environment,
              QTextStream &out, QTextStream &err);

QString exportHelpText();

} // namespace cli
