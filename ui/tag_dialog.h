#pragma once

#include <functional>
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

// Adds a tag (key and value) or renames one (key only; the value is shown for context). The
// rules live with the model: OK hands the text to `submit`, and a refusal is shown under the
// fields with everything typed still in place.
class TagDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Add, Rename };
    // Returns false and sets `error` when the tag cannot be added or renamed as typed.
    using Submit = std::function<bool(const QString &key, const QString &value, QString *error)>;

    TagDialog(Mode mode, const QString &key, const QString &value, Submit submit,
              QWidget *parent = nullptr);

    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *okButton() const { return m_ok; }
    QString errorText() const; // empty while no refusal is shown

    void accept() override;

private:
    void clearError();

    Submit m_submit;
    QLineEdit *m_key;
    QLineEdit *m_value;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace ui
