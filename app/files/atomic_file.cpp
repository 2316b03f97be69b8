#include "files/atomic_file.h"

#include <QCoreApplication>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <QRandomGenerator>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QSaveFile>
#endif

namespace files {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(files::AtomicFile)
};

// What is at a path, the link itself rather than where it points.
enum class Kind { Missing, Regular, Refused };

struct Found {
    Kind kind = Kind::Missing;
    unsigned permissions = 0; // of a regular file, to keep when it is replaced
    QString problem;          // Refused: why
};

QString linkProblem(const QString &target, bool targetExists)
{
    return targetExists
               ? Text::tr("it is a symbolic link to %1, and links are not followed. To write "
                          "%1, give that name instead.")
                     .arg(target)
               : Text::tr("it is a symbolic link to %1, which does not exist; links are not "
                          "followed.")
                     .arg(target);
}

QString folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

#ifdef Q_OS_UNIX
QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

Found inspect(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info {};
    if (::lstat(native.constData(), &info) != 0) {
        const int code = errno;
        if (code == ENOENT)
            return {Kind::Missing, 0, {}};
        return {Kind::Refused, 0, systemError(code)};
    }
    if (S_ISREG(info.st_mode))
        return {Kind::Regular, static_cast<unsigned>(info.st_mode & 0777), {}};
    if (S_ISLNK(info.st_mode)) {
        struct stat target {};
        const bool exists = ::stat(native.constData(), &target) == 0;
        return {Kind::Refused, 0, linkProblem(QFileInfo(path).symLinkTarget(), exists)};
    }
    if (S_ISDIR(info.st_mode))
        return {Kind::Refused, 0, Text::tr("it is a directory, not a file.")};
    const QString what = S_ISFIFO(info.st_mode)   ? Text::tr("a pipe (FIFO)")
                         : S_ISSOCK(info.st_mode) ? Text::tr("a socket")
                                                  : Text::tr("a device");
    return {Kind::Refused, 0,
            Text::tr("it is %1, not a regular file, so it is not replaced.").arg(what)};
}

QString folderProblem(const QString &path)
{
    const QString folder = folderOf(path);
    const QByteArray native = QFile::encodeName(folder);
    struct stat info {};
    if (::stat(native.constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        return Text::tr("the directory %1 does not exist.").arg(folder);
    if (::access(native.constData(), W_OK | X_OK) != 0)
        return Text::tr("no new file can be made in the directory %1 (%2).")
            .arg(folder, systemError(errno));
    return {};
}

bool writeAll(int descriptor, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(descriptor, data, static_cast<size_t>(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}

// A new file next to `path`, made here and nowhere else (O_EXCL, O_NOFOLLOW): its name, or empty
// with errno set.
int createBeside(const QString &path, QByteArray *name)
{
    const QFileInfo info(path);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate = info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                                  QLatin1Char('.') +
                                  QString::number(QRandomGenerator::global()->generate(), 16);
        *name = QFile::encodeName(candidate);
        // 0666 less the umask, as for any new file; a replaced file's mode is set afterwards.
        const int descriptor =
            ::open(name->constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (descriptor >= 0 || errno != EEXIST)
            return descriptor;
    }
    return -1;
}

bool writeUnix(const QString &path, const QByteArray &bytes, QString *error)
{
    const Found before = inspect(path);
    if (before.kind == Kind::Refused) {
        *error = before.problem;
        return false;
    }
    if (const QString problem = folderProblem(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QByteArray temporary;
    const int descriptor = createBeside(path, &temporary);
    if (descriptor < 0) {
        *error = systemError(errno);
        return false;
    }
    bool written = writeAll(descriptor, bytes);
    int code = written ? 0 : errno;
    if (written && before.kind == Kind::Regular &&
        ::fchmod(descriptor, static_cast<mode_t>(before.permissions)) != 0) {
        written = false;
        code = errno;
    }
    if (written && ::fsync(descriptor) != 0) {
        written = false;
        code = errno;
    }
    if (::close(descriptor) != 0 && written) {
        written = false;
        code = errno;
    }
    if (!written) {
        ::unlink(temporary.constData());
        *error = systemError(code);
        return false;
    }
    // Looked at again just before the rename: what appeared meanwhile is refused as well.
    const Found now = inspect(path);
    if (now.kind == Kind::Refused) {
        ::unlink(temporary.constData());
        *error = now.problem;
        return false;
    }
    // rename() replaces the name itself, whatever it is: it never writes through a link.
    if (::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        code = errno;
        ::unlink(temporary.constData());
        *error = systemError(code);
        return false;
    }
    return true;
}
#else
Found inspect(const QString &path)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return {Kind::Refused, 0, linkProblem(info.symLinkTarget(), info.exists())};
    if (!info.exists())
        return {Kind::Missing, 0, {}};
    if (info.isDir())
        return {Kind::Refused, 0, Text::tr("it is a directory, not a file.")};
    if (!info.isFile())
        return {Kind::Refused, 0, Text::tr("it is not a regular file, so it is not replaced.")};
    return {Kind::Regular, 0, {}};
}

QString folderProblem(const QString &path)
{
    const QFileInfo folder(folderOf(path));
    if (!folder.isDir())
        return Text::tr("the directory %1 does not exist.").arg(folder.filePath());
    return {};
}
#endif

} // namespace

QString writeProblem(const QString &path)
{
    const Found found = inspect(path);
    if (found.kind == Kind::Refused)
        return found.problem;
    return folderProblem(path);
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
#ifdef Q_OS_UNIX
    return writeUnix(path, bytes, error);
#else
    if (const QString problem = writeProblem(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
#endif
}

} // namespace files
