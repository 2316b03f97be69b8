#pragma once

#include <QList>
#include <QPointer>

class QMainWindow;
class QSettings;

namespace ui {

class ColumnWidths;

// How the user arranged the main window — its size and place, its docks and toolbars, its
// splitters and the column widths they set by hand — kept in the settings for the next start.
// Docks, toolbars, splitters and views are found by their objectName; those without one are
// left as they start.
class WindowLayout final {
public:
    WindowLayout(QMainWindow &window, QSettings &settings);

    // Once the window's docks, toolbars and views exist, before it is shown. True when a saved
    // arrangement of docks and toolbars was applied (so the window should not size them itself).
    bool restore();
    void save() const;

    // Fits the arrangement to the window's size: the toolbars wrap onto another row rather than
    // hide actions in their overflow menu, and the central widget (the tree) keeps at least half
    // the room beside and above the docks — the docks give way when the window shrinks, and a
    // restored arrangement that squeezed the tree is fixed the same way.
    void fit();

private:
    QMainWindow &m_window;
    QSettings &m_settings;
    QList<QPointer<ColumnWidths>> m_columns; // owned by their headers
};

} // namespace ui
