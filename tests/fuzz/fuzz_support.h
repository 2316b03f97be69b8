#pragma once

// Helpers shared by the libFuzzer targets in this folder.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <QByteArray>
#include <QGuiApplication>
#include <QList>

// An invariant of the code under test: on violation, say which and crash so that libFuzzer saves
// the input.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__,            \
                         #condition);                                                              \
            __builtin_trap();                                                                      \
        }                                                                                          \
    } while (false)

namespace fuzz {

// A deep copy: a QByteArray owns NUL-terminated data, as every byte array the app parses does.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The input as `count` NUL-separated fields: missing fields are empty, the last one takes the
// rest (NULs included).
inline QList<QByteArray> fields(const QByteArray &input, qsizetype count)
{
    QList<QByteArray> result;
    qsizetype from = 0;
    while (result.size() < count - 1) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0)
            break;
        result.append(input.mid(from, nul - from));
        from = nul + 1;
    }
    result.append(from <= input.size() ? input.mid(from) : QByteArray());
    while (result.size() < count)
        result.append(QByteArray());
    return result;
}

// A QGuiApplication on the offscreen platform, created once and never destroyed (the model's
// FontRole needs QtGui's font database). Call from LLVMFuzzerInitialize.
inline void ensureGuiApplication()
{
    static int argc = 1;
    static char name[] = "ivs-fuzz";
    static char *argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication *application = new QGuiApplication(argc, argv);
    Q_UNUSED(application);
}

} // namespace fuzz
