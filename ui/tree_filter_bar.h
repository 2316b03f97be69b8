#pragma once

#include "icons.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace ui {

// A filter line above a tree. Rows whose text (any column) contains what is typed stay, with
// their ancestors, so a match is seen in place, and with everything under them, so a matching
// group shows its fields; the other rows are hidden. Rows are hidden in the view, not filtered
// through a proxy: the window edits through the model's own indexes. The filter is applied
// again whenever the model resets, gains rows or changes a value. Escape clears and hides it.
class TreeFilterBar final : public QWidget {
    Q_OBJECT
public:
    explicit TreeFilterBar(QTreeView *tree, QWidget *parent = nullptr);

    void open();    // shows it with the focus in the field, its text selected
    void dismiss(); // clears and hides it, focus back on the tree
    QString text() const;
    void setText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }
    int matchCount() const { return m_matches; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void apply();
    // Hides or shows the rows under `parent`; true when one of them is shown.
    bool applyBelow(const QModelIndex &parent, bool shownByAncestor);
    bool matches(const QModelIndex &row) const;

    QTreeView *m_tree;
    QLineEdit *m_edit;
    QLabel *m_count;
    ThemedActionIcons m_icons;
    int m_matches = 0;
    bool m_filtering = false;
};

} // namespace ui
