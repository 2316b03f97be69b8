#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `get-stage --arn ARN [--region R] [--endpoint-url URL] [--output tree|json] [--profile NAME]
// [--demo]`.
// `arguments` excludes the program name and the command word. Runs its own event loop until
// the answer arrives; returns the process exit code (see exit_codes.h).
int runGetStage(const QStringList &arguments, const QProcessEnvironment &environment,
                QTextStream &out, QTextStream &err);

QString getStageHelpText();

} // namespace cli
