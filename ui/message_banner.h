#pragma once

#include <QFrame>

class QLabel;

namespace ui {

// A dismissible line above the tree for errors and notices. It stays until the next success or
// until the user closes it, so a message is never missed.
class MessageBanner final : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Error, Notice };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Notice;
    bool m_restyling = false;
};

} // namespace ui
