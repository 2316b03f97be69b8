#pragma once

#include "cli/command_line.h"
#include "platform/startup_measurement.h"

#include <QCommandLineParser>
#include <QObject>

// The options of the window (ivs-stage-browser without a command), for main.cpp, which answers
// --help and --version, and window_main.cpp, which opens the window: one parser, one wording.
namespace window_options {

inline const QString kDemo = QStringLiteral("demo");
inline const QString kEndpointUrl = QStringLiteral("endpoint-url");
inline const QString kArn = QStringLiteral("arn");
inline const QString kProfile = QStringLiteral("profile");
inline const QString kRegion = QStringLiteral("region");

inline void addWindowOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QObject::tr("Inspect Amazon IVS Real-Time stages.") +
                                     QStringLiteral("\n\n") + cli::commandsHelpText());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {{kDemo, QObject::tr("Use the built-in demo endpoint and sample stages "
                             "(the default when no AWS credentials are set).")},
         {kEndpointUrl, QObject::tr("Send requests to URL."), QObject::tr("URL")},
         {kProfile, QObject::tr("Use this profile (keychain, else AWS CLI)."), QObject::tr("NAME")},
         {kRegion, QObject::tr("Region for calls that are not about one stage."),
          QObject::tr("REGION")},
         {kArn, QObject::tr("Look up this stage at start."), QObject::tr("ARN")},
         startup::measureStartupOption()});
}

} // namespace window_options
