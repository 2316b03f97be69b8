#include "import_profiles_dialog.h"

#include "text_tone.h"
#include "workspace/profiles_controller.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kNameRole = Qt::UserRole;
}

ImportProfilesDialog::ImportProfilesDialog(workspace::ProfilesController &profiles, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Import from AWS CLI Profiles"));
    auto *intro = new QLabel(tr("The checked profiles' access keys are copied into the system "
                                "keychain, with their region. The AWS CLI's files are not "
                                "changed."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("candidateList"));
    m_list->setAccessibleName(tr("AWS CLI profiles to import"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ImportProfilesDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &ImportProfilesDialog::updateButtons);
    connect(&m_profiles, &workspace::ProfilesController::importFinished, this,
            &ImportProfilesDialog::onImportFinished);

    reload({});
    resize(620, 380);
}

void ImportProfilesDialog::reload(const QStringList &keepChecked)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QList<workspace::ImportCandidate> candidates = m_profiles.importCandidates();
    for (const workspace::ImportCandidate &candidate : candidates) {
        QString text =
            candidate.region.isEmpty()
                ? tr("%1 — no region · %2").arg(candidate.name, candidate.location)
                : tr("%1 — %2 · %3").arg(candidate.name, candidate.region, candidate.location);
        if (!candidate.importable)
            text += QLatin1Char('\n') + candidate.reason;
        else if (candidate.inKeychain)
            text += QLatin1Char('\n') + tr("Replaces the keychain profile of the same name.");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kNameRole, candidate.name);
        if (candidate.importable) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            // Overwriting a keychain profile is never the default.
            const bool checked = keepChecked.isEmpty() ? !candidate.inKeychain
                                                       : keepChecked.contains(candidate.name);
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        } else {
            item->setFlags(Qt::NoItemFlags);
        }
    }
    if (candidates.isEmpty())
        m_status->setText(
            tr("No AWS CLI profiles were found in %1.").arg(m_profiles.sharedFilesLocation()));
    updateButtons();
}

QStringList ImportProfilesDialog::checkedNames() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked && (item->flags() & Qt::ItemIsUserCheckable))
            names.append(item->data(kNameRole).toString());
    }
    return names;
}

QString ImportProfilesDialog::statusText() const
{
    return m_status->text();
}

void ImportProfilesDialog::done(int result)
{
    // Closing mid-way would hide which profiles were copied.
    if (m_importing)
        return;
    QDialog::done(result);
}

void ImportProfilesDialog::updateButtons()
{
    const bool idle = !m_importing;
    m_import->setEnabled(idle && !checkedNames().isEmpty());
    m_cancel->setEnabled(idle);
    m_list->setEnabled(idle);
}

void ImportProfilesDialog::startImport()
{
    const QStringList names = checkedNames();
    if (names.isEmpty())
        return;
    m_importing = true;
    clearTextTone(m_status);
    m_status->setText(names.size() == 1
                          ? tr("Copying 1 profile into the keychain…")
                          : tr("Copying %1 profiles into the keychain…").arg(names.size()));
    updateButtons();
    setCursor(Qt::BusyCursor);
    m_profiles.importProfiles(names);
}

void ImportProfilesDialog::onImportFinished(const QStringList &imported, const QStringList &errors)
{
    if (!m_importing)
        return;
    m_importing = false;
    unsetCursor();
    if (errors.isEmpty()) {
        accept();
        return;
    }
    // The ones that failed stay checked, ready for another try.
    QStringList failed = checkedNames();
    for (const QString &name : imported)
        failed.removeAll(name);
    reload(failed);
    setTextTone(m_status, model::TextTone::Problem);
    QStringList lines;
    if (!imported.isEmpty())
        lines.append(tr("Imported %1.").arg(imported.join(QStringLiteral(", "))));
    lines += errors;
    m_status->setText(lines.join(QLatin1Char('\n')));
}

} // namespace ui
