#include "cli/secret_input.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace {

// Restores the terminal's echo even if reading is interrupted by an exception.
class EchoOff {
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios silent = m_saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

std::optional<QString> read(const QString &prompt, bool secret)
{
    const bool terminal = standardInputIsTerminal();
    if (terminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
    }
    std::string line;
    bool gotLine = false;
    if (terminal && secret) {
        EchoOff echoOff;
        gotLine = static_cast<bool>(std::getline(std::cin, line));
    } else {
        gotLine = static_cast<bool>(std::getline(std::cin, line));
    }
    if (terminal && secret)
        std::fputs("\n", stderr);
    if (!gotLine)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace

bool standardInputIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

std::optional<QString> readSecretLine(const QString &prompt)
{
    return read(prompt, true);
}

std::optional<QString> readLine(const QString &prompt)
{
    return read(prompt, false);
}

} // namespace cli
