#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `create-token --arn ARN [--user-id U] [--duration-minutes N] [--capability C]...
// [--attribute k=v]... [--output json|obs]` plus the connection options of get-stage: creates a
// participant token for the stage and prints it with the stage's WHIP server, as JSON or as
// OBS's service.json. The token is a secret: it is written to `out` only, never to `err`.
// `arguments` excludes the program name and the command word; returns the exit code.
int runCreateToken(const QStringList &arguments, const QProcessEnvironment &environment,
                   QTextStream &out, QTextStream &err);

QString createTokenHelpText();

} // namespace cli
