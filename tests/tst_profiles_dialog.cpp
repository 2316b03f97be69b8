#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/keyring_session.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/connection_bar.h"
#include "ui/import_profiles_dialog.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/profile_form_dialog.h"
#include "ui/profiles_dialog.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <algorithm>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using model::StageTreeModel;
using namespace testsupport;

namespace {

// The window also lists storage configurations once a stage is shown; only lookups count here.
qsizetype getStageRequests(const ScriptedEndpoint &endpoint)
{
    return std::count_if(
        endpoint.requests().cbegin(), endpoint.requests().cend(),
        [](const net::HttpRequest &request) { return request.path == "/GetStage"; });
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QTreeWidgetItem *rowNamed(QTreeWidget *list, const QString &name)
{
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        if (list->topLevelItem(row)->text(ui::ProfilesDialog::NameColumn) == name)
            return list->topLevelItem(row);
    }
    return nullptr;
}

QListWidgetItem *candidateNamed(QListWidget *list, const QString &name)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(name + QStringLiteral(" ")))
            return list->item(row);
    }
    return nullptr;
}

} // namespace

// The profile widgets in the real window, driven as a user would: the toolbar's lists, the
// Profiles dialog, the add/edit form and the import checklist. The window starts on the demo
// endpoint; AWS CLI profiles come from temporary files and send every request to a loopback
// endpoint; keychain profiles live in a private gnome-keyring.
class TestProfilesDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void switchingTheToolbarProfileRefetchesTheShownStage();
    void failedRefetchKeepsTheLastTree();
    void changingTheRegionRefetchesAndBadRegionsAreRefused();
    void invalidNameShowsAnInlineErrorAndKeepsTheTypedValues();
    void testButtonReportsTheOutcome();
    void setActiveInTheDialogMovesTheToolbar();
    void addingAProfileThroughTheFormListsItAndDeletingAsksFirst();
    void importChecklistCopiesTheCheckedProfiles();
    void keychainFailureKeepsEverythingTyped(); // last: it locks the keyring

private:
    ui::ProfilesDialog *openDialog();
    ui::ProfileFormDialog *openAddForm(ui::ProfilesDialog *dialog);
    void typeInto(QWidget *field, const QString &text);
    void pickInCombo(QComboBox *combo, const QString &text);
    void showDemoStage();
    QString valueAt(const QString &path) const;
    QPushButton *button(QWidget *parent, const char *name) const;

    KeyringSession m_keyring;
    QString m_keyringError;
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_awsDir;
    std::unique_ptr<ScriptedEndpoint> m_endpoint;
    testsupport::WindowRig m_rig;
};

void TestProfilesDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral(".local/share")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("IVS Stage Browser Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profiles_dialog"));
    QVERIFY2(QSettings().fileName().startsWith(m_home.path()), qPrintable(QSettings().fileName()));
    if (m_keyring.start(&m_keyringError))
        m_keyring.exportToThisProcess();
}

void TestProfilesDialog::init()
{
    QSettings().clear();
    m_endpoint = std::make_unique<ScriptedEndpoint>();
    QByteArray stage = readTestData(QStringLiteral("get_stage_seed_response.json"));
    stage.replace("seed-stage", "local-stage");
    m_endpoint->setHandler([stage](const net::HttpRequest &request) {
        if (request.header("Authorization").contains("AKIDBROKEN"))
            return awsErrorResponse(403, "AccessDeniedException",
                                    QStringLiteral("User is not authorized"));
        if (request.path == "/ListStages")
            return net::HttpResponse::json(200, "{\"stages\": []}");
        if (request.path == "/ListStorageConfigurations")
            return net::HttpResponse::json(200, "{\"storageConfigurations\": []}");
        return net::HttpResponse::json(200, stage);
    });
    QVERIFY(m_endpoint->start());

    m_awsDir = std::make_unique<QTemporaryDir>();
    QVERIFY(writeFile(m_awsDir->filePath(QStringLiteral("config")),
                      "[default]\nregion = eu-west-1\n\n"
                      "[profile local]\nregion = us-west-2\n\n"
                      "[profile broken]\nregion = us-west-2\n\n"
                      "[profile sso-user]\nsso_session = corp\nregion = eu-central-1\n"));
    QVERIFY(writeFile(m_awsDir->filePath(QStringLiteral("credentials")),
                      "[default]\naws_access_key_id = AKIDDEFAULT0000001\n"
                      "aws_secret_access_key = default-secret\n\n"
                      "[local]\naws_access_key_id = AKIDLOCAL00000001\n"
                      "aws_secret_access_key = local-secret\n\n"
                      "[broken]\naws_access_key_id = AKIDBROKEN0000001\n"
                      "aws_secret_access_key = broken-secret\n"));

    workspace::BackendOptions options;
    options.forceDemo = true;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"),
                       m_awsDir->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                       m_awsDir->filePath(QStringLiteral("credentials")));
    // Whatever profile is picked, requests stay on this machine.
    environment.insert(QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"),
                       m_endpoint->url().toString());
    options.environment = environment;
    QString error;
    m_rig.backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig.window.get()));
}

void TestProfilesDialog::cleanup()
{
    m_rig.reset();
    m_endpoint.reset();
    m_awsDir.reset();
}

ui::ProfilesDialog *TestProfilesDialog::openDialog()
{
    m_rig.window->profilesAction()->trigger();
    auto *dialog = m_rig.window->findChild<ui::ProfilesDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

ui::ProfileFormDialog *TestProfilesDialog::openAddForm(ui::ProfilesDialog *dialog)
{
    QTest::mouseClick(button(dialog, "addButton"), Qt::LeftButton);
    auto *form = dialog->findChild<ui::ProfileFormDialog *>();
    if (!form || !QTest::qWaitForWindowExposed(form))
        return nullptr;
    // Kept after closing, so the test can see what closing did to the fields.
    form->setAttribute(Qt::WA_DeleteOnClose, false);
    return form;
}

QPushButton *TestProfilesDialog::button(QWidget *parent, const char *name) const
{
    return parent->findChild<QPushButton *>(QString::fromLatin1(name));
}

void TestProfilesDialog::typeInto(QWidget *field, const QString &text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

void TestProfilesDialog::pickInCombo(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    // Through the popup, as with the mouse: stepping with the arrow keys would switch to every
    // entry on the way.
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    QTRY_VERIFY(view->isVisible());
    view->setCurrentIndex(combo->model()->index(index, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(!view->isVisible());
    QCOMPARE(combo->currentText(), text);
}

QString TestProfilesDialog::valueAt(const QString &path) const
{
    return m_rig.model->indexForPath(path)
        .siblingAtColumn(StageTreeModel::ValueColumn)
        .data()
        .toString();
}

void TestProfilesDialog::showDemoStage()
{
    QLineEdit *edit = m_rig.window->arnInput()->lineEdit();
    edit->clear();
    QTest::keyClicks(edit, kFullyConfiguredDemoArn);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
}

void TestProfilesDialog::switchingTheToolbarProfileRefetchesTheShownStage()
{
    showDemoStage();
    QVERIFY(m_rig.window->windowTitle().contains(QLatin1String("demo")));
    QComboBox *profile = m_rig.window->connectionBar()->profileCombo();
    QCOMPARE(profile->currentText(), QStringLiteral("Demo endpoint"));
    QCOMPARE(profile->itemText(1), QStringLiteral("Automatic (environment / AWS_PROFILE)"));

    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    pickInCombo(profile, QStringLiteral("local (AWS CLI)"));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toString(), kFullyConfiguredDemoArn);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("local-stage"));
    QCOMPARE(getStageRequests(*m_endpoint), 1);
    // Requests the demo connection started just before the switch stay with the demo.
    for (const net::HttpRequest &request : m_endpoint->requests())
        QVERIFY2(request.header("Authorization").contains("Credential=AKIDLOCAL00000001/"),
                 request.path.constData());
    QVERIFY2(!m_rig.window->windowTitle().contains(QLatin1String("demo")),
             qPrintable(m_rig.window->windowTitle()));
    const auto *connection = m_rig.window->findChild<QLabel *>(QStringLiteral("connectionLabel"));
    QVERIFY2(connection->text().contains(QLatin1String("AWS CLI profile \"local\"")),
             qPrintable(connection->text()));

    pickInCombo(profile, QStringLiteral("Demo endpoint"));
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
    QVERIFY(m_rig.window->windowTitle().contains(QLatin1String("demo")));
    QVERIFY(connection->text().contains(QLatin1String("Demo endpoint")));
    QCOMPARE(getStageRequests(*m_endpoint), 1);
}

void TestProfilesDialog::failedRefetchKeepsTheLastTree()
{
    showDemoStage();
    QSignalSpy failed(m_rig.browser, &workspace::StageBrowser::lookupFailed);
    pickInCombo(m_rig.window->connectionBar()->profileCombo(), QStringLiteral("broken (AWS CLI)"));
    QTRY_COMPARE(failed.count(), 1);
    const QString message = m_rig.window->banner()->text();
    QVERIFY2(message.contains(QLatin1String("Access denied")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("still shows studio-main")), qPrintable(message));
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
    QCOMPARE(m_rig.window->arnInput()->text(), kFullyConfiguredDemoArn);
}

void TestProfilesDialog::changingTheRegionRefetchesAndBadRegionsAreRefused()
{
    showDemoStage();
    QComboBox *region = m_rig.window->connectionBar()->regionCombo();
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);

    typeInto(region->lineEdit(), QStringLiteral("eu-central-1"));
    QTest::keyClick(region->lineEdit(), Qt::Key_Return);
    QCOMPARE(started.count(), 1);
    QCOMPARE(m_rig.profiles->serviceRegion(), QStringLiteral("eu-central-1"));
    QTRY_VERIFY(!m_rig.browser->isBusy());
    // Leaving the field unchanged is not a change.
    m_rig.window->arnInput()->focusInput();
    QCOMPARE(started.count(), 1);

    typeInto(region->lineEdit(), QStringLiteral("Mars"));
    QTest::keyClick(region->lineEdit(), Qt::Key_Return);
    QCOMPARE(started.count(), 1);
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("\"Mars\" is not a region")),
             qPrintable(m_rig.window->banner()->text()));
    QCOMPARE(region->currentText(), QStringLiteral("eu-central-1"));
    QCOMPARE(m_rig.profiles->serviceRegion(), QStringLiteral("eu-central-1"));
}

void TestProfilesDialog::invalidNameShowsAnInlineErrorAndKeepsTheTypedValues()
{
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    ui::ProfileFormDialog *form = openAddForm(dialog);
    QVERIFY(form);
    auto *name = form->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *keyId = form->findChild<QLineEdit *>(QStringLiteral("accessKeyIdEdit"));
    auto *secret = form->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
    auto *token = form->findChild<QLineEdit *>(QStringLiteral("sessionTokenEdit"));
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    typeInto(name, QStringLiteral("my profile"));
    typeInto(keyId, QStringLiteral("AKIDTYPED0000001"));
    typeInto(secret, QStringLiteral("typed-secret"));

    QSignalSpy saved(m_rig.profiles, &workspace::ProfilesController::saveFinished);
    QSignalSpy busy(m_rig.profiles, &workspace::ProfilesController::busyChanged);
    QTest::keyClick(secret, Qt::Key_Return);
    auto *nameError = form->findChild<QLabel *>(QStringLiteral("nameError"));
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QLatin1String("\"my profile\" does not")),
             qPrintable(nameError->text()));
    QVERIFY(!form->findChild<QLabel *>(QStringLiteral("secretError"))->isVisible());
    QVERIFY(form->isVisible());
    QCOMPARE(name->text(), QStringLiteral("my profile"));
    QCOMPARE(keyId->text(), QStringLiteral("AKIDTYPED0000001"));
    QCOMPARE(secret->text(), QStringLiteral("typed-secret"));
    QCOMPARE(QApplication::focusWidget(), name);
    QCOMPARE(busy.count(), 0); // no save was started, so no keychain call is on its way
    QVERIFY(drainPostedEvents());
    QCOMPARE(saved.count(), 0); // refused before any keychain call

    // Fixing the name clears its message; an emptied secret gets one of its own.
    typeInto(name, QStringLiteral("my-profile"));
    secret->clear();
    QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QVERIFY(!nameError->isVisible());
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("secretError"))->isVisible());
    QVERIFY(form->isVisible());

    // Cancelling empties the secret fields.
    typeInto(secret, QStringLiteral("typed-secret"));
    QTest::keyClick(form, Qt::Key_Escape);
    QVERIFY(!form->isVisible());
    QVERIFY(secret->text().isEmpty());
    QVERIFY(!rowNamed(dialog->list(), QStringLiteral("my-profile")));
}

void TestProfilesDialog::testButtonReportsTheOutcome()
{
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTreeWidgetItem *local = rowNamed(dialog->list(), QStringLiteral("local"));
    QVERIFY(local);
    QCOMPARE(local->text(ui::ProfilesDialog::SourceColumn), QStringLiteral("AWS CLI files"));
    QCOMPARE(local->text(ui::ProfilesDialog::RegionColumn), QStringLiteral("us-west-2"));
    // AWS CLI profiles are changed in their files, not here.
    dialog->list()->setCurrentItem(local);
    QVERIFY(!button(dialog, "editButton")->isEnabled());
    QVERIFY(!button(dialog, "deleteButton")->isEnabled());

    QTest::mouseClick(button(dialog, "testButton"), Qt::LeftButton);
    QVERIFY(!button(dialog, "testButton")->isEnabled()); // busy until the answer
    QTRY_VERIFY2(dialog->statusText().contains(QLatin1String("ListStages in us-west-2 succeeded")),
                 qPrintable(dialog->statusText()));
    QVERIFY(button(dialog, "testButton")->isEnabled());

    dialog->list()->setCurrentItem(rowNamed(dialog->list(), QStringLiteral("broken")));
    QTest::mouseClick(button(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY2(dialog->statusText().contains(QLatin1String("Access denied")),
                 qPrintable(dialog->statusText()));
    // Testing is not switching.
    QCOMPARE(m_rig.window->connectionBar()->profileCombo()->currentText(),
             QStringLiteral("Demo endpoint"));
}

void TestProfilesDialog::setActiveInTheDialogMovesTheToolbar()
{
    showDemoStage();
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    dialog->list()->setCurrentItem(rowNamed(dialog->list(), QStringLiteral("local")));
    QTest::mouseClick(button(dialog, "activateButton"), Qt::LeftButton);
    QCOMPARE(m_rig.window->connectionBar()->profileCombo()->currentText(),
             QStringLiteral("local (AWS CLI)"));
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("local-stage"));
    QTreeWidgetItem *local = rowNamed(dialog->list(), QStringLiteral("local"));
    QVERIFY(!local->text(ui::ProfilesDialog::ActiveColumn).isEmpty());
    QVERIFY(rowNamed(dialog->list(), QStringLiteral("default"))
                ->text(ui::ProfilesDialog::ActiveColumn)
                .isEmpty());
    QVERIFY(!button(dialog, "activateButton")->isEnabled());
}

void TestProfilesDialog::addingAProfileThroughTheFormListsItAndDeletingAsksFirst()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    ui::ProfileFormDialog *form = openAddForm(dialog);
    QVERIFY(form);
    auto *secret = form->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
    typeInto(form->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("staging"));
    typeInto(form->findChild<QComboBox *>(QStringLiteral("regionCombo"))->lineEdit(),
             QStringLiteral("ap-northeast-2"));
    typeInto(form->findChild<QLineEdit *>(QStringLiteral("accessKeyIdEdit")),
             QStringLiteral("AKIDSTAGING00001"));
    typeInto(secret, QStringLiteral("staging-secret"));
    QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!form->isVisible(), 20000);
    QCOMPARE(form->result(), int(QDialog::Accepted));
    QVERIFY(secret->text().isEmpty());
    QTreeWidgetItem *row = rowNamed(dialog->list(), QStringLiteral("staging"));
    QVERIFY(row);
    QCOMPARE(row->text(ui::ProfilesDialog::SourceColumn), QStringLiteral("keychain"));
    QCOMPARE(row->text(ui::ProfilesDialog::RegionColumn), QStringLiteral("ap-northeast-2"));
    QVERIFY2(dialog->statusText().contains(QLatin1String("Saved profile \"staging\"")),
             qPrintable(dialog->statusText()));
    QVERIFY(m_rig.window->connectionBar()->profileCombo()->findText(
                QStringLiteral("staging (keychain)")) >= 0);

    // Editing starts from the stored values, and never from the stored secret.
    QCOMPARE(dialog->list()->currentItem(), row);
    QTest::mouseClick(button(dialog, "editButton"), Qt::LeftButton);
    ui::ProfileFormDialog *edit = nullptr;
    for (ui::ProfileFormDialog *candidate : dialog->findChildren<ui::ProfileFormDialog *>()) {
        if (candidate != form)
            edit = candidate;
    }
    QVERIFY(edit);
    QVERIFY(QTest::qWaitForWindowExposed(edit));
    QCOMPARE(edit->draft().accessKeyId, QStringLiteral("AKIDSTAGING00001"));
    QVERIFY(edit->draft().secretAccessKey.isEmpty());
    QVERIFY(edit->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->isReadOnly());
    edit->reject();

    QTest::mouseClick(button(dialog, "deleteButton"), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) &&
                confirm->isVisible());
    QVERIFY(rowNamed(dialog->list(), QStringLiteral("staging"))); // nothing happens before "yes"
    QAbstractButton *yes = nullptr;
    for (QAbstractButton *candidate : confirm->buttons()) {
        if (confirm->buttonRole(candidate) == QMessageBox::DestructiveRole)
            yes = candidate;
    }
    QVERIFY(yes);
    QTest::mouseClick(yes, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!rowNamed(dialog->list(), QStringLiteral("staging")), 20000);
    QVERIFY2(dialog->statusText().contains(QLatin1String("Deleted profile \"staging\"")),
             qPrintable(dialog->statusText()));
}

void TestProfilesDialog::importChecklistCopiesTheCheckedProfiles()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTest::mouseClick(button(dialog, "importButton"), Qt::LeftButton);
    // Deleted when it closes.
    QPointer<ui::ImportProfilesDialog> import = dialog->findChild<ui::ImportProfilesDialog *>();
    QVERIFY(import);
    QVERIFY(QTest::qWaitForWindowExposed(import));

    QListWidgetItem *sso = candidateNamed(import->list(), QStringLiteral("sso-user"));
    QVERIFY(sso);
    QVERIFY(!(sso->flags() & Qt::ItemIsEnabled));
    QVERIFY2(sso->text().contains(QLatin1String("IAM Identity Center")), qPrintable(sso->text()));
    QListWidgetItem *local = candidateNamed(import->list(), QStringLiteral("local"));
    QVERIFY(local);
    QCOMPARE(local->checkState(), Qt::Checked);
    for (const char *other : {"default", "broken"})
        candidateNamed(import->list(), QString::fromLatin1(other))->setCheckState(Qt::Unchecked);
    QCOMPARE(import->checkedNames(), QStringList{QStringLiteral("local")});

    QTest::mouseClick(import->findChild<QPushButton *>(QStringLiteral("importButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!import || !import->isVisible(), 20000);
    QTreeWidgetItem *row = rowNamed(dialog->list(), QStringLiteral("local"));
    QVERIFY(row);
    QCOMPARE(row->text(ui::ProfilesDialog::SourceColumn), QStringLiteral("keychain"));
    QCOMPARE(
        rowNamed(dialog->list(), QStringLiteral("broken"))->text(ui::ProfilesDialog::SourceColumn),
        QStringLiteral("AWS CLI files"));
    QVERIFY2(dialog->statusText().contains(QLatin1String("Imported local")),
             qPrintable(dialog->statusText()));
}

void TestProfilesDialog::keychainFailureKeepsEverythingTyped()
{
    QVERIFY2(m_keyringError.isEmpty(), qPrintable(m_keyringError));
    QString error;
    QVERIFY2(m_keyring.lockLoginCollection(&error), qPrintable(error));
    ui::ProfilesDialog *dialog = openDialog();
    QVERIFY(dialog);
    ui::ProfileFormDialog *form = openAddForm(dialog);
    QVERIFY(form);
    typeInto(form->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("locked"));
    typeInto(form->findChild<QLineEdit *>(QStringLiteral("accessKeyIdEdit")),
             QStringLiteral("AKIDLOCKED000001"));
    typeInto(form->findChild<QLineEdit *>(QStringLiteral("secretEdit")),
             QStringLiteral("locked-secret"));
    QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QVERIFY(!form->findChild<QDialogButtonBox *>()->isEnabled()); // busy

    auto *saveError = form->findChild<QLabel *>(QStringLiteral("saveError"));
    QTRY_VERIFY_WITH_TIMEOUT(saveError->isVisible(), 20000);
    QVERIFY2(saveError->text().contains(QLatin1String("was not saved")),
             qPrintable(saveError->text()));
    QVERIFY(!saveError->text().contains(QLatin1String("locked-secret")));
    QVERIFY(form->isVisible());
    QVERIFY(form->findChild<QDialogButtonBox *>()->isEnabled());
    QCOMPARE(form->draft().name, QStringLiteral("locked"));
    QCOMPARE(form->draft().accessKeyId, QStringLiteral("AKIDLOCKED000001"));
    QCOMPARE(form->draft().secretAccessKey, QStringLiteral("locked-secret"));
    QVERIFY(!rowNamed(dialog->list(), QStringLiteral("locked")));
}

QTEST_MAIN(TestProfilesDialog)
#include "tst_profiles_dialog.moc"
