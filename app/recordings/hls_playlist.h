#pragma once

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>

namespace recordings {

// One variant of a multivariant playlist (#EXT-X-STREAM-INF and the URI after it).
struct HlsVariant {
    QString uri; // relative to the playlist: "high/playlist.m3u8"
    qint64 bandwidth = 0;
    int width = 0;
    int height = 0;
};

// What a media playlist says of its segments.
struct HlsMediaPlaylist {
    double durationSeconds = 0; // the sum of #EXTINF
    int segments = 0;
    bool ended = false; // #EXT-X-ENDLIST: nothing more will be added
};

// The largest playlist read: a few hours of 6-second segments are well under it.
inline constexpr qint64 kMaxPlaylistBytes = 4 * 1024 * 1024;
// The most variants a multivariant playlist may list here.
inline constexpr int kMaxVariants = 64;

// Each gives nullopt and the reason in `problem` for a body that is not an HLS playlist (it
// must start with #EXTM3U) or is larger than kMaxPlaylistBytes.
std::optional<QList<HlsVariant>> parseMultivariantPlaylist(const QByteArray &body,
                                                           QString *problem = nullptr);
std::optional<HlsMediaPlaylist> parseMediaPlaylist(const QByteArray &body,
                                                   QString *problem = nullptr);

} // namespace recordings
