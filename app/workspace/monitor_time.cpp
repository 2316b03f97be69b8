#include "workspace/monitor_time.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <QTimer>

namespace workspace {

void SystemMonitorTime::runLater(qint64 delayMs, QObject *context, std::function<void()> then)
{
    const qint64 bounded = std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max());
    QTimer::singleShot(std::chrono::milliseconds(bounded), context, std::move(then));
}

} // namespace workspace
