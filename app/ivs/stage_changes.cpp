#include "ivs/stage_changes.h"

#include "ivs/resource_paths.h"
#include "ivs/stage.h"
#include "ivs/stage_rules.h"
#include "ivs/stage_schema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ivs {

namespace {

const QString kRecordingKey = QStringLiteral("autoParticipantRecordingConfiguration");
const QString kFormat = QStringLiteral("ivs-stage-browser/stage-configuration");
constexpr int kFormatVersion = 1;

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::StageChanges)
};

// The effective object of `spec` over `received`: documented defaults fill what is missing.
QJsonObject withDefaults(const FieldSpec &spec, const QJsonObject &received)
{
    QJsonObject effective;
    for (const FieldSpec &member : spec.children) {
        const QJsonValue value = received.value(member.name);
        if (member.type == FieldType::Object)
            effective.insert(member.name, withDefaults(member, value.toObject()));
        else if (!value.isUndefined() && !value.isNull())
            effective.insert(member.name, value);
        else if (member.hasDefault())
            effective.insert(member.name, member.defaultValue);
    }
    return effective;
}

QJsonValue objectPath(const QJsonObject &object, const QStringList &keys)
{
    QJsonValue current = object;
    for (const QString &key : keys)
        current = current.toObject().value(key);
    return current;
}

QJsonObject withObjectPath(QJsonObject object, QStringList keys, const QJsonValue &value)
{
    const QString key = keys.takeFirst();
    if (keys.isEmpty())
        object.insert(key, value);
    else
        object.insert(key, withObjectPath(object.value(key).toObject(), keys, value));
    return object;
}

void collectLeafChanges(const QJsonObject &before, const QJsonObject &after, const QString &prefix,
                        QList<FieldChange> &changes)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue oldValue = before.value(key);
        const QJsonValue newValue = after.value(key);
        const QString path = prefix + QLatin1Char('.') + key;
        if (oldValue.isObject() && newValue.isObject())
            collectLeafChanges(oldValue.toObject(), newValue.toObject(), path, changes);
        else if (oldValue != newValue)
            changes.append({path, oldValue, newValue});
    }
}

QString tagPath(const QString &key)
{
    return QStringLiteral("tags[\"%1\"]").arg(key);
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

EditableConfig EditableConfig::fromStage(const Stage &stage)
{
    EditableConfig config;
    config.name = stage.json().value(QStringLiteral("name")).toString();
    config.recording = withDefaults(*stageSchema().child(kRecordingKey),
                                    stage.json().value(kRecordingKey).toObject());
    const QJsonObject tags = stage.json().value(QStringLiteral("tags")).toObject();
    for (auto it = tags.begin(); it != tags.end(); ++it)
        config.tags.insert(it.key(), it.value().toString());
    return config;
}

QJsonValue EditableConfig::valueAt(const QString &path) const
{
    if (path == QLatin1String("name"))
        return name;
    QStringList keys = path.split(QLatin1Char('.'));
    if (keys.takeFirst() != kRecordingKey)
        return QJsonValue(QJsonValue::Undefined);
    return objectPath(recording, keys);
}

void EditableConfig::setValue(const QString &path, const QJsonValue &value)
{
    if (path == QLatin1String("name")) {
        name = value.toString();
        return;
    }
    QStringList keys = path.split(QLatin1Char('.'));
    if (keys.takeFirst() == kRecordingKey && !keys.isEmpty())
        recording = withObjectPath(recording, keys, value);
}

bool EditableConfig::recordingOff() const
{
    return recording.value(QStringLiteral("storageConfigurationArn")).toString().isEmpty();
}

EditableConfig EditableConfig::normalized() const
{
    if (!recordingOff())
        return *this;
    EditableConfig result = *this;
    result.recording = withDefaults(*stageSchema().child(kRecordingKey), QJsonObject());
    return result;
}

QJsonObject EditableConfig::toDocument(const QString &sourceArn) const
{
    QJsonObject tagObject;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        tagObject.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("sourceArn"), sourceArn},
        {QStringLiteral("stage"), QJsonObject{{QStringLiteral("name"), name},
                                              {kRecordingKey, recording},
                                              {QStringLiteral("tags"), tagObject}}},
    };
}

std::optional<EditableConfig> EditableConfig::fromDocument(const QJsonObject &document,
                                                           const EditableConfig &base,
                                                           QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<EditableConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (document.value(QStringLiteral("format")).toString() != kFormat)
        return fail(Text::tr("This is not a stage configuration exported by IVS Stage Browser (its "
                             "\"format\" is not \"%1\").")
                        .arg(kFormat));
    if (document.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return fail(
            Text::tr("Unsupported stage configuration version %1 (this app reads version %2).")
                .arg(document.value(QStringLiteral("version")).toInt())
                .arg(kFormatVersion));
    const QJsonValue stage = document.value(QStringLiteral("stage"));
    if (!stage.isObject())
        return fail(Text::tr("The file has no \"stage\" object."));
    const QJsonObject object = stage.toObject();

    EditableConfig config = base;
    if (object.contains(QStringLiteral("name"))) {
        if (!object.value(QStringLiteral("name")).isString())
            return fail(Text::tr("stage.name must be text."));
        config.name = object.value(QStringLiteral("name")).toString();
    }
    if (object.contains(kRecordingKey)) {
        if (!object.value(kRecordingKey).isObject())
            return fail(Text::tr("stage.%1 must be an object.").arg(kRecordingKey));
        QString problem;
        const auto parsed =
            Stage::fromJson(QJsonObject{{QStringLiteral("arn"), QStringLiteral("file")},
                                        {kRecordingKey, object.value(kRecordingKey)}},
                            &problem);
        if (!parsed)
            return fail(problem);
        config.recording = withDefaults(*stageSchema().child(kRecordingKey),
                                        object.value(kRecordingKey).toObject());
    }
    if (object.contains(QStringLiteral("tags"))) {
        const QJsonValue tags = object.value(QStringLiteral("tags"));
        if (!tags.isObject())
            return fail(Text::tr("stage.tags must be an object of text values."));
        config.tags.clear();
        const QJsonObject tagObject = tags.toObject();
        for (auto it = tagObject.begin(); it != tagObject.end(); ++it) {
            if (!it.value().isString())
                return fail(Text::tr("Tag \"%1\" must have a text value.").arg(it.key()));
            config.tags.insert(it.key(), it.value().toString());
        }
    }
    const QStringList problems = configProblems(config);
    if (!problems.isEmpty())
        return fail(problems.join(QLatin1Char(' ')));
    return config.normalized();
}

QList<FieldChange> ignoredRecordingSettings(const QJsonObject &document,
                                            const EditableConfig &applied)
{
    if (!applied.recordingOff())
        return {};
    const QJsonObject given =
        document.value(QStringLiteral("stage")).toObject().value(kRecordingKey).toObject();
    QList<FieldChange> ignored;
    const QStringList paths = editablePaths();
    for (const QString &path : paths) {
        QStringList keys = path.split(QLatin1Char('.'));
        if (keys.takeFirst() != kRecordingKey ||
            keys == QStringList{QStringLiteral("storageConfigurationArn")})
            continue;
        const QJsonValue value = objectPath(given, keys);
        if (value.isUndefined() || value.isNull() || value == applied.valueAt(path))
            continue;
        ignored.append({path, applied.valueAt(path), value});
    }
    return ignored;
}

QStringList configProblems(const EditableConfig &config)
{
    QStringList problems;
    const QStringList paths = editablePaths();
    for (const QString &path : paths) {
        const QString problem = valueProblem(*ruleForPath(path), config.valueAt(path));
        if (!problem.isEmpty())
            problems.append(QStringLiteral("%1: %2").arg(path, problem));
    }
    if (config.tags.size() > kMaxTags)
        problems.append(
            Text::tr("At most %1 tags; there are %2.").arg(kMaxTags).arg(config.tags.size()));
    for (auto it = config.tags.begin(); it != config.tags.end(); ++it) {
        QString problem = tagKeyProblem(it.key());
        if (problem.isEmpty())
            problem = tagValueProblem(it.value());
        if (!problem.isEmpty())
            problems.append(QStringLiteral("%1: %2").arg(tagPath(it.key()), problem));
    }
    return problems;
}

StageChanges diffConfigs(const QString &arn, const EditableConfig &before,
                         const EditableConfig &after)
{
    StageChanges result;
    result.arn = arn;
    if (before.name != after.name)
        result.changes.append({QStringLiteral("name"), before.name, after.name});
    collectLeafChanges(before.recording, after.recording, kRecordingKey, result.changes);
    const bool recordingChanged = before.recording != after.recording;

    if (before.name != after.name || recordingChanged) {
        QJsonObject body{{QStringLiteral("arn"), arn}};
        if (before.name != after.name)
            body.insert(QStringLiteral("name"), after.name);
        if (recordingChanged) {
            const QString storage =
                after.recording.value(QStringLiteral("storageConfigurationArn")).toString();
            result.disablesRecording =
                storage.isEmpty() &&
                !before.recording.value(QStringLiteral("storageConfigurationArn"))
                     .toString()
                     .isEmpty();
            // Sending "" turns recording off and resets everything else: send nothing else, so
            // that the request says exactly what will happen.
            body.insert(kRecordingKey,
                        storage.isEmpty()
                            ? QJsonObject{{QStringLiteral("storageConfigurationArn"), QString()}}
                            : after.recording);
        }
        result.updateStageBody = body;
    }

    for (auto it = after.tags.begin(); it != after.tags.end(); ++it) {
        if (!before.tags.contains(it.key()) || before.tags.value(it.key()) != it.value()) {
            result.tagsToSet.insert(it.key(), it.value());
            result.changes.append({tagPath(it.key()),
                                   before.tags.contains(it.key())
                                       ? QJsonValue(before.tags.value(it.key()))
                                       : QJsonValue(QJsonValue::Undefined),
                                   it.value()});
        }
    }
    for (auto it = before.tags.begin(); it != before.tags.end(); ++it) {
        if (!after.tags.contains(it.key())) {
            result.tagKeysToRemove.append(it.key());
            result.changes.append(
                {tagPath(it.key()), it.value(), QJsonValue(QJsonValue::Undefined)});
        }
    }
    return result;
}

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QCoreApplication::translate("ivs::StageChanges", "(none)");
    case QJsonValue::String:
        return value.toString().isEmpty() ? QStringLiteral("\"\"")
                                          : QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        break;
    }
    return QStringLiteral("null");
}

QString StageChanges::reviewText() const
{
    if (isEmpty())
        return Text::tr("No changes.");
    QString text = Text::tr("Changes to %1:").arg(arn) + QLatin1Char('\n');
    for (const FieldChange &change : changes)
        text += QStringLiteral("  %1: %2 → %3\n")
                    .arg(change.path, describeValue(change.before), describeValue(change.after));
    if (disablesRecording)
        text += Text::tr(
                    "Recording will be turned OFF: sending an empty storageConfigurationArn resets "
                    "every other recording setting to its default.") +
                QLatin1Char('\n');
    text += QLatin1Char('\n') + Text::tr("Requests:") + QLatin1Char('\n');
    if (updateStageBody)
        text += QStringLiteral("  POST /UpdateStage %1\n").arg(compactJson(*updateStageBody));
    // Paths and queries exactly as they go on the wire, percent-encoding included.
    if (!tagsToSet.isEmpty()) {
        QJsonObject tags;
        for (auto it = tagsToSet.begin(); it != tagsToSet.end(); ++it)
            tags.insert(it.key(), it.value());
        text += QStringLiteral("  POST %1 %2\n")
                    .arg(QString::fromLatin1(tagsPath(arn)),
                         compactJson(QJsonObject{{QStringLiteral("tags"), tags}}));
    }
    if (!tagKeysToRemove.isEmpty())
        text += QStringLiteral("  DELETE %1?%2\n")
                    .arg(QString::fromLatin1(tagsPath(arn)),
                         QString::fromLatin1(tagKeysQuery(tagKeysToRemove)));
    return text;
}

} // namespace ivs
