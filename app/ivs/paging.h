#pragma once

#include "ivs/service_error.h"

#include <functional>
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

// The one way the app pages through a List operation: every List call goes through here.
// Calls `operation` with `request` and each nextToken in turn until there is none, collecting
// the `listKey` arrays. Empty pages that still carry a token are followed. A token seen twice,
// or a token still there after `maxPages` pages, ends the listing with an error naming the
// operation instead of paging forever.
void fetchAllPages(IvsClient &client, const QString &region, const QString &operation,
                   const QJsonObject &request, const QString &listKey, QObject *context,
                   std::function<void(const PagedResult &)> done, int maxPages = kMaxPages);

} // namespace ivs
