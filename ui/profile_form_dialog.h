#pragma once

#include "workspace/profile_types.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace workspace {
class ProfilesController;
}

namespace ui {

// Adds or edits one keychain profile. Problems are shown next to their field; a keychain failure
// is shown below the form with everything typed still in place. The secret fields are emptied
// whenever the form closes.
class ProfileFormDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Add, Edit };

    ProfileFormDialog(workspace::ProfilesController &profiles, Mode mode,
                      const workspace::ProfileDraft &initial, QWidget *parent = nullptr);

    workspace::ProfileDraft draft() const;
    void done(int result) override;

signals:
    void profileSaved(const QString &name);

private:
    void submit();
    void showProblems(const workspace::DraftProblems &problems);
    void setBusy(bool busy);
    void onSaveFinished(const QString &name, const QString &error);
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *field,
                     const QString &errorName);

    workspace::ProfilesController &m_profiles;
    Mode m_mode;
    QLineEdit *m_name;
    QComboBox *m_region;
    QLineEdit *m_accessKeyId;
    QLineEdit *m_secret;
    QLineEdit *m_token;
    QLabel *m_nameError = nullptr;
    QLabel *m_regionError = nullptr;
    QLabel *m_accessKeyIdError = nullptr;
    QLabel *m_secretError = nullptr;
    QLabel *m_tokenError = nullptr;
    QLabel *m_saveError;
    QDialogButtonBox *m_buttons;
    bool m_saving = false;
};

} // namespace ui
