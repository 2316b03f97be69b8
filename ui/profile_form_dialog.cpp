#include "profile_form_dialog.h"

#include "text_tone.h"
#include "workspace/profiles_controller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    setTextTone(label, model::TextTone::Problem);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

ProfileFormDialog::ProfileFormDialog(workspace::ProfilesController &profiles, Mode mode,
                                     const workspace::ProfileDraft &initial, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_mode(mode)
    , m_name(new QLineEdit(initial.name, this))
    , m_region(new QComboBox(this))
    , m_accessKeyId(new QLineEdit(initial.accessKeyId, this))
    , m_secret(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_saveError(errorLabel(QStringLiteral("saveError"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(mode == Mode::Add ? tr("Add Profile")
                                     : tr("Edit Profile \"%1\"").arg(initial.name));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setReadOnly(mode == Mode::Edit);
    m_name->setPlaceholderText(tr("e.g. production"));
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->addItems(workspace::ProfilesController::commonRegions());
    m_region->setEditText(initial.region);
    m_region->lineEdit()->setPlaceholderText(tr("e.g. us-east-1 (optional)"));
    m_accessKeyId->setObjectName(QStringLiteral("accessKeyIdEdit"));
    m_accessKeyId->setPlaceholderText(tr("AKIA…"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_token->setObjectName(QStringLiteral("sessionTokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("only for temporary credentials"));
    for (QLineEdit *secret : {m_secret, m_token}) {
        // Nothing secret may leave through the clipboard or an input method's memory.
        secret->setContextMenuPolicy(Qt::NoContextMenu);
        secret->setAttribute(Qt::WA_InputMethodEnabled, false);
    }

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("formHint"));
    intro->setText(
        mode == Mode::Add
            ? tr("The secret access key and session token are stored in the system keychain; "
                 "the name, region and access key ID in this app's settings.")
            : tr("The stored secret is never read back or shown: enter the secret access key "
                 "again to save changes. A session token left empty is removed."));

    auto *form = new QFormLayout;
    m_nameError = addField(form, tr("&Name:"), m_name, QStringLiteral("nameError"));
    m_regionError = addField(form, tr("&Region:"), m_region, QStringLiteral("regionError"));
    m_accessKeyIdError =
        addField(form, tr("&Access key ID:"), m_accessKeyId, QStringLiteral("accessKeyIdError"));
    m_secretError =
        addField(form, tr("&Secret access key:"), m_secret, QStringLiteral("secretError"));
    m_tokenError =
        addField(form, tr("Session &token:"), m_token, QStringLiteral("sessionTokenError"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_saveError);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileFormDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_profiles, &workspace::ProfilesController::saveFinished, this,
            &ProfileFormDialog::onSaveFinished);

    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 64);
    if (mode == Mode::Edit)
        m_secret->setFocus(Qt::OtherFocusReason);
}

QLabel *ProfileFormDialog::addField(QFormLayout *form, const QString &label, QWidget *field,
                                    const QString &errorName)
{
    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    field->setParent(cell);
    cellLayout->addWidget(field);
    QLabel *error = errorLabel(errorName, cell);
    cellLayout->addWidget(error);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(field);
    // Qt looks for a buddy's text among the field's siblings; the caption is the cell's sibling.
    field->setAccessibleName(
        caption->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed());
    form->addRow(caption, cell);
    return error;
}

workspace::ProfileDraft ProfileFormDialog::draft() const
{
    return {m_name->text(), m_region->currentText(), m_accessKeyId->text(), m_secret->text(),
            m_token->text()};
}

void ProfileFormDialog::showProblems(const workspace::DraftProblems &problems)
{
    showError(m_nameError, problems.name);
    showError(m_regionError, problems.region);
    showError(m_accessKeyIdError, problems.accessKeyId);
    showError(m_secretError, problems.secretAccessKey);
    showError(m_tokenError, problems.sessionToken);
    const std::pair<const QString &, QWidget *> fields[] = {{problems.name, m_name},
                                                            {problems.region, m_region},
                                                            {problems.accessKeyId, m_accessKeyId},
                                                            {problems.secretAccessKey, m_secret},
                                                            {problems.sessionToken, m_token}};
    for (const auto &[problem, field] : fields) {
        if (!problem.isEmpty()) {
            field->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void ProfileFormDialog::submit()
{
    showError(m_saveError, {});
    const workspace::ProfileDraft typed = draft();
    const workspace::DraftProblems problems = m_profiles.check(typed, m_mode == Mode::Add);
    showProblems(problems);
    if (!problems.isEmpty())
        return;
    setBusy(true);
    m_profiles.save(typed, m_mode == Mode::Add);
}

void ProfileFormDialog::setBusy(bool busy)
{
    m_saving = busy;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_name, m_region, m_accessKeyId,
                                                            m_secret, m_token, m_buttons})
        widget->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void ProfileFormDialog::onSaveFinished(const QString &name, const QString &error)
{
    if (!m_saving || name != m_name->text().trimmed())
        return;
    setBusy(false);
    if (!error.isEmpty()) {
        showError(m_saveError, error);
        return;
    }
    emit profileSaved(name);
    accept();
}

void ProfileFormDialog::done(int result)
{
    // Closing while a save is under way would hide its outcome.
    if (m_saving)
        return;
    m_secret->clear();
    m_token->clear();
    QDialog::done(result);
}

} // namespace ui
