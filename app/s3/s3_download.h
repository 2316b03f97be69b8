#pragma once

#include <QByteArray>
#include <QString>

// How S3Client::downloadObject() works.
//
// The object is streamed (memory does not grow with its size) into `targetPath + ".part"`,
// opened only when it is a regular file or nothing (files::PartFile: never through a symbolic
// link). When a .part is already there, the download resumes with `Range: bytes=N-`:
// - 206 from byte N: the rest is appended;
// - 200 (a server that ignores Range): the .part is emptied and the whole object written;
// - 416, a 206 from another byte, or a 206 whose ETag is not the expected one (the object
//   changed): the .part is emptied and the object asked for again from the start, once.
// A dropped connection or a throttled attempt is retried like any request (see S3Client), from
// what the .part holds by then; an error leaves the .part for the next call to resume.
//
// Once complete, the .part is checked: its size must be `expectedSize` (when >= 0; else the size
// the answer announced), and its MD5 the ETag when that is a single-part one (32 hex digits, no
// '-'; `expectedEtag`, else the answer's own), unless the answer says the object is encrypted
// with a KMS or customer key (its ETag is then no MD5). A failed check deletes the .part and sets
// verificationFailed, the error saying what was expected and what came. Only a checked file is
// written through to the disk and renamed over `targetPath` (itself refused when it is a link or
// not a regular file).
//
// Progress is reported at most every kProgressIntervalMs while bytes arrive, and once at the end.
namespace s3 {

inline constexpr int kProgressIntervalMs = 100;

QString partPathFor(const QString &targetPath);

// 32 hex digits and no '-': the ETag of an object uploaded in one part (quotes stripped).
bool isSinglePartEtag(const QByteArray &etag);

} // namespace s3
