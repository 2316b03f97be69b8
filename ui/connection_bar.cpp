#include "connection_bar.h"

#include "workspace/profiles_controller.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStyle>

namespace ui {

ConnectionBar::ConnectionBar(workspace::ProfilesController &profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_profile(new QComboBox(this))
    , m_region(new QComboBox(this))
{
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    // A steady width: sized to its longest entry, one long profile name would push the editing
    // buttons off the toolbar. The list that drops down is as wide as its entries need.
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(18);
    m_profile->setToolTip(tr("Where the credentials come from. Changing it looks the shown stage "
                             "up again."));

    auto *regionLabel = new QLabel(tr("R&egion:"), this);
    regionLabel->setBuddy(m_region);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->setMinimumContentsLength(12);
    m_region->lineEdit()->setPlaceholderText(tr("not set"));
    m_region->setToolTip(tr("The region for calls that are not about one stage. A stage is always "
                            "looked up in the region its ARN names."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(profileLabel);
    layout->addWidget(m_profile);
    layout->addSpacing(12);
    layout->addWidget(regionLabel);
    layout->addWidget(m_region);

    // Only the user's own picks count: reload() refills the lists without switching anything.
    connect(m_profile, &QComboBox::activated, this, &ConnectionBar::pickProfile);
    connect(m_region, &QComboBox::activated, this, &ConnectionBar::applyRegion);
    connect(m_region->lineEdit(), &QLineEdit::editingFinished, this, &ConnectionBar::applyRegion);
    connect(&m_profiles, &workspace::ProfilesController::connectionChanged, this,
            &ConnectionBar::reload);
    connect(&m_profiles, &workspace::ProfilesController::profilesChanged, this,
            &ConnectionBar::reload);
    reload();
}

ConnectionBar::~ConnectionBar()
{
    // Focus leaving the region field while the window closes must not switch anything.
    disconnect(m_region->lineEdit(), nullptr, this, nullptr);
}

void ConnectionBar::reload()
{
    const QSignalBlocker blockProfile(m_profile);
    const QSignalBlocker blockRegion(m_region);

    m_choices = m_profiles.choices();
    m_profile->clear();
    const workspace::ConnectionChoice current = m_profiles.currentChoice();
    for (const workspace::ConnectionChoice &choice : std::as_const(m_choices)) {
        m_profile->addItem(choice.label);
        m_profile->setItemData(m_profile->count() - 1, choice.label, Qt::ToolTipRole);
        if (choice == current)
            m_profile->setCurrentIndex(m_profile->count() - 1);
    }
    QAbstractItemView *list = m_profile->view();
    list->setMinimumWidth(list->sizeHintForColumn(0) + 2 * list->frameWidth() +
                          list->style()->pixelMetric(QStyle::PM_ScrollBarExtent));

    const QString region = m_profiles.serviceRegion();
    QStringList regions = workspace::ProfilesController::commonRegions();
    if (!region.isEmpty() && !regions.contains(region))
        regions.prepend(region);
    m_region->clear();
    m_region->addItems(regions);
    m_region->setCurrentIndex(regions.indexOf(region));
    m_region->setEditText(region);
}

void ConnectionBar::pickProfile(int index)
{
    if (index < 0 || index >= m_choices.size() || m_choices.at(index) == m_profiles.currentChoice())
        return;
    if (!maySwitch())
        return;
    QString error;
    if (!m_profiles.choose(m_choices.at(index), &error)) {
        reload();
        emit problem(error);
    }
}

void ConnectionBar::applyRegion()
{
    if (m_region->currentText().trimmed() == m_profiles.serviceRegion() || !maySwitch())
        return;
    QString error;
    if (!m_profiles.setServiceRegion(m_region->currentText(), &error)) {
        reload();
        emit problem(error);
    }
}

bool ConnectionBar::maySwitch()
{
    // While the question is open, focus leaving the region field must not ask it again.
    if (m_asking)
        return false;
    m_asking = true;
    const bool allowed = !m_guard || m_guard();
    m_asking = false;
    if (!allowed)
        reload(); // the lists go back to what is in use
    return allowed;
}

} // namespace ui
