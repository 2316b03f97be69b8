#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `list-stages [--region R]... [--all-regions] [--output table|json]` plus the connection options
// of get-stage: the stages of one or more regions, every page of each, the regions asked at once.
// A failing region is reported on `err` without hiding the others. `arguments` excludes the
// program name and the command word; returns the exit code (see exit_codes.h).
int runListStages(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err);

QString listStagesHelpText();

} // namespace cli
