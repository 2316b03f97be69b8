#include "demo/demo_stages.h"
#include "document/editor_spec.h"
#include "model/events_model.h"
#include "model/findings_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/checks_panel.h"
#include "ui/choice_list_editor.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/review_dialog.h"
#include "ui/stage_tree_view.h"
#include "workspace/backend.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");
const QString kReconnect = kRecording + QStringLiteral("recordingReconnectWindowSeconds");
const QString kStorage = kRecording + QStringLiteral("storageConfigurationArn");
const QString kThumbnailStorage = kRecording + QStringLiteral("thumbnailConfiguration.storage");
const QString kFieldReporterArn =
    QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1");
const QString kGuestBen = QStringLiteral("pB2guestBen00002");

QStringList findingIds(const workspace::StageInspector &inspector)
{
    QStringList ids;
    for (const ivs::Finding &finding : inspector.findings()->findings())
        ids.append(finding.id);
    return ids;
}

} // namespace

// A producer's walk through the window on the demo endpoint: editors refuse what the service
// would refuse, with the reason, and keep what was typed; a pick from a list is an edit at once;
// the recording fix can be carried out; a finding leads to its cause.
class TestProducerFlow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void numberOutOfRangeIsRefusedAndKeptInTheEditor();
    void overLongTagValueIsRefusedNotCut();
    void overLongNameIsRefusedNotCut();
    void pickingFromTheStorageListCommitsSoCtrlSAppliesIt();
    void tickingAThumbnailStorageCommitsAtOnce();
    void recordingFixOnFieldReporterWorksOnTheDemo();
    void choosingNoStorageSaysRecordingIsOff();
    void regionWithoutStorageSaysHowToCreateOne();
    void failedRecordingFindingPointsAtThePublishError();
    void checkAgainShowsThatItRan();

private:
    void openDemoWindow();
    void openWindowOn(const QString &endpointUrl);
    void show(const QString &arn, const QString &name);
    QModelIndex valueIndex(const QString &path) const;
    QString valueAt(const QString &path) const;
    QWidget *openEditor(const QString &path);
    QWidget *editorAt(const QString &path) const;
    void pickFromList(QComboBox *combo, int row);
    void applyWithCtrlS();

    QTemporaryDir m_home;
    WindowRig m_rig;
};

void TestProducerFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestProducerFlow::cleanup()
{
    m_rig.reset();
}

void TestProducerFlow::openDemoWindow()
{
    QString error;
    m_rig.backend = WindowRig::demoBackend(&error); // a fresh demo: edits never carry over
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->setDiscardConfirmer([](const QString &) { return true; });
    m_rig.window->show();
    m_rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
}

void TestProducerFlow::openWindowOn(const QString &endpointUrl)
{
    workspace::BackendOptions options;
    options.endpointUrl = endpointUrl;
    options.environment = QProcessEnvironment();
    options.environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDFLOW"));
    options.environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                               QStringLiteral("flow-secret"));
    options.environment.insert(QStringLiteral("HOME"), m_home.path());
    QString error;
    m_rig.backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    m_rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
}

void TestProducerFlow::show(const QString &arn, const QString &name)
{
    QSignalSpy shown(m_rig.browser, &workspace::StageBrowser::stageShown);
    QLineEdit *input = m_rig.window->arnInput()->lineEdit();
    input->setText(arn);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(valueAt(QStringLiteral("name")), name);
    // The checks and the storage picker ask the service too: their answers land before the test
    // opens an editor, not while one is open.
    QVERIFY(waitUntilIdle(m_rig.workspace->client()));
}

QModelIndex TestProducerFlow::valueIndex(const QString &path) const
{
    return m_rig.model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn);
}

QString TestProducerFlow::valueAt(const QString &path) const
{
    return valueIndex(path).data().toString();
}

QWidget *TestProducerFlow::openEditor(const QString &path)
{
    ui::StageTreeView *tree = m_rig.window->treeView();
    const QModelIndex index = valueIndex(path);
    tree->setFocus();
    tree->setCurrentIndex(index);
    tree->edit(index);
    return tree->indexWidget(index);
}

QWidget *TestProducerFlow::editorAt(const QString &path) const
{
    return m_rig.window->treeView()->indexWidget(valueIndex(path));
}

// As the user does: opens the drop-down list, moves to the row and presses Enter there.
void TestProducerFlow::pickFromList(QComboBox *combo, int row)
{
    combo->showPopup();
    QTRY_VERIFY(combo->view()->isVisible());
    combo->view()->setCurrentIndex(combo->model()->index(row, 0));
    QTest::keyClick(combo->view(), Qt::Key_Return);
}

void TestProducerFlow::applyWithCtrlS()
{
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_S, Qt::ControlModifier);
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QTest::mouseClick(review->applyButton(), Qt::LeftButton);
}

void TestProducerFlow::numberOutOfRangeIsRefusedAndKeptInTheEditor()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *spin = qobject_cast<QSpinBox *>(openEditor(kReconnect));
    QVERIFY(spin);
    QVERIFY2(m_rig.window->statusBar()->currentMessage().contains(QLatin1String("from 0 to 300")),
             qPrintable(m_rig.window->statusBar()->currentMessage()));
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("999"));
    QCOMPARE(spin->text(), QStringLiteral("999")); // not cut to 99
    QTest::keyClick(spin, Qt::Key_Return);

    // Refused, with the reason and what was typed.
    QTRY_VERIFY(!m_rig.window->banner()->text().isEmpty());
    const QString message = m_rig.window->banner()->text();
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(message.contains(QLatin1String("recordingReconnectWindowSeconds: Must be from 0 to "
                                            "300.")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"999\" is still in the editor")),
             qPrintable(message));
    QVERIFY(!m_rig.document->hasPendingEdits());
    QCOMPARE(valueAt(kReconnect), QStringLiteral("60"));

    // The editor is open again with 999 in it; the arrow keys step back into the range, never
    // out of it.
    QTRY_VERIFY(qobject_cast<QSpinBox *>(editorAt(kReconnect)));
    spin = qobject_cast<QSpinBox *>(editorAt(kReconnect));
    QCOMPARE(spin->value(), 999);
    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(spin->value(), 999);
    QTest::keyClick(spin, Qt::Key_Down);
    QCOMPARE(spin->value(), 300);
    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(spin->value(), 300);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueAt(kReconnect), QStringLiteral("300"));
    QVERIFY(m_rig.document->hasPendingEdits());
}

void TestProducerFlow::overLongTagValueIsRefusedNotCut()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    const QString tag = QStringLiteral("tags[\"show\"]");
    auto *edit = qobject_cast<QLineEdit *>(openEditor(tag));
    QVERIFY(edit);
    edit->selectAll();
    const QString typed(300, QLatin1Char('v'));
    QTest::keyClicks(edit, typed);
    QCOMPARE(edit->text(), typed); // all 300, not 256
    QTest::keyClick(edit, Qt::Key_Return);

    QTRY_VERIFY(!m_rig.window->banner()->text().isEmpty());
    const QString message = m_rig.window->banner()->text();
    QVERIFY2(message.contains(QLatin1String(
                 "Tag \"show\": A tag value has at most 256 characters; this has 300.")),
             qPrintable(message));
    QVERIFY(message.contains(QLatin1String("is still in the editor")));
    QCOMPARE(valueAt(tag), QStringLiteral("Morning Live"));
    QVERIFY(!m_rig.document->hasPendingEdits());
    QTRY_VERIFY(qobject_cast<QLineEdit *>(editorAt(tag)));
    QCOMPARE(qobject_cast<QLineEdit *>(editorAt(tag))->text(), typed);
}

void TestProducerFlow::overLongNameIsRefusedNotCut()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *edit = qobject_cast<QLineEdit *>(openEditor(QStringLiteral("name")));
    QVERIFY(edit);
    const QString typed(129, QLatin1Char('n'));
    edit->setText(typed); // as a paste would
    QCOMPARE(edit->text(), typed);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY2(m_rig.window->banner()->text().contains(
                     QLatin1String("name: At most 128 characters; this has 129.")),
                 qPrintable(m_rig.window->banner()->text()));
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
    QTRY_VERIFY(qobject_cast<QLineEdit *>(editorAt(QStringLiteral("name"))));
    QCOMPARE(qobject_cast<QLineEdit *>(editorAt(QStringLiteral("name")))->text(), typed);
}

void TestProducerFlow::pickingFromTheStorageListCommitsSoCtrlSAppliesIt()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(!m_rig.window->applyAction()->isEnabled());
    auto *picker = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(picker);
    const int archive = picker->findText(QStringLiteral("archive"), Qt::MatchStartsWith);
    QVERIFY(archive > 0);
    pickFromList(picker, archive);

    // Picked is committed: no Enter, no click elsewhere.
    QTRY_VERIFY(valueAt(kStorage).endsWith(QLatin1String("/QRst56uvWXyz")));
    QVERIFY(m_rig.document->hasPendingEdits());
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    QTRY_VERIFY(!editorAt(kStorage));
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_S, Qt::ControlModifier);
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QVERIFY2(review->text().contains(QLatin1String("storage-configuration/QRst56uvWXyz")),
             qPrintable(review->text()));
    review->reject();
}

void TestProducerFlow::tickingAThumbnailStorageCommitsAtOnce()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *boxes = qobject_cast<ui::ChoiceListEditor *>(openEditor(kThumbnailStorage));
    QVERIFY(boxes);
    QTest::mouseClick(boxes->box(QStringLiteral("LATEST")), Qt::LeftButton);
    QTRY_COMPARE(valueAt(kThumbnailStorage), QStringLiteral("SEQUENTIAL"));
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    QCOMPARE(editorAt(kThumbnailStorage), boxes); // still open for the next tick

    // None ticked is not a value the field takes: refused as it is ticked, not committed.
    QTest::mouseClick(boxes->box(QStringLiteral("SEQUENTIAL")), Qt::LeftButton);
    QVERIFY2(m_rig.window->statusBar()->currentMessage().contains(QLatin1String("Not accepted")),
             qPrintable(m_rig.window->statusBar()->currentMessage()));
    QCOMPARE(valueAt(kThumbnailStorage), QStringLiteral("SEQUENTIAL"));
    QCOMPARE(m_rig.document->undoStack()->count(), 1);
}

// The README's recording fix on field-reporter (its storage configuration is in another region),
// in four actions: double-click the finding (the picker opens), pick the region's configuration,
// Ctrl+S, Enter.
void TestProducerFlow::recordingFixOnFieldReporterWorksOnTheDemo()
{
    openDemoWindow();
    show(kFieldReporterArn, QStringLiteral("field-reporter"));
    QTRY_VERIFY(findingIds(*m_rig.inspector).contains(QStringLiteral("storage-region-mismatch")));
    QTRY_COMPARE(
        valueIndex(kStorage).data(StageTreeModel::EditorRole).value<document::EditorSpec>().choices,
        (QStringList{QString(), QStringLiteral("arn:aws:ivs:eu-west-1:123456789012:"
                                               "storage-configuration/FieldEU1recX")}));
    QTableView *findings = m_rig.window->checksPanel()->table();
    QModelIndex finding;
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        const QModelIndex index = findings->model()->index(row, 1);
        if (index.data(model::FindingsModel::FieldPathRole).toString() == kStorage)
            finding = index;
    }
    QVERIFY(finding.isValid());
    // 1: the finding.
    const QPoint centre = findings->visualRect(finding).center();
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(findings->viewport(), Qt::LeftButton, {}, centre);
    auto *picker = qobject_cast<QComboBox *>(editorAt(kStorage));
    QVERIFY(picker);
    QVERIFY(picker->itemText(1).startsWith(QLatin1String("field-recordings")));
    // 2: the pick.
    pickFromList(picker, 1);
    QTRY_VERIFY(m_rig.window->applyAction()->isEnabled());
    QSignalSpy finished(m_rig.editor, &workspace::StageEditor::applyFinished);
    QSignalSpy checked(m_rig.inspector, &workspace::StageInspector::checksFinished);
    // 3: Ctrl+S; 4: Enter, for the review's default button, Apply.
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_S, Qt::ControlModifier);
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QVERIFY(review->applyButton()->isDefault());
    QTest::keyClick(review, Qt::Key_Return);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY(!findingIds(*m_rig.inspector).contains(QStringLiteral("storage-region-mismatch")));
    QVERIFY(!m_rig.inspector->isRecordingOff());
    QTRY_VERIFY2(m_rig.document->annotationText(kStorage).contains(
                     QLatin1String("field-recordings: bucket field-recordings-eu-west-1")),
                 qPrintable(m_rig.document->annotationText(kStorage)));
}

// "(none — recording off)" fixes the region mismatch by recording nothing: the checks must not
// then read as if all were well.
void TestProducerFlow::choosingNoStorageSaysRecordingIsOff()
{
    openDemoWindow();
    show(kFieldReporterArn, QStringLiteral("field-reporter"));
    auto *picker = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(picker);
    pickFromList(picker, 0);
    QTRY_VERIFY(m_rig.window->applyAction()->isEnabled());
    QSignalSpy checked(m_rig.inspector, &workspace::StageInspector::checksFinished);
    applyWithCtrlS();
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY(m_rig.inspector->isRecordingOff());
    QVERIFY(findingIds(*m_rig.inspector).contains(QStringLiteral("recording-off")));
    const QString summary = m_rig.window->checksPanel()->summaryLabel()->text();
    QVERIFY2(summary.startsWith(QLatin1String("Recording is off")), qPrintable(summary));
    QVERIFY2(!summary.startsWith(QLatin1String("No problems found")), qPrintable(summary));
}

// A region with no storage configuration at all: the picker and the finding say so, and how to
// create one, instead of offering only "(none)" with no word.
void TestProducerFlow::regionWithoutStorageSaysHowToCreateOne()
{
    QJsonObject stage;
    for (const QJsonObject &sample : demo::sampleStages()) {
        if (sample.value(QStringLiteral("arn")).toString() == kFieldReporterArn)
            stage = sample;
    }
    QVERIFY(!stage.isEmpty());
    const QByteArray stageAnswer =
        QJsonDocument(QJsonObject{{QStringLiteral("stage"), stage}}).toJson();
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([stageAnswer](const net::HttpRequest &request) {
        if (request.path == "/ListStorageConfigurations")
            return net::HttpResponse::json(200, "{\"storageConfigurations\": []}");
        if (request.path == "/ListStageSessions")
            return net::HttpResponse::json(200, "{\"stageSessions\": []}");
        if (request.path == "/GetStorageConfiguration")
            return net::HttpResponse::json(
                200, "{\"storageConfiguration\": {\"arn\": \"arn:aws:ivs:us-west-2:123456789012:"
                     "storage-configuration/QRst56uvWXyz\", \"name\": \"archive\", \"s3\": "
                     "{\"bucketName\": \"stage-archive-us-west-2\"}}}");
        return net::HttpResponse::json(200, stageAnswer);
    });
    openWindowOn(endpoint.url().toString());
    show(kFieldReporterArn, QStringLiteral("field-reporter"));
    QTRY_VERIFY(m_rig.document->storageConfigurationsInRegion() == 0);

    auto *picker = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(picker);
    QCOMPARE(picker->count(), 2); // "(none — recording off)" and the note
    const QString note = picker->itemText(1);
    QVERIFY2(note.startsWith(QLatin1String("No storage configuration in eu-west-1: create one in "
                                           "the AWS console")),
             qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("aws ivs-realtime create-storage-configuration")),
             qPrintable(note));
    // Not a choice: it cannot be picked.
    QVERIFY(!(picker->model()->flags(picker->model()->index(1, 0)) & Qt::ItemIsEnabled));
    QVERIFY2(m_rig.window->statusBar()->currentMessage().contains(
                 QLatin1String("No storage configuration in eu-west-1")),
             qPrintable(m_rig.window->statusBar()->currentMessage()));
    QTest::keyClick(picker->lineEdit(), Qt::Key_Escape);

    // The finding says the same, and how.
    QTRY_VERIFY(findingIds(*m_rig.inspector).contains(QStringLiteral("storage-region-mismatch")));
    const ivs::Finding mismatch = m_rig.inspector->findings()->findings().at(static_cast<int>(
        findingIds(*m_rig.inspector).indexOf(QStringLiteral("storage-region-mismatch"))));
    QVERIFY2(mismatch.action.startsWith(QStringLiteral("No storage configuration in eu-west-1: "
                                                       "create one in the AWS console (IVS › "
                                                       "Real-time › Storage configurations)")),
             qPrintable(mismatch.action));
}

void TestProducerFlow::failedRecordingFindingPointsAtThePublishError()
{
    openDemoWindow();
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    ui::ChecksPanel *checks = m_rig.window->checksPanel();
    QTableView *table = checks->table();
    QTRY_VERIFY(table->model()->rowCount() > 0);
    const QModelIndex failed = table->model()->index(0, model::FindingsModel::TitleColumn);
    const QString title = failed.data().toString();
    QVERIFY2(title.contains(QLatin1String("guest-ben")), qPrintable(title));
    QVERIFY2(title.contains(QLatin1String("PUBLISH_ERROR B_FRAME_PRESENT")), qPrintable(title));
    const QString action =
        failed.siblingAtColumn(model::FindingsModel::ActionColumn).data().toString();
    QVERIFY2(action.contains(QLatin1String("B-frames")), qPrintable(action));
    QVERIFY2(!action.contains(QLatin1String("S3 bucket")), qPrintable(action));
    QCOMPARE(failed.siblingAtColumn(model::FindingsModel::FieldColumn).data().toString(),
             QStringLiteral("participants[\"%1\"]").arg(kGuestBen));

    // Activating it selects the participant, whose events show the error.
    QSignalSpy requested(checks, &ui::ChecksPanel::participantRequested);
    const QPoint centre = table->visualRect(failed).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), kGuestBen);
    QCOMPARE(m_rig.inspector->selectedParticipantId(), kGuestBen);
    QTRY_COMPARE(m_rig.inspector->events()->errorCount(), 1);
}

void TestProducerFlow::checkAgainShowsThatItRan()
{
    openDemoWindow();
    show(kDefaultsDemoArn, QStringLiteral("podcast-room"));
    ui::ChecksPanel *checks = m_rig.window->checksPanel();
    QTRY_VERIFY(checks->checkedAtLabel()->text().startsWith(QLatin1String("Checked at ")));
    QSignalSpy started(m_rig.inspector, &workspace::StageInspector::checksStarted);
    QTest::mouseClick(checks->recheckButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    // While it runs the old time is gone; then the new one shows.
    QVERIFY(checks->checkedAtLabel()->text().isEmpty());
    QTRY_VERIFY(checks->checkedAtLabel()->text().startsWith(QLatin1String("Checked at ")));
}

QTEST_MAIN(TestProducerFlow)
#include "tst_producer_flow.moc"
