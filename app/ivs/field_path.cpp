#include "ivs/field_path.h"

namespace ivs::fieldpath {

namespace {
const QString kTagPrefix = QStringLiteral("tags[\"");
const QString kTagSuffix = QStringLiteral("\"]");
} // namespace

QString tag(const QString &key)
{
    return kTagPrefix + key + kTagSuffix;
}

std::optional<QString> tagKey(const QString &path)
{
    if (!path.startsWith(kTagPrefix) || !path.endsWith(kTagSuffix) ||
        path.size() < kTagPrefix.size() + kTagSuffix.size())
        return std::nullopt;
    return path.mid(kTagPrefix.size(), path.size() - kTagPrefix.size() - kTagSuffix.size());
}

bool isRecordingSetting(const QString &path)
{
    return path == kRecording || path.startsWith(kRecording + QLatin1Char('.'));
}

} // namespace ivs::fieldpath
