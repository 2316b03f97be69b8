#include "recordings/recording_files.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace recordings {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(recordings::RecordingFiles)
};

bool setProblem(QString *problem, const QString &text)
{
    if (problem)
        *problem = text;
    return false;
}

} // namespace

FileKind fileKind(const QString &path)
{
    if (path == QLatin1String("events/recording-started.json"))
        return FileKind::StartedEvent;
    if (path == QLatin1String("events/recording-ended.json"))
        return FileKind::EndedEvent;
    if (path == QLatin1String("events/recording-failed.json"))
        return FileKind::FailedEvent;
    if (path.startsWith(QLatin1String("events/")))
        return FileKind::OtherEvent;
    if (path.startsWith(QLatin1String("media/hls/")))
        return path.endsWith(QLatin1String(".m3u8")) ? FileKind::HlsPlaylist : FileKind::HlsMedia;
    if (path.startsWith(QLatin1String("media/thumbnails/")))
        return FileKind::Thumbnail;
    if (path.startsWith(QLatin1String("media/latest_thumbnail/")))
        return FileKind::LatestThumbnail;
    return FileKind::Other;
}

std::optional<QString> safeRelativePath(const QString &prefix, const QString &key, QString *problem)
{
    if (key.toUtf8().size() > kMaxKeyBytes) {
        setProblem(problem, Text::tr("the key is longer than %1 bytes").arg(kMaxKeyBytes));
        return std::nullopt;
    }
    QString base = prefix;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!base.isEmpty())
        base += QLatin1Char('/');
    if (!key.startsWith(base)) {
        setProblem(problem, Text::tr("the key is not under the recording's prefix"));
        return std::nullopt;
    }
    const QString relative = key.mid(base.size());
    if (relative.isEmpty()) {
        setProblem(problem, Text::tr("the key names the prefix itself"));
        return std::nullopt;
    }
    if (relative.startsWith(QLatin1Char('/'))) {
        setProblem(problem, Text::tr("the key would be an absolute path"));
        return std::nullopt;
    }
    for (const QChar c : relative) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\')) {
            setProblem(problem, Text::tr("the key holds a control character or a backslash"));
            return std::nullopt;
        }
    }
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) {
            setProblem(problem, Text::tr("the key holds an empty, \".\" or \"..\" component"));
            return std::nullopt;
        }
    }
    return relative;
}

QString objectKey(const QString &prefix, const QString &path)
{
    if (prefix.isEmpty() || prefix.endsWith(QLatin1Char('/')))
        return prefix + path;
    return prefix + QLatin1Char('/') + path;
}

namespace {

// Compares runs of digits by value and everything else by code point.
bool naturallyBefore(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype endA = i;
            while (endA < a.size() && a.at(endA).isDigit())
                ++endA;
            qsizetype endB = j;
            while (endB < b.size() && b.at(endB).isDigit())
                ++endB;
            // Leading zeros do not count; then the longer run is the larger number.
            QStringView runA = QStringView(a).sliced(i, endA - i);
            QStringView runB = QStringView(b).sliced(j, endB - j);
            while (runA.size() > 1 && runA.front() == QLatin1Char('0'))
                runA = runA.sliced(1);
            while (runB.size() > 1 && runB.front() == QLatin1Char('0'))
                runB = runB.sliced(1);
            if (runA.size() != runB.size())
                return runA.size() < runB.size();
            if (const int order = runA.compare(runB); order != 0)
                return order < 0;
            i = endA;
            j = endB;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j);
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return (a.size() - i) < (b.size() - j);
    return a < b;
}

} // namespace

void sortNaturally(QStringList &paths)
{
    std::sort(paths.begin(), paths.end(), naturallyBefore);
}

QByteArray md5FromEtag(const QByteArray &etag)
{
    static const QRegularExpression md5(QStringLiteral("^[0-9a-fA-F]{32}$"));
    const QString text = QString::fromLatin1(etag);
    return md5.match(text).hasMatch() ? etag.toLower() : QByteArray();
}

} // namespace recordings
