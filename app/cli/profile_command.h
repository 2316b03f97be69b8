#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `profile list | add NAME [--region R] [--access-key-id ID] | remove NAME | import NAME…`.
// `arguments` excludes the program name and the word "profile". Secrets are read from standard
// input (a no-echo prompt on a terminal), never from arguments.
int runProfileCommand(const QStringList &arguments, const QProcessEnvironment &environment,
                      QTextStream &out, QTextStream &err);

} // namespace cli
