#pragma once

#include <QByteArray>
#include <QString>

// Writing a file the user named, in one step: the bytes go to a new file next to it, which then
// takes the name's place, so the file is never seen half-written. What is at the name decides
// whether it may be replaced:
// - nothing: a new file is made (its folder must exist);
// - a regular file: it is replaced, keeping its permissions;
// - a symbolic link, even one to a regular file, and a dangling one: refused, naming where the
//   link points; links are not followed, so that a link planted at a name never redirects the
//   write to another file. To write the link's target, the user names the target itself;
// - a folder, a FIFO, a device or a socket: refused, never replaced.
namespace files {

// Why `path` cannot be written by writeAtomically(), or an empty string when it can (as far as
// can be told before writing): for checking early, e.g. before a request whose answer is to be
// written. The reason is a clause that follows "Cannot write PATH: " ("it is a symbolic link to
// /home/ann/.bashrc; …") and names the path only where it says something new (a link's target).
QString writeProblem(const QString &path);

// Writes `bytes` to `path` as described above. On failure nothing at `path` has changed, no
// temporary file is left, and `error` holds the reason, as writeProblem() words it.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace files
