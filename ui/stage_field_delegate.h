#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QVariant>

namespace ui {

// Editors for the stage tree's value column, chosen from the model's EditorRole so that each
// offers only what the service accepts: lengths, characters, ranges, choices. A value the model
// still refuses is not dropped: it is reported, and the next editor opened on that row starts
// from it instead of the stored value.
class StageFieldDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit StageFieldDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    // What the field takes, in words: "name: letters, digits, … at most 128 characters."
    static QString limitsText(const QModelIndex &index);

signals:
    // An editor opened; `limits` says what the field accepts.
    void editorOpened(const QString &limits) const;
    // A key press or paste the editor would not take, and why.
    void inputRefused(const QString &reason) const;
    // The model refused `typed`; `keptInEditor` when the user is still editing that row, so the
    // view should open the editor again with it.
    void valueRefused(const QModelIndex &index, const QString &typed, bool keptInEditor) const;

private:
    mutable QPersistentModelIndex m_refusedIndex;
    mutable QVariant m_refusedValue;
};

} // namespace ui
