#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace ui {

// Shows exactly what Apply will do — each field's old and new value and every request as it will
// be sent — before anything leaves the computer. Accepting means "apply".
class ReviewDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ReviewDialog(const QString &review, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *applyButton() const { return m_apply; }

private:
    QPlainTextEdit *m_text;
    QPushButton *m_apply;
};

} // namespace ui
