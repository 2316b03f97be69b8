#pragma once

#include <memory>
#include <QByteArray>
#include <QFile>
#include <QString>

namespace files {

// A file being downloaded, kept at "<target>.part" until it is complete and checked, then renamed
// over the target in one step. Opened only when it is a regular file or nothing: a symbolic link
// (even a dangling one), a folder, a FIFO or a device at that name is refused and left as it is,
// so that a link planted there can never redirect the download into another file.
class PartFile {
public:
    // Opens `path` for reading and appending, creating it when it is missing. Nullptr, with the
    // reason in `error` (a clause as atomic_file.h words them), when it may not be used.
    static std::unique_ptr<PartFile> open(const QString &path, QString *error);
    ~PartFile();

    QString path() const { return m_path; }
    qint64 size() const { return m_file.size(); }

    bool append(const QByteArray &bytes, QString *error);
    bool truncate(QString *error); // back to nothing, to download again from the start
    // The MD5 of what is on disk, in lowercase hex, read back in pieces.
    QByteArray md5Hex(QString *error);
    // Writes it through to the disk (fsync), closes it and renames it over `target`, which is
    // checked again first (files::writeProblem): a link or a non-regular file there is refused.
    bool commit(const QString &target, QString *error);
    // Closes and deletes it.
    void remove();

private:
    explicit PartFile(const QString &path);

    QString m_path;
    QFile m_file;
};

} // namespace files
