#pragma once

#include <optional>
#include <QJsonObject>
#include <QString>

namespace ivs {

// A stage as GetStage returned it. The JSON is kept as received (after validation against the
// schema) so that nothing the service sent is lost, including members newer than this app.
class Stage {
public:
    // Parses a full GetStage response body ({"stage": {...}}). On failure returns nullopt and
    // sets `error` to a sentence naming the offending member.
    static std::optional<Stage> fromGetStageResponse(const QByteArray &body, QString *error);
    // Validates one `stage` object.
    static std::optional<Stage> fromJson(const QJsonObject &stage, QString *error);

    const QJsonObject &json() const { return m_json; }
    QString arn() const;
    QString name() const;

private:
    explicit Stage(QJsonObject json)
        : m_json(std::move(json))
    {
    }
    QJsonObject m_json;
};

} // namespace ivs
