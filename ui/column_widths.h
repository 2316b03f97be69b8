#pragma once

#include <QMap>
#include <QObject>
#include <QVariantMap>

class QHeaderView;

namespace ui {

// The widths of the columns the user sized by hand in one view, kept over the view's own fitting
// to content (each new stage or list fits the columns again) and handed to the settings so they
// survive a restart. Columns the user never touched keep fitting themselves. Resizes made while
// the model changes, of columns that size themselves (stretch, fit to contents) and of the last
// column when it stretches, are the view's own, not the user's.
class ColumnWidths final : public QObject {
    Q_OBJECT
public:
    // Attaches to `header`, which must already show its view's model; a child of it.
    explicit ColumnWidths(QHeaderView *header);

    QVariantMap widths() const; // logical column (as text) → width in pixels
    void setWidths(const QVariantMap &widths);

private:
    void onSectionResized(int logicalIndex, int oldSize, int newSize);
    void modelChanging();
    void reapply();
    bool isUserSizable(int logicalIndex) const;

    QHeaderView *m_header;
    QMap<int, int> m_widths;
    bool m_applying = false;
    bool m_modelChanging = false;
};

} // namespace ui
