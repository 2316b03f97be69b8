#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cli {

// `recordings --arn ARN [--session-id ID] [--participant-id ID] [--output table|json]` plus the
// connection options of get-stage: what a session's individual participant recordings left in
// S3 (the latest session unless named), one row per participant, then the outcome checks. Exit
// code 1 when a check found a problem, as diagnose; 2–6 as the other commands.
int runRecordings(const QStringList &arguments, const QProcessEnvironment &environment,
                  QTextStream &out, QTextStream &err);
QString recordingsHelpText();

// `download-recording --arn ARN --session-id ID --participant-id ID --dir DIR [--hls-only]`:
// downloads a participant's recording into DIR, with a progress line on a terminal. A file whose
// size or MD5 is not what S3 listed is not left in place and ends the command with 5.
int runDownloadRecording(const QStringList &arguments, const QProcessEnvironment &environment,
                         QTextStream &out, QTextStream &err);
QString downloadRecordingHelpText();

} // namespace cli
