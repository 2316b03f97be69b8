#pragma once

#include <QTreeView>

namespace ui {

class StageFieldDelegate;

// The stage tree with copying and editing. Ctrl+C and the context menu copy a leaf's value or a
// group as JSON; Ctrl+Shift+C copies the row and all under it as a JSON object named by the
// field; endpoint rows carry a one-click copy button. Editable values open an editor on
// double-click, F2 or typing; tag rows offer add, rename and delete (the window carries them out).
class StageTreeView final : public QTreeView {
    Q_OBJECT
public:
    explicit StageTreeView(QWidget *parent = nullptr);
    using QTreeView::edit;

    void setModel(QAbstractItemModel *model) override;
    // Copies the current row; returns false when there is nothing to copy.
    bool copyCurrent();
    bool copyCurrentAsJson(); // {"<field>": <value or group object>}
    // For the window's Edit menu; their shortcuts work while the tree has the focus.
    QAction *copyAction() const { return m_copyAction; }
    QAction *copyJsonAction() const { return m_copyJsonAction; }

    // Off while a stage is being applied or replaced: edits then could not be kept.
    void setEditingEnabled(bool enabled);
    bool isEditingEnabled() const { return m_editingEnabled; }
    StageFieldDelegate *fieldDelegate() const { return m_delegate; }
    // Hands what an open editor holds to the model, as leaving the editor would; before anything
    // that asks about pending edits, so the question includes it.
    void commitOpenEditor();
    // The key of the tag on the current row; empty when it is not a tag that can change.
    QString currentTagKey() const;

signals:
    void copied(const QString &what);
    // The WHIP endpoint row's Publish button: the publish dialog, to hand the stage to OBS.
    void publishRequested();
    void addTagRequested();
    void renameTagRequested(const QString &key);
    void deleteTagRequested(const QString &key);
    // The model refused what was typed for `field`; `keptInEditor` when the editor is open again
    // with it.
    void valueRefused(const QString &field, const QString &typed, bool keptInEditor);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    // Whichever cell of a row is current, editing means the value column.
    bool edit(const QModelIndex &index, EditTrigger trigger, QEvent *event) override;

private:
    void copyRow(const QModelIndex &index);
    void copyFieldName(const QModelIndex &index);
    void copySubtree(const QModelIndex &index);
    void afterReset();
    void addEndpointCopyButtons(const QModelIndex &parent);
    void reopenRefused(const QModelIndex &index, const QString &typed, bool keptInEditor);
    void deleteCurrentTag();

    StageFieldDelegate *m_delegate;
    QAction *m_copyAction;
    QAction *m_copyJsonAction;
    QPersistentModelIndex m_edited; // of the editor opened last
    bool m_editingEnabled = true;
};

} // namespace ui
