#include "ivs/paging.h"

#include "files/bounded_file.h"
#include "ivs/ivs_client.h"

#include <memory>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::Paging)
};

struct Pager {
    QPointer<IvsClient> client; // a page may answer after the client is gone
    QString region;
    QString operation;
    QJsonObject request;
    QString listKey;
    QPointer<QObject> context;
    std::function<void(const PagedResult &)> done;
    int maxPages;
    std::shared_ptr<PagingBudget> budget;
    PagedResult result;
    QSet<QString> seenTokens;
};

void fetchPage(const std::shared_ptr<Pager> &pager, const QString &token)
{
    if (!pager->context)
        return;
    if (!pager->client) {
        pager->result.error = localError(
            ErrorCategory::Network, Text::tr("The connection was closed"), QString(), QString());
        return pager->done(pager->result);
    }
    QJsonObject request = pager->request;
    if (!token.isEmpty())
        request.insert(QStringLiteral("nextToken"), token);
    pager->client->postJson(
        pager->region, pager->operation, QJsonDocument(request).toJson(QJsonDocument::Compact),
        pager->context, [pager](const JsonCallResult &call) {
            PagedResult &result = pager->result;
            ++result.pages;
            pager->budget->spend(call.body.size());
            if (call.error) {
                result.error = call.error;
                return pager->done(result);
            }
            const QJsonObject answer = QJsonDocument::fromJson(call.body).object();
            const QJsonValue list = answer.value(pager->listKey);
            if (!list.isArray()) {
                result.error = unexpectedResponse(call.httpStatus, call.contentType,
                                                  Text::tr("The %1 answer has no \"%2\" list.")
                                                      .arg(pager->operation, pager->listKey));
                return pager->done(result);
            }
            const QJsonArray items = list.toArray();
            for (const QJsonValue &item : items)
                result.items.append(item);
            const QString next = answer.value(QStringLiteral("nextToken")).toString();
            if (next.isEmpty())
                return pager->done(result);
            // The ways a listing is stopped with what was read so far, each said plainly.
            auto stop = [&](const QString &why, const QString &limit = QString()) {
                QString text = why.arg(pager->operation).arg(result.pages);
                if (!limit.isEmpty())
                    text = text.arg(limit);
                result.error = unexpectedResponse(call.httpStatus, call.contentType, text);
                return pager->done(result);
            };
            if (pager->seenTokens.contains(next))
                return stop(Text::tr("%1 sent a repeated page token after %2 pages, so paging "
                                     "stopped; the list is incomplete."));
            if (result.pages >= pager->maxPages)
                return stop(Text::tr("%1 still had more pages after %2, so paging stopped; the "
                                     "list is incomplete."));
            if (pager->budget->isSpent())
                return stop(Text::tr("%1 answers came to more than %3 in all after %2 pages, so "
                                     "paging stopped; the list is incomplete."),
                            files::sizeText(pager->budget->limit()));
            pager->seenTokens.insert(next);
            fetchPage(pager, next);
        });
}

} // namespace

void fetchAllPages(IvsClient &client, const QString &region, const QString &operation,
                   const QJsonObject &request, const QString &listKey, QObject *context,
                   std::function<void(const PagedResult &)> done, int maxPages,
                   std::shared_ptr<PagingBudget> budget)
{
    if (!budget)
        budget = std::make_shared<PagingBudget>();
    auto pager = std::make_shared<Pager>(Pager{&client,
                                               region,
                                               operation,
                                               request,
                                               listKey,
                                               context,
                                               std::move(done),
                                               maxPages,
                                               std::move(budget),
                                               {},
                                               {}});
    fetchPage(pager, QString());
}

} // namespace ivs
