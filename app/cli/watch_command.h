#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `watch --arn ARN [--interval SECONDS] [--output text|jsonl] [--until-session-ends]
// [--max-duration SECONDS]` plus the connection options of get-stage: follows the stage's session
// with a workspace::LiveMonitor and prints each new event once, and each change of a
// participant's state, as it is seen. Ends with 0 on SIGINT or SIGTERM, when the session ends
// (--until-session-ends) or after --max-duration; errors end it with the codes of the other
// commands. `arguments` excludes the program name and the command word; returns the exit code.
int runWatch(const QStringList &arguments, const QProcessEnvironment &environment, QTextStream &out,
             QTextStream &err);

QString watchHelpText();

} // namespace cli
