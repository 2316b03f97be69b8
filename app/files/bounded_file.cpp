#include "files/bounded_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace files {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(files::BoundedFile)
};

constexpr qint64 kChunk = 64 * 1024;

// `what` at the start of a sentence.
QString capitalised(QString what)
{
    if (!what.isEmpty())
        what[0] = what.at(0).toUpper();
    return what;
}

QString tooLarge(const QString &what, const QString &path, qint64 maxBytes)
{
    return Text::tr("%1 \"%2\" holds more than %3: it is not what it should be, so it was not "
                    "read.")
        .arg(capitalised(what), path, sizeText(maxBytes));
}

#ifdef Q_OS_UNIX
QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

std::optional<QByteArray> readUnix(const QString &path, qint64 maxBytes, Accept accept,
                                   const QString &what, QString *error)
{
    // Regular files only: opened without blocking, so that a FIFO with no writer is looked at,
    // not waited on. Otherwise a pipe is opened as the user meant, waiting for its writer.
    const QByteArray native = QFile::encodeName(path);
    const int mode =
        accept == Accept::RegularFiles ? O_RDONLY | O_NONBLOCK | O_CLOEXEC : O_RDONLY | O_CLOEXEC;
    const int descriptor = ::open(native.constData(), mode);
    if (descriptor < 0) {
        const int code = errno;
        *error = code == ENOENT
                     ? Text::tr("%1 \"%2\" does not exist.").arg(capitalised(what), path)
                     : Text::tr("Cannot read %1 \"%2\": %3.").arg(what, path, systemError(code));
        return std::nullopt;
    }
    struct Closer {
        int descriptor;
        ~Closer() { ::close(descriptor); }
    } closer{descriptor};
    struct stat info {};
    if (::fstat(descriptor, &info) != 0) {
        *error = Text::tr("Cannot read %1 \"%2\": %3.").arg(what, path, systemError(errno));
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
        *error = Text::tr("%1 \"%2\" is a directory, not a file.").arg(capitalised(what), path);
        return std::nullopt;
    }
    if (accept == Accept::RegularFiles && !S_ISREG(info.st_mode)) {
        *error = Text::tr("%1 \"%2\" is not a regular file (a pipe, a device or a socket), so it "
                          "was not read.")
                     .arg(capitalised(what), path);
        return std::nullopt;
    }
    if (S_ISREG(info.st_mode) && info.st_size > maxBytes) {
        *error = tooLarge(what, path, maxBytes);
        return std::nullopt;
    }
    // A regular file never blocks; clearing the flag keeps reads plain.
    const int flags = ::fcntl(descriptor, F_GETFL);
    if (flags >= 0)
        ::fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK);

    QByteArray bytes;
    for (;;) {
        const qint64 room = maxBytes + 1 - bytes.size(); // one more shows "too large"
        const qint64 want = std::min(kChunk, room);
        const qsizetype before = bytes.size();
        bytes.resize(before + want);
        const ssize_t got = ::read(descriptor, bytes.data() + before, static_cast<size_t>(want));
        if (got < 0) {
            if (errno == EINTR) {
                bytes.resize(before);
                continue;
            }
            *error = Text::tr("Cannot read %1 \"%2\": %3.").arg(what, path, systemError(errno));
            return std::nullopt;
        }
        bytes.resize(before + got);
        if (got == 0)
            return bytes;
        if (bytes.size() > maxBytes) {
            *error = tooLarge(what, path, maxBytes);
            return std::nullopt;
        }
    }
}
#endif

} // namespace

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return Text::tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return Text::tr("%1 KiB").arg(bytes / 1024);
    return Text::tr("%1 bytes").arg(bytes);
}

std::optional<QByteArray> readBounded(const QString &path, qint64 maxBytes, Accept accept,
                                      const QString &what, QString *error)
{
#ifdef Q_OS_UNIX
    return readUnix(path, maxBytes, accept, what, error);
#else
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = Text::tr("%1 \"%2\" does not exist.").arg(capitalised(what), path);
        return std::nullopt;
    }
    if (info.isDir()) {
        *error = Text::tr("%1 \"%2\" is a directory, not a file.").arg(capitalised(what), path);
        return std::nullopt;
    }
    if (accept == Accept::RegularFiles && !info.isFile()) {
        *error = Text::tr("%1 \"%2\" is not a regular file (a pipe, a device or a socket), so it "
                          "was not read.")
                     .arg(capitalised(what), path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("Cannot read %1 \"%2\": %3.").arg(what, path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes;
    while (bytes.size() <= maxBytes) {
        const QByteArray chunk = file.read(std::min(kChunk, maxBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > maxBytes) {
        *error = tooLarge(what, path, maxBytes);
        return std::nullopt;
    }
    return bytes;
#endif
}

} // namespace files
