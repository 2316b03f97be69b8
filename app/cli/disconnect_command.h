#pragma once

#include "cli/apply_command.h"

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `disconnect --arn ARN --participant-id ID [--reason R] [--yes]` plus the connection options of
// get-stage: DisconnectParticipant, which ends the participant's connection to the session in
// progress and revokes its token. The id and reason are checked before anything is sent. Without
// --yes, `confirm` is asked first; with no way to ask (no terminal), the command refuses.
// `arguments` excludes the program name and the command word; returns the exit code.
int runDisconnect(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err, const Confirmation &confirm = {});

QString disconnectHelpText();

} // namespace cli
