#include "cli/terminal_output.h"

#include <QByteArray>
#include <QString>

namespace cli {

namespace {

bool passes(unsigned char byte)
{
    return byte == '\n' || byte == '\t';
}

bool isC0OrDelete(unsigned char byte)
{
    return (byte < 0x20 && !passes(byte)) || byte == 0x7f;
}

QByteArray hexEscape(unsigned char byte)
{
    static const char digits[] = "0123456789abcdef";
    return QByteArray("\\x") + digits[byte >> 4] + digits[byte & 0xf];
}

} // namespace

TerminalOutput::TerminalOutput(std::FILE *stream)
    : m_stream(stream)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalOutput::~TerminalOutput()
{
    if (m_pendingC2)
        std::fputc(0xc2, m_stream);
    std::fflush(m_stream);
}

qint64 TerminalOutput::readData(char *, qint64)
{
    return -1;
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    QByteArray shown;
    shown.reserve(size + 16);
    for (qint64 i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (m_pendingC2) {
            m_pendingC2 = false;
            // U+0080–U+009F, the C1 controls (CSI is U+009B), are C2 80–C2 9F in UTF-8.
            if (byte >= 0x80 && byte <= 0x9f) {
                shown += QByteArray("\\u00") + QByteArray::number(byte, 16).rightJustified(2, '0');
                continue;
            }
            shown += char(0xc2);
        }
        if (byte == 0xc2) {
            m_pendingC2 = true; // decided by the next byte, which may come in the next write
            continue;
        }
        if (isC0OrDelete(byte))
            shown += hexEscape(byte);
        else
            shown += char(byte);
    }
    if (!shown.isEmpty() && std::fwrite(shown.constData(), 1, static_cast<size_t>(shown.size()),
                                        m_stream) != static_cast<size_t>(shown.size()))
        return -1;
    std::fflush(m_stream);
    return size;
}

QString visibleControls(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit < 0x80 && isC0OrDelete(static_cast<unsigned char>(unit)))
            shown += QString::fromLatin1(hexEscape(static_cast<unsigned char>(unit)));
        else if (unit >= 0x80 && unit <= 0x9f)
            shown += QStringLiteral("\\u%1").arg(unit, 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}

} // namespace cli
