#pragma once

#include <QDialog>

class QTabWidget;

namespace ui {

// Help → About: the app's icon, name, version and license, and the libraries it is built on with
// their licenses, in full, from the texts compiled into the program.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // One tab per license: the app's own first, then each library's.
    QTabWidget *licenseTabs() const { return m_licenses; }

private:
    QTabWidget *m_licenses;
};

// Opens the About dialog of `parent`, or brings the one already open to the front.
AboutDialog *showAboutDialog(QWidget *parent);

} // namespace ui
