#pragma once

#include <QWidget>

class QCompleter;
class QLineEdit;
class QMenu;
class QPushButton;
class QStringListModel;
class QToolButton;

namespace ui {

// The ARN field with its "Get" button. Suggested ARNs (the demo's stages) and recently shown
// ones complete as the user types and are listed in a drop-down menu; picking one looks it up.
// The window keeps the recent list (it outlives the window); the menu offers to clear it.
class ArnInput final : public QWidget {
    Q_OBJECT
public:
    explicit ArnInput(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setSuggestions(const QStringList &arns);
    void setRecentArns(const QStringList &arns); // most recent first
    QStringList recentArns() const { return m_recent; }
    QStringList knownArns() const;
    void focusInput();
    void focusAndSelectInput(); // ready to paste over what is there
    QLineEdit *lineEdit() const { return m_edit; }
    QMenu *arnMenu() const { return m_menu; }

signals:
    void submitted(const QString &text);
    void clearRecentRequested();

private:
    void submit();
    void pick(const QString &arn);
    void rebuildLists();

    QLineEdit *m_edit;
    QToolButton *m_listButton;
    QPushButton *m_getButton;
    QMenu *m_menu;
    QStringListModel *m_completions;
    QStringList m_suggested;
    QStringList m_recent;
};

} // namespace ui
