#pragma once

#include <cstdio>
#include <QIODevice>

namespace cli {

// Standard output or error for people to read: control characters that arrive in text from the
// network (a stage name, a tag, a service's error message) are shown as visible escapes instead
// of reaching the terminal raw, where ESC and BEL sequences could retitle the window, hide or
// fake lines, or worse. ESC becomes "\x1b", BEL "\x07", a C1 control U+009B "\u009b"; tab and
// line feed pass. JSON output is unaffected: its encoder escapes every control character.
class TerminalOutput final : public QIODevice {
public:
    explicit TerminalOutput(std::FILE *stream);
    ~TerminalOutput() override;

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    std::FILE *m_stream;
    bool m_pendingC2 = false; // the first byte of a UTF-8 sequence that may be a C1 control
};

// The same rule for text kept in memory: `text` with its control characters made visible.
QString visibleControls(const QString &text);

} // namespace cli
