#include "support/idle.h"

#include "ivs/ivs_client.h"

#include <algorithm>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QTest>

namespace testsupport {

namespace {

int remainingMs(const QDeadlineTimer &deadline)
{
    return static_cast<int>(deadline.remainingTime());
}

// A network manager is the parent of the replies it creates (until they are deleted).
bool hasUnfinishedReplies(const QNetworkAccessManager &network)
{
    const auto replies = network.findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    return std::any_of(replies.cbegin(), replies.cend(),
                       [](const QNetworkReply *reply) { return !reply->isFinished(); });
}

} // namespace

bool drainPostedEvents(int timeoutMs)
{
    // Posted events are delivered in the order they were posted: once this one has run, so has
    // every one before it.
    bool reached = false;
    QObject marker;
    QMetaObject::invokeMethod(
        &marker, [&reached] { reached = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&reached] { return reached; }, timeoutMs);
}

bool waitUntilIdle(const ivs::IvsClient &client, int timeoutMs)
{
    const QNetworkAccessManager &network = *client.network();
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        // A call sends its request once its credentials, asked for through a queued call, are in.
        if (!drainPostedEvents(remainingMs(deadline)))
            return false;
        if (!hasUnfinishedReplies(network))
            return true;
        // The answers' callbacks run as the replies finish; their own queued steps run above.
        if (!QTest::qWaitFor([&network] { return !hasUnfinishedReplies(network); },
                             remainingMs(deadline)))
            return false;
    }
}

} // namespace testsupport
