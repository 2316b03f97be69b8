#pragma once

#include "workspace/profile_types.h"

#include <functional>
#include <QList>
#include <QWidget>

class QComboBox;

namespace workspace {
class ProfilesController;
}

namespace ui {

// The toolbar's "Profile:" and "Region:" lists. A pick switches the connection at once; a switch
// that fails is reported and the lists go back to what is in use.
class ConnectionBar final : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionBar(workspace::ProfilesController &profiles, QWidget *parent = nullptr);
    ~ConnectionBar() override;

    QComboBox *profileCombo() const { return m_profile; }
    QComboBox *regionCombo() const { return m_region; }
    // Asked right before a pick switches the connection; false leaves everything as it was.
    using SwitchGuard = std::function<bool()>;
    void setSwitchGuard(SwitchGuard guard) { m_guard = std::move(guard); }

signals:
    void problem(const QString &message);

private:
    void reload();
    void pickProfile(int index);
    void applyRegion();
    bool maySwitch();

    workspace::ProfilesController &m_profiles;
    QComboBox *m_profile;
    QComboBox *m_region;
    QList<workspace::ConnectionChoice> m_choices;
    SwitchGuard m_guard;
    bool m_asking = false;
};

} // namespace ui
