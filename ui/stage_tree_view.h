#pragma once

#include <QTreeView>

namespace ui {

// The stage tree with copying: Ctrl+C and the context menu copy a leaf's value or a group as
// JSON; endpoint rows carry a one-click copy button.
class StageTreeView final : public QTreeView {
    Q_OBJECT
public:
    explicit StageTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // Copies the current row; returns false when there is nothing to copy.
    bool copyCurrent();

signals:
    void copied(const QString &what);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void copyRow(const QModelIndex &index);
    void copyFieldName(const QModelIndex &index);
    void afterReset();
    void addEndpointCopyButtons(const QModelIndex &parent);
};

} // namespace ui
