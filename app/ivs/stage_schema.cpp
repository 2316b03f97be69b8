#include "ivs/stage_schema.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ivs {

namespace {

FieldSpec leaf(const char *name, FieldType type, const char *description,
               QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined),
               const char *absentMeaning = nullptr)
{
    FieldSpec spec;
    spec.name = QString::fromLatin1(name);
    spec.type = type;
    spec.description = description;
    spec.defaultValue = std::move(defaultValue);
    spec.absentMeaning = absentMeaning;
    return spec;
}

FieldSpec endpoint(const char *name, const char *description)
{
    FieldSpec spec =
        leaf(name, FieldType::String, description, QJsonValue(QJsonValue::Undefined),
             QT_TRANSLATE_NOOP("ivs::StageSchema", "the service did not return this endpoint"));
    spec.isEndpoint = true;
    return spec;
}

FieldSpec group(const char *name, const char *description, std::vector<FieldSpec> children)
{
    FieldSpec spec = leaf(name, FieldType::Object, description);
    spec.children = std::move(children);
    return spec;
}

FieldSpec buildStageSchema()
{
    return group(
        "stage", QT_TRANSLATE_NOOP("ivs::StageSchema", "The stage that is returned."),
        {
            leaf("arn", FieldType::String, QT_TRANSLATE_NOOP("ivs::StageSchema", "Stage ARN.")),
            leaf("name", FieldType::String, QT_TRANSLATE_NOOP("ivs::StageSchema", "Stage name."),
                 QJsonValue(QJsonValue::Undefined),
                 QT_TRANSLATE_NOOP("ivs::StageSchema", "the stage has no name")),
            leaf(
                "activeSessionId", FieldType::String,
                QT_TRANSLATE_NOOP("ivs::StageSchema", "ID of the active session within the stage."),
                QJsonValue(QJsonValue::Undefined),
                QT_TRANSLATE_NOOP("ivs::StageSchema", "no session is active")),
            leaf("tags", FieldType::StringMap,
                 QT_TRANSLATE_NOOP(
                     "ivs::StageSchema",
                     "Tags attached to the resource. Array of maps, each of the form string:string "
                     "(key:value). See Best practices and strategies in Tagging AWS Resources and "
                     "Tag Editor for details, including restrictions that apply to tags and \"Tag "
                     "naming limits and requirements\"; Amazon IVS has no constraints on tags "
                     "beyond what is documented there."),
                 QJsonValue(QJsonValue::Undefined),
                 QT_TRANSLATE_NOOP("ivs::StageSchema", "no tags")),
            group(
                "autoParticipantRecordingConfiguration",
                QT_TRANSLATE_NOOP(
                    "ivs::StageSchema",
                    "Configuration object for individual participant recording, attached to "
                    "the stage."),
                {
                    leaf("storageConfigurationArn", FieldType::String,
                         QT_TRANSLATE_NOOP(
                             "ivs::StageSchema",
                             "ARN of the StorageConfiguration resource to use for individual "
                             "participant recording. Default: \"\" (empty string, no storage "
                             "configuration is specified). Individual participant recording "
                             "cannot be started unless a storage configuration is specified, "
                             "when a Stage is created or updated. To disable individual "
                             "participant recording, set this to \"\"; other fields in this "
                             "object will get reset to their defaults when sending \"\"."),
                         QString(),
                         QT_TRANSLATE_NOOP("ivs::StageSchema",
                                           "no storage configuration: recording is off")),
                    leaf("mediaTypes", FieldType::StringList,
                         QT_TRANSLATE_NOOP("ivs::StageSchema",
                                           "Types of media to be recorded. Default: AUDIO_VIDEO."),
                         QJsonArray{QStringLiteral("AUDIO_VIDEO")}),
                    group(
                        "thumbnailConfiguration",
                        QT_TRANSLATE_NOOP(
                            "ivs::StageSchema",
                            "A complex type that allows you to enable/disable the recording "
                            "of thumbnails for individual participant recording and modify "
                            "the interval at which thumbnails are generated for the live "
                            "session."),
                        {
                            leaf("targetIntervalSeconds", FieldType::Integer,
                                 QT_TRANSLATE_NOOP(
                                     "ivs::StageSchema",
                                     "The targeted thumbnail-generation interval in seconds. "
                                     "This is configurable only if recordingMode is "
                                     "INTERVAL. Default: 60."),
                                 60),
                            leaf("storage", FieldType::StringList,
                                 QT_TRANSLATE_NOOP(
                                     "ivs::StageSchema",
                                     "Indicates the format in which thumbnails are recorded. "
                                     "SEQUENTIAL records all generated thumbnails in a serial "
                                     "manner, to the media/thumbnails/high directory. LATEST "
                                     "saves the latest thumbnail in "
                                     "media/latest_thumbnail/high/thumb.jpg and overwrites "
                                     "it at the interval specified by "
                                     "targetIntervalSeconds. You can enable both SEQUENTIAL "
                                     "and LATEST. Default: SEQUENTIAL."),
                                 QJsonArray{QStringLiteral("SEQUENTIAL")}),
                            leaf("recordingMode", FieldType::String,
                                 QT_TRANSLATE_NOOP("ivs::StageSchema",
                                                   "Thumbnail recording mode. Default: DISABLED."),
                                 QStringLiteral("DISABLED"),
                                 QT_TRANSLATE_NOOP("ivs::StageSchema", "no thumbnails")),
                        }),
                    leaf("recordingReconnectWindowSeconds", FieldType::Integer,
                         QT_TRANSLATE_NOOP(
                             "ivs::StageSchema",
                             "If a stage publisher disconnects and then reconnects within the "
                             "specified interval, the multiple recordings will be considered a "
                             "single recording and merged together. The default value is 0, "
                             "which disables merging."),
                         0, QT_TRANSLATE_NOOP("ivs::StageSchema", "recordings are not merged")),
                    group("hlsConfiguration",
                          QT_TRANSLATE_NOOP(
                              "ivs::StageSchema",
                              "HLS configuration object for individual participant recording."),
                          {
                              leaf("targetSegmentDurationSeconds", FieldType::Integer,
                                   QT_TRANSLATE_NOOP(
                                       "ivs::StageSchema",
                                       "Defines the target duration for recorded segments "
                                       "generated when recording a stage participant. "
                                       "Segments may have durations longer than the specified "
                                       "value when needed to ensure each segment begins with "
                                       "a keyframe. Default: 6."),
                                   6),
                          }),
                    leaf("recordParticipantReplicas", FieldType::Boolean,
                         QT_TRANSLATE_NOOP(
                             "ivs::StageSchema",
                             "Optional field to disable replica participant recording. If this "
                             "is set to false when a participant is a replica, replica "
                             "participants are not recorded. Default: true."),
                         true),
                }),
            group("endpoints",
                  QT_TRANSLATE_NOOP("ivs::StageSchema",
                                    "Summary information about various endpoints for a stage."),
                  {
                      endpoint("events", QT_TRANSLATE_NOOP("ivs::StageSchema", "Events endpoint.")),
                      endpoint("whip", QT_TRANSLATE_NOOP(
                                           "ivs::StageSchema",
                                           "The endpoint to be used for IVS real-time streaming "
                                           "using the WHIP protocol.")),
                      endpoint("rtmp", QT_TRANSLATE_NOOP(
                                           "ivs::StageSchema",
                                           "The endpoint to be used for IVS real-time streaming "
                                           "using the RTMP protocol.")),
                      endpoint("rtmps", QT_TRANSLATE_NOOP(
                                            "ivs::StageSchema",
                                            "The endpoint to be used for IVS real-time streaming "
                                            "using the RTMPS protocol.")),
                  }),
        });
}

} // namespace

const FieldSpec *FieldSpec::child(const QString &memberName) const
{
    for (const FieldSpec &candidate : children) {
        if (candidate.name == memberName)
            return &candidate;
    }
    return nullptr;
}

QString FieldSpec::descriptionText() const
{
    return QCoreApplication::translate("ivs::StageSchema", description);
}

QString FieldSpec::absentMeaningText() const
{
    return absentMeaning ? QCoreApplication::translate("ivs::StageSchema", absentMeaning)
                         : QString();
}

const FieldSpec &stageSchema()
{
    static const FieldSpec schema = buildStageSchema();
    return schema;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QCoreApplication::translate("ivs::StageSchema", "a string");
    case FieldType::Integer:
        return QCoreApplication::translate("ivs::StageSchema", "an integer");
    case FieldType::Boolean:
        return QCoreApplication::translate("ivs::StageSchema", "a boolean");
    case FieldType::StringList:
        return QCoreApplication::translate("ivs::StageSchema", "a list of strings");
    case FieldType::StringMap:
        return QCoreApplication::translate("ivs::StageSchema", "an object of string values");
    case FieldType::Object:
        return QCoreApplication::translate("ivs::StageSchema", "an object");
    }
    return {};
}

} // namespace ivs
