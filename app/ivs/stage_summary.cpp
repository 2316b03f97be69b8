#include "ivs/stage_summary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivs {

std::optional<StagePage> parseListStagesResponse(const QByteArray &body, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<StagePage> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return fail(QCoreApplication::translate("ivs::StageSummary",
                                                "The ListStages answer is not a JSON object."));
    const QJsonValue stages = document.object().value(QStringLiteral("stages"));
    if (!stages.isArray())
        return fail(QCoreApplication::translate("ivs::StageSummary",
                                                "The ListStages answer has no \"stages\" list."));
    StagePage page;
    page.nextToken = document.object().value(QStringLiteral("nextToken")).toString();
    const QJsonArray entries = stages.toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject object = entry.toObject();
        StageSummary summary;
        summary.arn = object.value(QStringLiteral("arn")).toString();
        if (summary.arn.isEmpty())
            return fail(
                QCoreApplication::translate("ivs::StageSummary", "A ListStages entry has no ARN."));
        summary.name = object.value(QStringLiteral("name")).toString();
        summary.activeSessionId = object.value(QStringLiteral("activeSessionId")).toString();
        const QJsonObject tags = object.value(QStringLiteral("tags")).toObject();
        for (auto it = tags.begin(); it != tags.end(); ++it)
            summary.tags.insert(it.key(), it.value().toString());
        page.stages.append(summary);
    }
    return page;
}

} // namespace ivs
