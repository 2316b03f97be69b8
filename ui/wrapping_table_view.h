#pragma once

#include <QTableView>
#include <QTimer>

namespace ui {

// A read-only table of sentences: long texts wrap and each row grows to show its text whole, at
// whatever width the table has now.
class WrappingTableView final : public QTableView {
    Q_OBJECT
public:
    explicit WrappingTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QTimer m_fit; // one fit per burst of changes, once the layout has settled
};

// Read-only, whole rows, one at a time, rows as high as a line of text: how the browse panels'
// tables look.
void setUpReadOnlyTable(QTableView *view);

} // namespace ui
