#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace workspace {
class ProfilesController;
}

namespace ui {

// Lists every profile — keychain and AWS CLI — and manages the keychain ones. Outcomes, good or
// bad, are shown in a line at the bottom rather than in pop-ups that might be dismissed unread.
class ProfilesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ProfilesDialog(workspace::ProfilesController &profiles, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString statusText() const;

    enum Column { ActiveColumn, NameColumn, RegionColumn, SourceColumn };

private:
    void reload();
    void updateButtons();
    QString selectedName() const;
    bool selectedIsKeychain() const;
    void selectName(const QString &name);
    void showStatus(const QString &text, bool error);

    void addProfile();
    void editProfile();
    void deleteProfile();
    void activateProfile();
    void testProfile();
    void importProfiles();

    workspace::ProfilesController &m_profiles;
    QLabel *m_current;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_activate;
    QPushButton *m_test;
    QPushButton *m_import;
    QLabel *m_status;
};

} // namespace ui
