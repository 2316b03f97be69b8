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

// Calls `operation` with `request` and each nextToken in turn until there is none, collecting
// the `listKey` arrays. Empty pages that still carry a token are followed; a token seen twice
// stops the loop with an error instead of spinning forever.
void fetchAllPages(IvsClient &client, const QString &region, const QString &operation,
                   const QJsonObject &request, const QString &listKey, QObject *context,
                   std::function<void(const PagedResult &)> done, int maxPages = 1000);

} // namespace ivs
