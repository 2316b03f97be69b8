#include "recordings/hls_playlist.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace recordings {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(recordings::HlsPlaylist)
};

// The playlist's lines, without line ends; nullopt when it is not a playlist.
std::optional<QList<QByteArray>> linesOf(const QByteArray &body, QString *problem)
{
    if (body.size() > kMaxPlaylistBytes) {
        if (problem)
            *problem =
                Text::tr("the playlist is larger than %1 MiB").arg(kMaxPlaylistBytes / 1024 / 1024);
        return std::nullopt;
    }
    QList<QByteArray> lines = body.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (lines.isEmpty() || !lines.first().startsWith("#EXTM3U")) {
        if (problem)
            *problem = Text::tr("it does not start with #EXTM3U");
        return std::nullopt;
    }
    return lines;
}

// The value of `name` in an attribute list: BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="…".
QByteArray attribute(const QByteArray &list, const QByteArray &name)
{
    qsizetype at = 0;
    while (at < list.size()) {
        const qsizetype equals = list.indexOf('=', at);
        if (equals < 0)
            return {};
        const QByteArray key = list.mid(at, equals - at).trimmed();
        qsizetype end = equals + 1;
        if (end < list.size() && list.at(end) == '"') {
            const qsizetype close = list.indexOf('"', end + 1);
            end = close < 0 ? list.size() : close + 1;
        } else {
            const qsizetype comma = list.indexOf(',', end);
            end = comma < 0 ? list.size() : comma;
        }
        if (key == name) {
            QByteArray value = list.mid(equals + 1, end - equals - 1);
            if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            return value;
        }
        at = end + 1;
    }
    return {};
}

} // namespace

std::optional<QList<HlsVariant>> parseMultivariantPlaylist(const QByteArray &body, QString *problem)
{
    const auto lines = linesOf(body, problem);
    if (!lines)
        return std::nullopt;
    static const QRegularExpression resolution(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    QList<HlsVariant> variants;
    std::optional<HlsVariant> pending;
    for (const QByteArray &line : *lines) {
        if (line.startsWith("#EXT-X-STREAM-INF:")) {
            HlsVariant variant;
            const QByteArray attributes = line.mid(18);
            variant.bandwidth = attribute(attributes, "BANDWIDTH").toLongLong();
            const auto match =
                resolution.match(QString::fromLatin1(attribute(attributes, "RESOLUTION")));
            if (match.hasMatch()) {
                variant.width = match.captured(1).toInt();
                variant.height = match.captured(2).toInt();
            }
            pending = variant;
        } else if (!line.isEmpty() && !line.startsWith('#') && pending) {
            pending->uri = QString::fromUtf8(line.trimmed()).left(1024);
            variants.append(*pending);
            pending.reset();
            if (variants.size() == kMaxVariants)
                break;
        }
    }
    return variants;
}

std::optional<HlsMediaPlaylist> parseMediaPlaylist(const QByteArray &body, QString *problem)
{
    const auto lines = linesOf(body, problem);
    if (!lines)
        return std::nullopt;
    HlsMediaPlaylist playlist;
    for (const QByteArray &line : *lines) {
        if (line.startsWith("#EXTINF:")) {
            QByteArray value = line.mid(8);
            const qsizetype comma = value.indexOf(',');
            if (comma >= 0)
                value.truncate(comma);
            bool ok = false;
            const double seconds = value.trimmed().toDouble(&ok);
            if (ok && seconds >= 0 && seconds < 86400) {
                playlist.durationSeconds += seconds;
                ++playlist.segments;
            }
        } else if (line.startsWith("#EXT-X-ENDLIST")) {
            playlist.ended = true;
        }
    }
    return playlist;
}

} // namespace recordings
