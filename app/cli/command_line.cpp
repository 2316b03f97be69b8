#include "cli/command_line.h"

#include "cli/exit_codes.h"
#include "cli/get_stage_command.h"
#include "cli/profile_command.h"

#include <cstdio>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

namespace cli {

namespace {
const QString kGetStage = QStringLiteral("get-stage");
const QString kProfile = QStringLiteral("profile");
} // namespace

bool isCommandInvocation(const QStringList &arguments)
{
    return arguments.size() > 1 && (arguments.at(1) == kGetStage || arguments.at(1) == kProfile);
}

QString exitCodesHelpText()
{
    return QCoreApplication::translate(
        "cli", "Exit codes:\n"
               "  0  success\n"
               "  2  usage: bad option, invalid ARN, unusable endpoint URL or CA bundle\n"
               "  3  credentials or authorisation: none configured, signature rejected, expired "
               "token, access denied\n"
               "  4  not found: no such stage for this account and region\n"
               "  5  other service error, or an answer that could not be read\n"
               "  6  network or TLS: connection, DNS, certificate, timeout\n");
}

int runCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (arguments.value(1) == kGetStage)
        return runGetStage(arguments.mid(2), environment, out, err);
    if (arguments.value(1) == kProfile)
        return runProfileCommand(arguments.mid(2), environment, out, err);
    err << QCoreApplication::translate("cli", "Unknown command \"%1\".").arg(arguments.value(1))
        << Qt::endl;
    return UsageError;
}

} // namespace cli
