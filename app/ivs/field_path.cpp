#include "ivs/field_path.h"

namespace ivs::fieldpath {

namespace {
const QString kTagPrefix = QStringLiteral("tags[\"");
const QString kParticipantPrefix = QStringLiteral("participants[\"");
const QString kKeySuffix = QStringLiteral("\"]");

std::optional<QString> keyOf(const QString &path, const QString &prefix)
{
    if (!path.startsWith(prefix) || !path.endsWith(kKeySuffix) ||
        path.size() < prefix.size() + kKeySuffix.size())
        return std::nullopt;
    return path.mid(prefix.size(), path.size() - prefix.size() - kKeySuffix.size());
}
} // namespace

QString tag(const QString &key)
{
    return kTagPrefix + key + kKeySuffix;
}

std::optional<QString> tagKey(const QString &path)
{
    return keyOf(path, kTagPrefix);
}

QString participant(const QString &participantId)
{
    return kParticipantPrefix + participantId + kKeySuffix;
}

std::optional<QString> participantId(const QString &path)
{
    return keyOf(path, kParticipantPrefix);
}

bool isRecordingSetting(const QString &path)
{
    return path == kRecording || path.startsWith(kRecording + QLatin1Char('.'));
}

} // namespace ivs::fieldpath
