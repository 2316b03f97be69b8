#include "files/part_file.h"

#include "files/atomic_file.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <filesystem>
#endif

namespace files {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(files::PartFile)
};

#ifdef Q_OS_UNIX
QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// The folder's entry of a renamed file reaches the disk only with the folder itself.
void syncFolderOf(const QString &path)
{
    const int folder = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(),
                              O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0)
        return;
    static_cast<void>(::fsync(folder));
    ::close(folder);
}
#endif

} // namespace

PartFile::PartFile(const QString &path)
    : m_path(path)
{
}

PartFile::~PartFile() = default;

std::unique_ptr<PartFile> PartFile::open(const QString &path, QString *error)
{
    // Refuses a link, a folder, a FIFO or a device before anything is opened (a FIFO would make
    // open() wait for a reader), and a missing folder.
    if (const QString problem = writeProblem(path); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    std::unique_ptr<PartFile> part(new PartFile(path));
#ifdef Q_OS_UNIX
    // Looked at again as it is opened: what appeared at the name meanwhile is refused as well.
    const int descriptor = ::open(QFile::encodeName(path).constData(),
                                  O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0666);
    if (descriptor < 0) {
        const int code = errno;
        *error = code == ELOOP ? Text::tr("it is a symbolic link, and links are not followed.")
                               : systemError(code);
        return nullptr;
    }
    struct stat info {};
    if (::fstat(descriptor, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(descriptor);
        *error = Text::tr("it is not a regular file, so it is not used.");
        return nullptr;
    }
    const int flags = ::fcntl(descriptor, F_GETFL);
    if (flags >= 0)
        static_cast<void>(::fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK));
    if (!part->m_file.open(descriptor, QIODevice::ReadWrite | QIODevice::Unbuffered,
                           QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        *error = part->m_file.errorString();
        return nullptr;
    }
#else
    part->m_file.setFileName(path);
    if (!part->m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        *error = part->m_file.errorString();
        return nullptr;
    }
#endif
    return part;
}

bool PartFile::append(const QByteArray &bytes, QString *error)
{
    if (!m_file.seek(m_file.size()) || m_file.write(bytes) != bytes.size()) {
        *error = m_file.errorString();
        return false;
    }
    return true;
}

bool PartFile::truncate(QString *error)
{
    if (!m_file.resize(0) || !m_file.seek(0)) {
        *error = m_file.errorString();
        return false;
    }
    return true;
}

QByteArray PartFile::md5Hex(QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    if (!m_file.seek(0) || !hash.addData(&m_file)) {
        *error = m_file.errorString();
        return {};
    }
    return hash.result().toHex();
}

bool PartFile::commit(const QString &target, QString *error)
{
#ifdef Q_OS_UNIX
    if (::fsync(m_file.handle()) != 0) {
        *error = systemError(errno);
        return false;
    }
#endif
    m_file.close();
    if (const QString problem = writeProblem(target); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
#ifdef Q_OS_UNIX
    // rename() replaces the name itself, whatever it is: it never writes through a link.
    if (::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(target).constData()) !=
        0) {
        *error = systemError(errno);
        return false;
    }
    syncFolderOf(target);
#else
    std::error_code code;
    std::filesystem::rename(m_path.toStdWString(), target.toStdWString(), code);
    if (code) {
        *error = QString::fromStdString(code.message());
        return false;
    }
#endif
    return true;
}

void PartFile::remove()
{
    m_file.close();
    QFile::remove(m_path);
}

} // namespace files
