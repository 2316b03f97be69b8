#include "tree_filter_bar.h"

#include "icons.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>

namespace ui {

TreeFilterBar::TreeFilterBar(QTreeView *tree, QWidget *parent)
    : QWidget(parent)
    , m_tree(tree)
    , m_edit(new QLineEdit(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("treeFilterBar"));
    auto *label = new QLabel(tr("&Filter:"), this);
    label->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("treeFilter"));
    m_edit->setPlaceholderText(tr("Show only rows containing this text (Escape clears)"));
    m_edit->setClearButtonEnabled(true);
    m_icons.set(m_edit->addAction(QIcon(), QLineEdit::LeadingPosition),
                QStringLiteral("view-filter"), QStringLiteral(":/ui/icons/filter.svg"), palette());
    m_edit->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("treeFilterCount"));
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
    close->setToolTip(tr("Show all rows (Escape)"));
    close->setAccessibleName(tr("Close the filter"));
    connect(close, &QToolButton::clicked, this, &TreeFilterBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(close);
    hide();

    connect(m_edit, &QLineEdit::textChanged, this, &TreeFilterBar::apply);
    QAbstractItemModel *model = m_tree->model();
    // After the tree's own handling of each change, which shows every row again on a reset.
    connect(model, &QAbstractItemModel::modelReset, this, &TreeFilterBar::apply);
    connect(model, &QAbstractItemModel::layoutChanged, this, &TreeFilterBar::apply);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TreeFilterBar::apply);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TreeFilterBar::apply);
    connect(model, &QAbstractItemModel::dataChanged, this, &TreeFilterBar::apply);
}

void TreeFilterBar::open()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TreeFilterBar::dismiss()
{
    m_edit->clear(); // shows every row again
    hide();
    m_tree->setFocus(Qt::OtherFocusReason);
    if (m_tree->currentIndex().isValid())
        m_tree->scrollTo(m_tree->currentIndex());
}

QString TreeFilterBar::text() const
{
    return m_edit->text();
}

void TreeFilterBar::setText(const QString &text)
{
    m_edit->setText(text);
}

void TreeFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange)
        m_icons.redraw(palette());
    QWidget::changeEvent(event);
}

bool TreeFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        if (static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            // Taken before the window's Escape (cancel a lookup) can see it.
            event->accept();
            if (event->type() == QEvent::KeyPress)
                dismiss();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool TreeFilterBar::matches(const QModelIndex &row) const
{
    const QString needle = m_edit->text().trimmed();
    const QAbstractItemModel *model = row.model();
    for (int column = 0; column < model->columnCount(row.parent()); ++column) {
        if (row.siblingAtColumn(column).data().toString().contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void TreeFilterBar::apply()
{
    m_matches = 0;
    m_filtering = !m_edit->text().trimmed().isEmpty();
    applyBelow({}, !m_filtering);
    if (!m_filtering) {
        m_count->clear();
        return;
    }
    m_count->setText(m_matches == 0   ? tr("No rows match")
                     : m_matches == 1 ? tr("1 row matches")
                                      : tr("%1 rows match").arg(m_matches));
}

bool TreeFilterBar::applyBelow(const QModelIndex &parent, bool shownByAncestor)
{
    const QAbstractItemModel *model = m_tree->model();
    bool anyShown = false;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const bool match = m_filtering && matches(index);
        if (match)
            ++m_matches;
        const bool childShown = applyBelow(index, shownByAncestor || match);
        const bool shown = shownByAncestor || match || childShown;
        // Each change makes the tree lay itself out again: only real changes.
        if (m_tree->isRowHidden(row, parent) == shown)
            m_tree->setRowHidden(row, parent, !shown);
        // A match deep inside a group the user folded must still be seen.
        if (childShown && !shownByAncestor)
            m_tree->expand(index);
        anyShown = anyShown || shown;
    }
    return anyShown;
}

} // namespace ui
