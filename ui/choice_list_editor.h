#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;

namespace ui {

// A row of check boxes for a field that takes several of a few choices (thumbnail storage). It
// fits in one tree row, unlike a list, and every choice is visible without opening anything.
class ChoiceListEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ChoiceListEditor(const QStringList &choices, QWidget *parent = nullptr);

    // The ticked choices, in the order the choices were given.
    QStringList checked() const;
    void setChecked(const QStringList &values);
    QCheckBox *box(const QString &choice) const;

signals:
    // The user ticked or unticked a box (not setChecked()).
    void picked();

private:
    QList<QCheckBox *> m_boxes;
};

} // namespace ui
