#pragma once

#include <optional>
#include <QByteArray>

namespace platform {

// How long ago this process was started, in milliseconds, by the kernel's own record of the
// start. Linux: the start time in /proc/self/stat (clock ticks since boot, so the figure errs high
// by up to one tick) against CLOCK_BOOTTIME. Empty when the record cannot be read, and on macOS
// and Windows, where reading it is not available on this platform.
std::optional<double> processAgeMilliseconds();

// Field 22 of a /proc/<pid>/stat line: the start time in clock ticks since boot. The command
// name (field 2) is in parentheses and may hold spaces and parentheses, so fields are counted
// after its last ')'. Empty when the line does not have it.
std::optional<qulonglong> startTicksFromStat(const QByteArray &statLine);

} // namespace platform
