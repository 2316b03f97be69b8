#pragma once

#include <optional>
#include <QByteArray>
#include <QString>

// Reading files that others wrote, with a bound on what is read: a size limit that holds for
// every kind of file (a regular file, a pipe, /dev/stdin, a device such as /dev/zero), counted as
// the bytes arrive rather than trusted from the file's size.
namespace files {

enum class Accept {
    AnyReadable,  // pipes, /dev/stdin and devices too (e.g. a configuration fed by a script)
    RegularFiles, // only regular files (after following links): a FIFO is refused, never waited on
};

// The whole file, or nullopt with a sentence in `error` naming `path` and what is wrong: it does
// not exist, cannot be opened, is a directory or (RegularFiles) not a regular file, or holds more
// than `maxBytes`. `what` names the file for the user ("the AWS config file", "the stage file").
std::optional<QByteArray> readBounded(const QString &path, qint64 maxBytes, Accept accept,
                                      const QString &what, QString *error);

// "1 MiB", "512 KiB", "100 bytes": a limit in words.
QString sizeText(qint64 bytes);

} // namespace files
