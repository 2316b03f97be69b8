#pragma once

#include "ivs/service_error.h"

#include <functional>
#include <memory>
#include <optional>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace ivs {

class IvsClient;

struct PagedResult {
    QJsonArray items;
    std::optional<ServiceError> error; // the items fetched before it are kept
    int pages = 0;
};

// The most pages one listing fetches: 1000 pages of 100 are far more stages, sessions or
// events than anyone keeps, and a server that never stops sending new tokens is stopped too.
inline constexpr int kMaxPages = 1000;

// The most answer bytes a listing reads in all, pages together: 1000 pages of under 8 MiB each
// would still be gigabytes held in memory. A thousand stages with every tag filled in are a few
// megabytes.
inline constexpr qint64 kMaxListingBytes = 32 * 1024 * 1024;

// What listings may read in all, counted as their pages arrive. One budget may be shared by
// several listings (every region of list-stages), so that the bound holds for all of them
// together; a listing stops before asking for its next page once the budget is spent.
class PagingBudget {
public:
    explicit PagingBudget(qint64 limitBytes = kMaxListingBytes)
        : m_limit(limitBytes)
    {
    }
    qint64 limit() const { return m_limit; }
    qint64 used() const { return m_used; }
    void spend(qint64 bytes) { m_used += bytes; }
    bool isSpent() const { return m_used > m_limit; }

private:
    qint64 m_limit;
    qint64 m_used = 0;
};

// The one way the app pages through a List operation: every List call goes through here.
// Calls `operation` with `request` and each nextToken in turn until there is none, collecting
// the `listKey` arrays. Empty pages that still carry a token are followed. A token seen twice,
// a token still there after `maxPages` pages, or one that would be followed with `budget` spent
// ends the listing with an error naming the operation instead of paging forever. Without a
// budget the listing has one of its own (kMaxListingBytes).
void fetchAllPages(IvsClient &client, const QString &region, const QString &operation,
                   const QJsonObject &request, const QString &listKey, QObject *context,
                   std::function<void(const PagedResult &)> done, int maxPages = kMaxPages,
                   std::shared_ptr<PagingBudget> budget = {});

} // namespace ivs
