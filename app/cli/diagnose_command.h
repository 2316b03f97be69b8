#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// diagnose's exit code when the checks found a warning or an error. It shares 1 with
// InternalError, which diagnose never returns: a script can read 1 as "problems found".
inline constexpr int kProblemsFound = 1;

// `diagnose --arn ARN [--output text|json]` plus the connection options of get-stage: reads the
// stage and what surrounds it (storage configuration, active session, its participants) and
// prints the findings of ivs::diagnoseStage. Exits 0 when nothing is wrong (notes alone),
// kProblemsFound when something is, and with the lookup's code (2–6) when the stage cannot be
// read. `arguments` excludes the program name and the command word.
int runDiagnose(const QStringList &arguments, const QProcessEnvironment &environment,
                QTextStream &out, QTextStream &err);

QString diagnoseHelpText();

} // namespace cli
