#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;

namespace ui {

// The ARN field with its "Get" button. Offers suggested and recently shown ARNs in its list.
class ArnInput final : public QWidget {
    Q_OBJECT
public:
    explicit ArnInput(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setSuggestions(const QStringList &arns);
    void rememberArn(const QString &arn); // most recent first, no duplicates
    void focusInput();
    void selectText();
    QComboBox *comboBox() const { return m_combo; }

signals:
    void submitted(const QString &text);

private:
    void submit();

    QComboBox *m_combo;
    QPushButton *m_getButton;
};

} // namespace ui
