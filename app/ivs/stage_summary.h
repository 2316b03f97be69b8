#pragma once

#include <optional>
#include <QList>
#include <QMap>
#include <QString>

namespace ivs {

// One entry of ListStages.
struct StageSummary {
    QString arn;
    QString name;
    QString activeSessionId;
    QMap<QString, QString> tags;
};

struct StagePage {
    QList<StageSummary> stages;
    QString nextToken; // empty on the last page
};

// Parses a ListStages response body; on failure returns nullopt with a sentence in `error`.
std::optional<StagePage> parseListStagesResponse(const QByteArray &body, QString *error);

} // namespace ivs
