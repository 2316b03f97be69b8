#pragma once

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ivs {

class Stage;

// The parts of a stage a user can change, with every documented default filled in: what the
// stage is, or what it should become.
struct EditableConfig {
    QString name;
    QJsonObject recording; // autoParticipantRecordingConfiguration, complete
    QMap<QString, QString> tags;

    static EditableConfig fromStage(const Stage &stage);
    QJsonValue valueAt(const QString &path) const; // "name", "autoParticipant….mediaTypes"
    void setValue(const QString &path, const QJsonValue &value);
    bool recordingOff() const;
    // With recording off the service resets every other recording setting to its default; the
    // normalized configuration says so instead of promising values that will not stick.
    EditableConfig normalized() const;

    // The export file format: {"format": …, "stage": {name, autoParticipantRecordingConfiguration,
    // tags}}.
    QJsonObject toDocument(const QString &sourceArn) const;
    // Reads an exported document; fills what it omits from `base`. nullopt + error when malformed.
    static std::optional<EditableConfig> fromDocument(const QJsonObject &document,
                                                      const EditableConfig &base, QString *error);

    friend bool operator==(const EditableConfig &, const EditableConfig &) = default;
};

struct FieldChange {
    QString path;      // "name", "autoParticipantRecordingConfiguration.…", tags["key"]
    QJsonValue before; // Undefined: did not exist (a new tag)
    QJsonValue after;  // Undefined: removed (a deleted tag)
};

// Everything that differs between two configurations, and the requests that make it so.
struct StageChanges {
    QString arn;
    QList<FieldChange> changes;
    std::optional<QJsonObject> updateStageBody; // UpdateStage, when name or recording changed
    QMap<QString, QString> tagsToSet;           // TagResource
    QStringList tagKeysToRemove;                // UntagResource
    bool disablesRecording = false; // storageConfigurationArn becomes "": the rest resets

    bool isEmpty() const { return changes.isEmpty(); }
    // A plain-text review: each change old → new, then each request exactly as it will be sent.
    QString reviewText() const;
};

StageChanges diffConfigs(const QString &arn, const EditableConfig &before,
                         const EditableConfig &after);

// The recording settings an exported `document` gives that `applied` (what it was read into)
// does not keep because recording is off in it (an empty storageConfigurationArn): the service
// resets them to their defaults. Each with the value that holds (`before`) and the file's
// (`after`); empty when recording is on or the file gives no other recording setting.
QList<FieldChange> ignoredRecordingSettings(const QJsonObject &document,
                                            const EditableConfig &applied);

// Every problem in `config` (field rules, tag limits); empty when it may be sent.
QStringList configProblems(const EditableConfig &config);

QString describeValue(const QJsonValue &value);

} // namespace ivs
