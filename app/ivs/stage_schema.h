#pragma once

#include <QJsonValue>
#include <QString>
#include <vector>

namespace ivs {

enum class FieldType { String, Integer, Boolean, StringList, StringMap, Object };

// One field of the GetStage response as the API reference documents it. The schema drives
// parsing (type checks), the tree (every documented field appears) and defaults.
struct FieldSpec {
    QString name; // JSON member name
    FieldType type = FieldType::String;
    const char *description = ""; // from the API reference; translated through descriptionText()
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // Undefined: none documented
    const char *absentMeaning = nullptr; // what it means for the service to leave it out
    bool isEndpoint = false;
    std::vector<FieldSpec> children; // members, when type is Object

    bool hasDefault() const { return !defaultValue.isUndefined(); }
    const FieldSpec *child(const QString &memberName) const;
    QString descriptionText() const;
    QString absentMeaningText() const;
};

// The `stage` object of the GetStage response (API version 2020-07-14).
const FieldSpec &stageSchema();

QString fieldTypeName(FieldType type);

} // namespace ivs
