#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace workspace {
class ProfilesController;
}

namespace ui {

// A checklist of the AWS CLI's profiles; the checked ones are copied into the keychain. Profiles
// without keys to copy are listed too, disabled, each saying why.
class ImportProfilesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ImportProfilesDialog(workspace::ProfilesController &profiles,
                                  QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QStringList checkedNames() const;
    QString statusText() const;
    void done(int result) override;

private:
    void reload(const QStringList &keepChecked);
    void updateButtons();
    void startImport();
    void onImportFinished(const QStringList &imported, const QStringList &errors);

    workspace::ProfilesController &m_profiles;
    QListWidget *m_list;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
    bool m_importing = false;
};

} // namespace ui
