#pragma once

#include <optional>
#include <QString>

// The one spelling of a stage field's path, as rows, edits, findings and reviews name it:
// "name", "autoParticipantRecordingConfiguration.mediaTypes", a tag: tags["key"].
namespace ivs::fieldpath {

inline const QString kName = QStringLiteral("name");
inline const QString kTags = QStringLiteral("tags");
inline const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration");
inline const QString kStorageConfigurationArn =
    QStringLiteral("autoParticipantRecordingConfiguration.storageConfigurationArn");

// tags["key"]; the key is written as it is (a key holding `"` still reads back whole).
QString tag(const QString &key);
// The key of a tags["key"] path; nullopt for any other path.
std::optional<QString> tagKey(const QString &path);
// participants["id"]: not a field of the stage but a participant of its active session, as a
// finding about one names it.
QString participant(const QString &participantId);
// The participant ID of a participants["id"] path; nullopt for any other path.
std::optional<QString> participantId(const QString &path);
// A setting under autoParticipantRecordingConfiguration (the group itself included).
bool isRecordingSetting(const QString &path);

} // namespace ivs::fieldpath
