#include "ivs/stage.h"

#include "ivs/stage_schema.h"

#include <cmath>
#include <limits>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::Stage)
};

QString jsonKindName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return Text::tr("a boolean");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("a list");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number &&
           number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max();
}

bool allStrings(const QJsonArray &array)
{
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return false;
    }
    return true;
}

bool allStringValues(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return false;
    }
    return true;
}

bool hasType(const QJsonValue &value, FieldType type)
{
    switch (type) {
    case FieldType::String:
        return value.isString();
    case FieldType::Integer:
        return isInteger(value);
    case FieldType::Boolean:
        return value.isBool();
    case FieldType::StringList:
        return value.isArray() && allStrings(value.toArray());
    case FieldType::StringMap:
        return value.isObject() && allStringValues(value.toObject());
    case FieldType::Object:
        return value.isObject();
    }
    return false;
}

// Checks every documented member that is present; unknown members are accepted untouched.
QString validateObject(const QJsonObject &object, const FieldSpec &spec, const QString &path)
{
    for (const FieldSpec &member : spec.children) {
        const QJsonValue value = object.value(member.name);
        // A null is what some serialisers emit for "not set": treat it as omitted.
        if (value.isUndefined() || value.isNull())
            continue;
        const QString memberPath = path + QLatin1Char('.') + member.name;
        if (!hasType(value, member.type)) {
            return Text::tr("The service's answer is malformed: %1 should be %2, but it is %3.")
                .arg(memberPath, fieldTypeName(member.type), jsonKindName(value));
        }
        if (member.type == FieldType::Object) {
            const QString problem = validateObject(value.toObject(), member, memberPath);
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

} // namespace

std::optional<Stage> Stage::fromJson(const QJsonObject &stage, QString *error)
{
    QString problem = validateObject(stage, stageSchema(), QStringLiteral("stage"));
    if (problem.isEmpty() && stage.value(QStringLiteral("arn")).toString().isEmpty())
        problem = Text::tr("The service's answer is malformed: stage.arn is missing.");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return Stage(stage);
}

std::optional<Stage> Stage::fromGetStageResponse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QString problem;
    if (parseError.error != QJsonParseError::NoError) {
        problem = Text::tr("The service's answer is not valid JSON (%1 at byte %2).")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
    } else if (!document.isObject()) {
        problem = Text::tr("The service's answer is malformed: expected a JSON object.");
    } else if (!document.object().value(QStringLiteral("stage")).isObject()) {
        problem = Text::tr("The service's answer is malformed: it has no \"stage\" object.");
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return fromJson(document.object().value(QStringLiteral("stage")).toObject(), error);
}

QString Stage::arn() const
{
    return m_json.value(QStringLiteral("arn")).toString();
}

QString Stage::name() const
{
    return m_json.value(QStringLiteral("name")).toString();
}

} // namespace ivs
