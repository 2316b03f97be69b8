#include "stage_field_delegate.h"

#include "choice_list_editor.h"
#include "document/editor_spec.h"
#include "model/stage_tree_model.h"

#include <algorithm>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>

namespace ui {

using model::StageTreeModel;

namespace {

using document::EditorSpec;
using Kind = document::EditorSpec::Kind;

EditorSpec specOf(const QModelIndex &index)
{
    return index.data(StageTreeModel::EditorRole).value<EditorSpec>();
}

QString fieldName(const QModelIndex &index)
{
    return index.siblingAtColumn(StageTreeModel::FieldColumn).data().toString();
}

QString textOf(const QVariant &value)
{
    return value.typeId() == QMetaType::QStringList
               ? value.toStringList().join(QStringLiteral(", "))
               : value.toString();
}

// An editable combo box shows the label of a listed choice; anything else is taken as typed.
QString storageValue(const QComboBox &combo)
{
    const QString text = combo.currentText().trimmed();
    const int row = combo.findText(text, Qt::MatchExactly | Qt::MatchCaseSensitive);
    return row >= 0 ? combo.itemData(row).toString() : text;
}

// Tells a pick from the drop-down list apart from a step with the arrow keys, which also emits
// activated(): stepping through the choices must not commit each one on the way.
class ChoiceCombo final : public QComboBox {
public:
    using QComboBox::QComboBox;

    bool listShown() const { return m_listShown; }
    void showPopup() override
    {
        m_listShown = true;
        QComboBox::showPopup();
    }
    void hidePopup() override
    {
        QComboBox::hidePopup();
        // activated() for a pick is emitted around this call, so the flag outlives it briefly.
        QTimer::singleShot(0, this, [this] { m_listShown = false; });
    }

private:
    bool m_listShown = false;
};

// A whole number typed as it is, even out of range: the document refuses it with the reason, and
// the editor opens again with it, rather than keeping a number the user did not type (999 cut to
// 99, say). The arrows and Page keys step within the field's range.
class NumberSpin final : public QSpinBox {
public:
    NumberSpin(int lowest, int highest, QWidget *parent)
        : QSpinBox(parent)
        , m_lowest(lowest)
        , m_highest(highest)
    {
        setRange(std::min(lowest, -kTypable), std::max(highest, kTypable));
    }

    void stepBy(int steps) override
    {
        const qint64 target = std::clamp(qint64(value()) + qint64(steps) * singleStep(),
                                         qint64(m_lowest), qint64(m_highest));
        QSpinBox::stepBy(static_cast<int>(target - value()));
    }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled enabled = StepNone;
        if (value() > m_lowest)
            enabled |= StepDownEnabled;
        if (value() < m_highest)
            enabled |= StepUpEnabled;
        return enabled;
    }

private:
    // Nine digits: more than any field takes, few enough to stay an int.
    static constexpr int kTypable = 999'999'999;
    int m_lowest;
    int m_highest;
};

// A list choice needs no extra Enter: picking it commits it.
void commitOnPick(StageFieldDelegate *delegate, ChoiceCombo *combo)
{
    QObject::connect(combo, &QComboBox::activated, delegate, [delegate, combo] {
        if (!combo->listShown())
            return;
        emit delegate->commitData(combo);
        emit delegate->closeEditor(combo, QAbstractItemDelegate::NoHint);
    });
}

// Each tick or untick is an edit of its own, so that what is ticked is pending at once (Ctrl+S
// applies it); the editor stays open for the next. A count the field does not take is not
// committed: the status bar says why at once, and the document refuses it if the editor closes
// with it.
void commitOnTick(StageFieldDelegate *delegate, ChoiceListEditor *list, const EditorSpec &spec,
                  const QString &limits)
{
    QObject::connect(list, &ChoiceListEditor::picked, delegate, [delegate, list, spec, limits] {
        const qsizetype count = list->checked().size();
        if (count < spec.minimum || count > spec.maximum) {
            emit delegate->inputRefused(StageFieldDelegate::tr("Not accepted — %1").arg(limits));
            return;
        }
        emit delegate->commitData(list);
    });
}

// A note about the choices (there are none in the stage's region, and how to make one), shown
// as the last entry of the list; it cannot be picked.
void addNote(QComboBox *combo, const QString &note)
{
    auto *items = qobject_cast<QStandardItemModel *>(combo->model());
    if (note.isEmpty() || !items)
        return;
    auto *item = new QStandardItem(note);
    item->setFlags(Qt::NoItemFlags);
    item->setToolTip(note);
    items->appendRow(item);
}

bool holdsFocus(const QWidget *editor)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == editor || editor->isAncestorOf(focus));
}

} // namespace

StageFieldDelegate::StageFieldDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString StageFieldDelegate::limitsText(const QModelIndex &index)
{
    const EditorSpec spec = specOf(index);
    const QString field = fieldName(index);
    const QString choices = spec.choices.join(QStringLiteral(", "));
    if (spec.kind == Kind::Text && !spec.pattern.isEmpty())
        return tr("%1: %2, at most %3 characters.").arg(field, spec.hint).arg(spec.maximum);
    if (spec.kind == Kind::Text)
        return tr("%1: %2").arg(field, spec.hint);
    if (spec.kind == Kind::Choice || spec.isSingleOfMany())
        return tr("%1: one of %2.").arg(field, choices);
    if ((spec.kind == Kind::MultiChoice && !spec.isSingleOfMany()))
        return tr("%1: tick %2 to %3 of %4.")
            .arg(field)
            .arg(spec.minimum)
            .arg(spec.maximum)
            .arg(choices);
    if (spec.kind == Kind::Integer)
        return tr("%1: a whole number from %2 to %3.")
            .arg(field)
            .arg(spec.minimum)
            .arg(spec.maximum);
    if (spec.kind == Kind::Boolean)
        return tr("%1: true or false.").arg(field);
    if (spec.kind == Kind::StorageConfiguration) {
        const QString limits =
            tr("%1: pick a storage configuration or type its ARN; \"%2\" turns recording off.")
                .arg(field, spec.choiceLabels.value(0));
        return spec.note.isEmpty() ? limits : limits + QLatin1Char(' ') + spec.note;
    }
    return {};
}

QWidget *StageFieldDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    const EditorSpec spec = specOf(index);
    const QString limits = limitsText(index);
    QWidget *editor = nullptr;
    if (spec.kind == Kind::Text) {
        auto *edit = new QLineEdit(parent);
        if (!spec.pattern.isEmpty())
            edit->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QRegularExpression::anchoredPattern(spec.pattern)), edit));
        // No maximum length: a longer value is refused whole, with the reason, when committed,
        // rather than cut short without a word.
        // Without this, a refused key press would look like a dead keyboard.
        connect(edit, &QLineEdit::inputRejected, this,
                [this, limits] { emit inputRefused(tr("Not accepted — %1").arg(limits)); });
        editor = edit;
    } else if (spec.kind == Kind::Choice || spec.isSingleOfMany() || spec.kind == Kind::Boolean) {
        auto *combo = new ChoiceCombo(parent);
        if (spec.kind == Kind::Boolean) {
            combo->addItem(QStringLiteral("true"), true);
            combo->addItem(QStringLiteral("false"), false);
        } else {
            combo->addItems(spec.choices);
        }
        // Editors come from a const function; the signals they emit are the delegate's own.
        commitOnPick(const_cast<StageFieldDelegate *>(this), combo);
        editor = combo;
    } else if ((spec.kind == Kind::MultiChoice && !spec.isSingleOfMany())) {
        auto *list = new ChoiceListEditor(spec.choices, parent);
        commitOnTick(const_cast<StageFieldDelegate *>(this), list, spec, limits);
        editor = list;
    } else if (spec.kind == Kind::Integer) {
        auto *spin = new NumberSpin(spec.minimum, spec.maximum, parent);
        spin->setAccelerated(true);
        editor = spin;
    } else if (spec.kind == Kind::StorageConfiguration) {
        auto *combo = new ChoiceCombo(parent);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        for (qsizetype i = 0; i < spec.choices.size(); ++i)
            combo->addItem(spec.choiceLabels.value(i, spec.choices.at(i)), spec.choices.at(i));
        addNote(combo, spec.note);
        combo->lineEdit()->setPlaceholderText(
            tr("arn:aws:ivs:REGION:ACCOUNT:storage-configuration/ID"));
        commitOnPick(const_cast<StageFieldDelegate *>(this), combo);
        editor = combo;
    } else {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    editor->setToolTip(limits);
    //: %1 is the field being edited, e.g. "recordingMode"
    editor->setAccessibleName(tr("Value of %1").arg(fieldName(index)));
    editor->setAccessibleDescription(limits);
    emit editorOpened(limits);
    return editor;
}

void StageFieldDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    // The tree's rows are compact; squeezed to a row, a spin box or combo box hides its own text.
    // While open, the editor may overlap the rows around it instead.
    const QRect cell = editor->geometry();
    const int height = std::max(cell.height(), editor->sizeHint().height());
    const int top = std::max(0, cell.top() - (height - cell.height()) / 2);
    editor->setGeometry(cell.left(), top, cell.width(), height);
}

void StageFieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const EditorSpec spec = specOf(index);
    QVariant value = index.data(Qt::EditRole);
    if (m_refusedIndex.isValid() && m_refusedIndex == index) {
        value = m_refusedValue;
        m_refusedIndex = QPersistentModelIndex();
        m_refusedValue.clear();
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value.toString());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto *list = qobject_cast<ChoiceListEditor *>(editor)) {
        list->setChecked(value.toStringList());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int row = spec.kind == Kind::Boolean || spec.kind == Kind::StorageConfiguration
                            ? combo->findData(value)
                            : combo->findText(textOf(value));
        if (row >= 0)
            combo->setCurrentIndex(row);
        else if (combo->isEditable())
            combo->setEditText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void StageFieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    const EditorSpec spec = specOf(index);
    QVariant value;
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        value = edit->text();
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        value = spin->value();
    } else if (auto *list = qobject_cast<ChoiceListEditor *>(editor)) {
        value = list->checked();
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (spec.kind == Kind::StorageConfiguration)
            value = storageValue(*combo);
        else if (spec.kind == Kind::Boolean)
            value = combo->currentData().toBool();
        else if (spec.isSingleOfMany())
            value = QStringList{combo->currentText()};
        else
            value = combo->currentText();
    } else {
        return QStyledItemDelegate::setModelData(editor, model, index);
    }
    if (model->setData(index, value, Qt::EditRole))
        return;
    const bool stillEditing = holdsFocus(editor);
    if (stillEditing) {
        m_refusedIndex = index;
        m_refusedValue = value;
    }
    emit valueRefused(index, textOf(value), stillEditing);
}

} // namespace ui
