#include "profiles_dialog.h"

#include "import_profiles_dialog.h"
#include "profile_form_dialog.h"
#include "text_tone.h"
#include "workspace/profiles_controller.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kNameRole = Qt::UserRole;
constexpr int kKeychainRole = Qt::UserRole + 1;

QPushButton *makeButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

} // namespace

ProfilesDialog::ProfilesDialog(workspace::ProfilesController &profiles, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_current(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_add(makeButton(tr("&Add…"), QStringLiteral("addButton"), this))
    , m_edit(makeButton(tr("&Edit…"), QStringLiteral("editButton"), this))
    , m_delete(makeButton(tr("&Delete"), QStringLiteral("deleteButton"), this))
    , m_activate(makeButton(tr("Set A&ctive"), QStringLiteral("activateButton"), this))
    , m_test(makeButton(tr("&Test"), QStringLiteral("testButton"), this))
    , m_import(makeButton(tr("&Import from AWS CLI…"), QStringLiteral("importButton"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Profiles"));
    m_current->setObjectName(QStringLiteral("currentLabel"));
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setHeaderLabels({tr("Active"), tr("Name"), tr("Region"), tr("Source")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);

    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *side = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_delete, m_activate, m_test})
        side->addWidget(button);
    side->addSpacing(12);
    side->addWidget(m_import);
    side->addStretch(1);

    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(side);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_current);
    layout->addLayout(middle, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesDialog::editProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesDialog::deleteProfile);
    connect(m_activate, &QPushButton::clicked, this, &ProfilesDialog::activateProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfilesDialog::testProfile);
    connect(m_import, &QPushButton::clicked, this, &ProfilesDialog::importProfiles);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProfilesDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (selectedIsKeychain() && !m_profiles.isBusy())
            editProfile();
    });

    connect(&m_profiles, &workspace::ProfilesController::profilesChanged, this,
            &ProfilesDialog::reload);
    connect(&m_profiles, &workspace::ProfilesController::connectionChanged, this,
            &ProfilesDialog::reload);
    connect(&m_profiles, &workspace::ProfilesController::busyChanged, this,
            &ProfilesDialog::updateButtons);
    connect(&m_profiles, &workspace::ProfilesController::saveFinished, this,
            [this](const QString &name, const QString &error) {
                // A failed save is shown in the form, which stays open with the typed values.
                if (error.isEmpty()) {
                    selectName(name);
                    showStatus(tr("Saved profile \"%1\".").arg(name), false);
                }
            });
    connect(&m_profiles, &workspace::ProfilesController::removeFinished, this,
            [this](const QString &name, const QString &error) {
                showStatus(error.isEmpty() ? tr("Deleted profile \"%1\".").arg(name) : error,
                           !error.isEmpty());
            });
    connect(&m_profiles, &workspace::ProfilesController::testFinished, this,
            [this](const QString &, bool ok, const QString &message) { showStatus(message, !ok); });
    connect(&m_profiles, &workspace::ProfilesController::importFinished, this,
            [this](const QStringList &imported, const QStringList &errors) {
                QStringList lines;
                if (!imported.isEmpty())
                    lines.append(tr("Imported %1.").arg(imported.join(QStringLiteral(", "))));
                lines += errors;
                if (!imported.isEmpty())
                    selectName(imported.constFirst());
                showStatus(lines.join(QLatin1Char('\n')), !errors.isEmpty());
            });
    connect(&m_profiles, &workspace::ProfilesController::connectionProblem, this,
            [this](const QString &message) { showStatus(message, true); });

    reload();
    resize(720, 420);
}

QString ProfilesDialog::statusText() const
{
    return m_status->text();
}

void ProfilesDialog::showStatus(const QString &text, bool error)
{
    setTextTone(m_status, error ? model::TextTone::Problem : model::TextTone::Success);
    m_status->setText(text);
}

void ProfilesDialog::reload()
{
    const QString selected = selectedName();
    m_list->clear();
    const QList<workspace::ProfileRow> rows = m_profiles.profiles();
    for (const workspace::ProfileRow &row : rows) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(ActiveColumn, row.active ? QStringLiteral("\u2713") : QString());
        item->setToolTip(ActiveColumn, row.active ? tr("In use") : QString());
        item->setText(NameColumn, row.name);
        item->setText(RegionColumn, row.region);
        item->setText(SourceColumn, row.source);
        item->setData(NameColumn, kNameRole, row.name);
        item->setData(NameColumn, kKeychainRole, row.inKeychain);
        if (row.active) {
            QFont font = item->font(NameColumn);
            font.setBold(true);
            for (int column = 0; column < m_list->columnCount(); ++column)
                item->setFont(column, font);
        }
        if (!row.inKeychain)
            item->setToolTip(NameColumn, tr("From the AWS CLI's files: change it there, or "
                                            "import it to keep its keys in the keychain."));
    }
    for (int column = 0; column < SourceColumn; ++column)
        m_list->resizeColumnToContents(column);

    const QString choice = m_profiles.isDemo() ? tr("In use: the demo endpoint.")
                           : m_profiles.activeProfile().isEmpty()
                               ? tr("In use: automatic (environment variables, then AWS_PROFILE "
                                    "or \"default\").")
                               : tr("In use: profile \"%1\".").arg(m_profiles.activeProfile());
    m_current->setText(choice);
    if (rows.isEmpty())
        showStatus(tr("No profiles yet. Add one, or import keys from the AWS CLI's files."), false);
    // Something is always selected, so Test and Set Active work without a click first.
    selectName(selected.isEmpty() ? m_profiles.activeProfile() : selected);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const bool idle = !m_profiles.isBusy();
    const bool selected = !selectedName().isEmpty();
    const bool keychain = selected && selectedIsKeychain();
    const bool active = selected && selectedName() == m_profiles.activeProfile();
    m_add->setEnabled(idle);
    m_import->setEnabled(idle);
    m_edit->setEnabled(idle && keychain);
    m_delete->setEnabled(idle && keychain);
    m_activate->setEnabled(idle && selected && !active);
    m_test->setEnabled(idle && selected);
}

QString ProfilesDialog::selectedName() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.constFirst()->data(NameColumn, kNameRole).toString();
}

bool ProfilesDialog::selectedIsKeychain() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return !items.isEmpty() && items.constFirst()->data(NameColumn, kKeychainRole).toBool();
}

void ProfilesDialog::selectName(const QString &name)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(NameColumn, kNameRole).toString() == name) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

void ProfilesDialog::addProfile()
{
    workspace::ProfileDraft draft;
    draft.region = m_profiles.serviceRegion();
    auto *form = new ProfileFormDialog(m_profiles, ProfileFormDialog::Mode::Add, draft, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void ProfilesDialog::editProfile()
{
    const auto draft = m_profiles.draftFor(selectedName());
    if (!draft) {
        showStatus(tr("Only keychain profiles can be edited here; change AWS CLI profiles in "
                      "their files."),
                   true);
        return;
    }
    auto *form = new ProfileFormDialog(m_profiles, ProfileFormDialog::Mode::Edit, *draft, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->open();
}

void ProfilesDialog::deleteProfile()
{
    const QString name = selectedName();
    auto *confirm = new QMessageBox(
        QMessageBox::Question, tr("Delete Profile"),
        tr("Delete the keychain profile \"%1\"? Its keys are removed from the keychain; they "
           "cannot be shown again.")
            .arg(name),
        QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *yes = confirm->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::finished, this, [this, confirm, yes, name] {
        if (confirm->clickedButton() != yes)
            return;
        showStatus(tr("Deleting \"%1\"…").arg(name), false);
        m_profiles.remove(name);
    });
    confirm->open();
}

void ProfilesDialog::activateProfile()
{
    const QString name = selectedName();
    QString error;
    if (m_profiles.setActive(name, &error))
        showStatus(tr("Now using profile \"%1\".").arg(name), false);
    else
        showStatus(error, true);
}

void ProfilesDialog::testProfile()
{
    const QString name = selectedName();
    showStatus(tr("Testing \"%1\"…").arg(name), false);
    m_profiles.test(name);
}

void ProfilesDialog::importProfiles()
{
    auto *dialog = new ImportProfilesDialog(m_profiles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace ui
