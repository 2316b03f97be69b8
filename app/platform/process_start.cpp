#include "platform/process_start.h"

#include <QList>

#ifdef Q_OS_LINUX
#include <ctime>
#include <QFile>
#include <unistd.h>
#endif

namespace platform {

std::optional<qulonglong> startTicksFromStat(const QByteArray &statLine)
{
    const qsizetype nameEnd = statLine.lastIndexOf(')');
    if (nameEnd < 0)
        return std::nullopt;
    const QList<QByteArray> fields = statLine.mid(nameEnd + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3; // fields 3, 4, ... follow the name
    bool ok = false;
    const qulonglong ticks = fields.value(kStartTimeAfterName).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return ticks;
}

#ifdef Q_OS_LINUX

std::optional<double> processAgeMilliseconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const std::optional<qulonglong> ticks = startTicksFromStat(stat.readAll());
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ticks || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const double startedAt = double(*ticks) / double(ticksPerSecond);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startedAt) * 1000.0;
}

#else

// macOS and Windows keep the start time too (sysctl KERN_PROC, GetProcessTimes), but nothing
// reads it here yet: the caller falls back to a clock of its own.
std::optional<double> processAgeMilliseconds()
{
    return std::nullopt;
}

#endif

} // namespace platform
