// Editing in the window through the real widgets, offscreen, on the demo endpoint: the tree's
// editors, tags, review and apply, undo, export and apply from a file.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "document/editor_spec.h"
#include "model/stage_list_model.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/choice_list_editor.h"
#include "ui/connection_bar.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/review_dialog.h"
#include "ui/stage_tree_view.h"
#include "ui/tag_dialog.h"
#include "workspace/backend.h"
#include "workspace/profiles_controller.h"
#include "workspace/stage_browser.h"
#include "workspace/stage_catalog.h"
#include "workspace/stage_editor.h"
#include "workspace/stage_inspector.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using model::EditState;
using model::StageTreeModel;
using namespace testsupport;

namespace {

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");
const QString kSegment =
    kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds");
const QString kReconnect = kRecording + QStringLiteral("recordingReconnectWindowSeconds");
const QString kStorage = kRecording + QStringLiteral("storageConfigurationArn");
const QString kEuStorage =
    QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:storage-configuration/EUrec01abCD");

} // namespace

// The editing UI on the built-in demo endpoint: editors in the tree, tags, undo, review and
// apply, and the questions asked before pending edits could be lost.
class TestEditingUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void spinBoxEditThroughTheDelegateIsPending();
    void spinBoxStepsWithinTheRange();
    void editedFieldNamesFitInBold();
    void f2TypingAndDoubleClickOpenTheValueEditor();
    void badNameIsRefusedWithTheReason();
    void refusedValueStaysInTheReopenedEditor();
    void editorsMatchTheFieldKinds();
    void tagsAreAddedRenamedAndDeletedThroughTheUi();
    void undoAndRedoActionsFollowTheEdits();
    void reviewShowsEachChangeAndTheRequests();
    void applyOnPodcastRoomShowsTheNewValues();
    void conflictOnStudioMainIsExplainedAndEditsKept();
    void lookupWithPendingEditsAsksFirst();
    void connectionSwitchReloadAndCloseAskFirst();
    void openEditorCountsBeforeClosingAndReviewing();
    void exportThenApplyFromFileRoundTrip();
    void fileErrorsAreShownAndChangeNothing();

private:
    void show(const QString &arn, const QString &name);
    QModelIndex valueIndex(const QString &path) const;
    QString valueAt(const QString &path) const;
    EditState stateAt(const QString &path) const;
    QWidget *openEditor(const QString &path);
    bool edit(const QString &path, const QVariant &value);
    void applyThroughReview();

    QTemporaryDir m_home;
    testsupport::WindowRig m_rig;
    QStringList m_questions;
    bool m_answer = false;
    QString m_chosenPath;
};

void TestEditingUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

void TestEditingUi::init()
{
    QString error;
    m_rig.backend =
        testsupport::WindowRig::demoBackend(&error); // a fresh demo: edits never carry over
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_questions.clear();
    m_answer = false;
    m_rig.window->setDiscardConfirmer([this](const QString &question) {
        m_questions.append(question);
        return m_answer;
    });
    m_rig.window->setPathChooser(
        [this](ui::MainWindow::FilePurpose, const QString &) { return m_chosenPath; });
    m_rig.window->show();
    m_rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
}

void TestEditingUi::cleanup()
{
    m_rig.reset();
}

void TestEditingUi::show(const QString &arn, const QString &name)
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

QModelIndex TestEditingUi::valueIndex(const QString &path) const
{
    return m_rig.model->indexForPath(path).siblingAtColumn(StageTreeModel::ValueColumn);
}

QString TestEditingUi::valueAt(const QString &path) const
{
    return valueIndex(path).data().toString();
}

EditState TestEditingUi::stateAt(const QString &path) const
{
    return static_cast<EditState>(
        m_rig.model->indexForPath(path).data(StageTreeModel::EditStateRole).toInt());
}

QWidget *TestEditingUi::openEditor(const QString &path)
{
    ui::StageTreeView *tree = m_rig.window->treeView();
    const QModelIndex index = valueIndex(path);
    tree->setFocus();
    tree->setCurrentIndex(index);
    tree->edit(index);
    return tree->indexWidget(index);
}

bool TestEditingUi::edit(const QString &path, const QVariant &value)
{
    return m_rig.model->setData(valueIndex(path), value, Qt::EditRole);
}

void TestEditingUi::applyThroughReview()
{
    ui::ReviewDialog *review = m_rig.window->openReview();
    QVERIFY(review);
    QVERIFY(review->applyButton()->isEnabled());
    QTest::mouseClick(review->applyButton(), Qt::LeftButton);
}

void TestEditingUi::editedFieldNamesFitInBold()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(edit(kReconnect, 90));
    const QModelIndex field = valueIndex(kReconnect).siblingAtColumn(StageTreeModel::FieldColumn);
    const QFont font = field.data(Qt::FontRole).value<QFont>();
    QVERIFY(font.bold()); // edited rows are bold
    const int needed = QFontMetrics(font).horizontalAdvance(field.data().toString());
    const QRect cell = m_rig.window->treeView()->visualRect(field);
    // The name is drawn whole: the cell holds it with the item's margins (3 px a side).
    QVERIFY2(cell.width() >= needed + 6,
             qPrintable(QStringLiteral("%1 < %2").arg(cell.width()).arg(needed + 6)));
}

void TestEditingUi::spinBoxEditThroughTheDelegateIsPending()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(!m_rig.window->isWindowModified());
    QVERIFY(!m_rig.window->applyAction()->isEnabled());
    QVERIFY(!m_rig.window->reviewAction()->isEnabled());
    QVERIFY(!m_rig.window->revertAction()->isEnabled());

    auto *spin = qobject_cast<QSpinBox *>(openEditor(kSegment));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 4);
    spin->setValue(8);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueAt(kSegment), QStringLiteral("8"));
    QVERIFY(!m_rig.window->treeView()->indexWidget(valueIndex(kSegment))); // the editor closed

    QCOMPARE(stateAt(kSegment), EditState::Changed);
    QVERIFY(m_rig.document->hasPendingEdits());
    QVERIFY(m_rig.window->windowTitle().contains(QLatin1String("[*]")));
    QVERIFY(m_rig.window->isWindowModified());
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    QVERIFY(m_rig.window->reviewAction()->isEnabled());
    QVERIFY(m_rig.window->revertAction()->isEnabled());
    const auto *pending = m_rig.window->findChild<QLabel *>(QStringLiteral("pendingLabel"));
    QVERIFY(pending && pending->isVisible());
    QCOMPARE(pending->text(), QStringLiteral("1 change not applied"));
}

void TestEditingUi::spinBoxStepsWithinTheRange()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *spin = qobject_cast<QSpinBox *>(openEditor(kSegment));
    QVERIFY(spin);
    // The limits are the service's: 2 to 10 seconds. Typed values outside them are refused by
    // the document (tst_producer_flow); the arrow keys never leave them.
    QVERIFY2(m_rig.window->statusBar()->currentMessage().contains(QLatin1String("from 2 to 10")),
             qPrintable(m_rig.window->statusBar()->currentMessage()));
    spin->setValue(9);
    QTest::keyClick(spin, Qt::Key_Up);
    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(spin->value(), 10);
    QTest::keyClick(spin, Qt::Key_PageDown);
    QCOMPARE(spin->value(), 2);
    QTest::keyClick(spin, Qt::Key_Down);
    QCOMPARE(spin->value(), 2);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueAt(kSegment), QStringLiteral("2"));
}

void TestEditingUi::f2TypingAndDoubleClickOpenTheValueEditor()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    ui::StageTreeView *tree = m_rig.window->treeView();
    const QModelIndex name = m_rig.model->indexForPath(QStringLiteral("name")); // the field column
    tree->setFocus();
    tree->setCurrentIndex(name);
    QTest::keyClick(tree, Qt::Key_F2);
    auto *edit = qobject_cast<QLineEdit *>(tree->indexWidget(valueIndex(QStringLiteral("name"))));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("studio-main"));
    QTest::keyClick(edit, Qt::Key_Escape);
    QTRY_VERIFY(!tree->indexWidget(valueIndex(QStringLiteral("name"))));
    QVERIFY(!m_rig.document->hasPendingEdits());

    // Typing on a row replaces its value.
    tree->setFocus();
    tree->setCurrentIndex(name);
    QTest::keyClicks(tree, QStringLiteral("s"));
    edit = qobject_cast<QLineEdit *>(tree->indexWidget(valueIndex(QStringLiteral("name"))));
    QVERIFY(edit);
    QTest::keyClicks(edit, QStringLiteral("tudio-b"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-b"));

    // A double-click anywhere on the row, too.
    const QRect field = tree->visualRect(m_rig.model->indexForPath(kReconnect));
    QTest::mousePress(tree->viewport(), Qt::LeftButton, {}, field.center());
    QTest::mouseRelease(tree->viewport(), Qt::LeftButton, {}, field.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, field.center());
    QVERIFY(qobject_cast<QSpinBox *>(tree->indexWidget(valueIndex(kReconnect))));

    // Rows that are not settings take no edits.
    tree->setCurrentIndex(m_rig.model->indexForPath(QStringLiteral("arn")));
    QTest::keyClick(tree, Qt::Key_F2);
    QVERIFY(!tree->indexWidget(valueIndex(QStringLiteral("arn"))));
}

void TestEditingUi::badNameIsRefusedWithTheReason()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *edit = qobject_cast<QLineEdit *>(openEditor(QStringLiteral("name")));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("bad name!"));
    // The space and the "!" are refused as they are typed, and the status bar says why.
    QCOMPARE(edit->text(), QStringLiteral("badname"));
    const QString reason = m_rig.window->statusBar()->currentMessage();
    QVERIFY2(reason.contains(QLatin1String("Not accepted")) &&
                 reason.contains(QLatin1String("letters, digits")),
             qPrintable(reason));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("badname"));
}

void TestEditingUi::refusedValueStaysInTheReopenedEditor()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *combo = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(combo);
    QVERIFY(combo->isEditable());
    combo->lineEdit()->selectAll();
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("my-bucket"));
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);

    // The model refuses it; the reason and the typed text are both shown.
    QTRY_VERIFY(!m_rig.window->banner()->text().isEmpty());
    const QString message = m_rig.window->banner()->text();
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(message.contains(QLatin1String("storage configuration ARN")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"my-bucket\" is still in the editor")),
             qPrintable(message));
    QVERIFY(!m_rig.document->hasPendingEdits());
    // The editor is open again with what was typed.
    QTRY_VERIFY(
        qobject_cast<QComboBox *>(m_rig.window->treeView()->indexWidget(valueIndex(kStorage))));
    combo = qobject_cast<QComboBox *>(m_rig.window->treeView()->indexWidget(valueIndex(kStorage)));
    QCOMPARE(combo->currentText(), QStringLiteral("my-bucket"));
    // …and takes a correct ARN from there.
    const QString archive =
        QStringLiteral("arn:aws:ivs:us-west-2:123456789012:storage-configuration/QRst56uvWXyz");
    combo->setEditText(archive);
    QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(valueAt(kStorage), archive);
    QCOMPARE(stateAt(kStorage), EditState::Changed);
    QVERIFY(m_rig.window->banner()->text().isEmpty()); // the complaint went with the mistake
}

void TestEditingUi::editorsMatchTheFieldKinds()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    ui::StageTreeView *tree = m_rig.window->treeView();

    // One of three media types: a plain list, committed as soon as one is picked.
    auto *media = qobject_cast<QComboBox *>(openEditor(kRecording + QStringLiteral("mediaTypes")));
    QVERIFY(media);
    QVERIFY(!media->isEditable());
    QCOMPARE(media->count(), 3);
    QCOMPARE(media->currentText(), QStringLiteral("AUDIO_VIDEO"));
    media->showPopup();
    QTRY_VERIFY(media->view()->isVisible());
    QTest::keyClick(media->view(), Qt::Key_Down);
    QTest::keyClick(media->view(), Qt::Key_Return);
    QTRY_COMPARE(valueAt(kRecording + QStringLiteral("mediaTypes")), QStringLiteral("AUDIO_ONLY"));
    QTRY_VERIFY(!tree->indexWidget(valueIndex(kRecording + QStringLiteral("mediaTypes"))));

    // Thumbnail storage takes one or both: check boxes.
    const QString storage = kRecording + QStringLiteral("thumbnailConfiguration.storage");
    auto *boxes = qobject_cast<ui::ChoiceListEditor *>(openEditor(storage));
    QVERIFY(boxes);
    QCOMPARE(boxes->checked(),
             (QStringList{QStringLiteral("SEQUENTIAL"), QStringLiteral("LATEST")}));
    boxes->box(QStringLiteral("SEQUENTIAL"))->setChecked(false);
    QTest::keyClick(boxes->box(QStringLiteral("LATEST")), Qt::Key_Return);
    QTRY_COMPARE(valueAt(storage), QStringLiteral("LATEST"));

    // On or off.
    const QString replicas = kRecording + QStringLiteral("recordParticipantReplicas");
    auto *flag = qobject_cast<QComboBox *>(openEditor(replicas));
    QVERIFY(flag);
    QCOMPARE(flag->currentText(), QStringLiteral("false"));
    // Stepping with the arrow keys does not commit each step; Enter does.
    flag->setFocus();
    QTest::keyClick(flag, Qt::Key_Up);
    QCOMPARE(flag->currentText(), QStringLiteral("true"));
    QVERIFY(tree->indexWidget(valueIndex(replicas)));
    QCOMPARE(valueAt(replicas), QStringLiteral("false"));
    QTest::keyClick(flag, Qt::Key_Return);
    QTRY_COMPARE(valueAt(replicas), QStringLiteral("true"));

    // The storage picker lists the region's configurations by name, "off" first.
    QTRY_COMPARE(valueIndex(kStorage)
                     .data(StageTreeModel::EditorRole)
                     .value<document::EditorSpec>()
                     .choices.size(),
                 3);
    auto *picker = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(picker);
    QCOMPARE(picker->count(), 3);
    QVERIFY(picker->itemText(0).startsWith(QStringLiteral("(none")));
    QVERIFY(picker->currentText().startsWith(QLatin1String("studio-recordings")));
    picker->setCurrentIndex(picker->findText(QStringLiteral("archive"), Qt::MatchStartsWith));
    QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(valueAt(kStorage).endsWith(QLatin1String("/QRst56uvWXyz")));
    QVERIFY(!tree->indexWidget(valueIndex(kStorage)));
    QCOMPARE(m_rig.document->pendingChanges().changes.size(), 4);
}

void TestEditingUi::tagsAreAddedRenamedAndDeletedThroughTheUi()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(m_rig.window->addTagAction()->isEnabled());

    ui::TagDialog *add = m_rig.window->openAddTag();
    QVERIFY(add);
    QPointer<ui::TagDialog> addGuard(add);
    QVERIFY(!add->okButton()->isEnabled()); // no key yet
    add->keyEdit()->setText(QStringLiteral("aws:owner"));
    add->valueEdit()->setText(QStringLiteral("me"));
    QTest::mouseClick(add->okButton(), Qt::LeftButton);
    // Refused inline, with what was typed still there.
    QVERIFY2(add->errorText().contains(QLatin1String("reserved")), qPrintable(add->errorText()));
    QVERIFY(add->isVisible());
    QCOMPARE(add->valueEdit()->text(), QStringLiteral("me"));
    add->keyEdit()->setText(QStringLiteral("owner"));
    QVERIFY(add->errorText().isEmpty()); // typing clears the old refusal
    QTest::mouseClick(add->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!addGuard);
    QCOMPARE(stateAt(QStringLiteral("tags[\"owner\"]")), EditState::Added);
    QCOMPARE(valueAt(QStringLiteral("tags[\"owner\"]")), QStringLiteral("me"));

    ui::TagDialog *rename = m_rig.window->openRenameTag(QStringLiteral("show"));
    QVERIFY(rename);
    QPointer<ui::TagDialog> renameGuard(rename);
    QCOMPARE(rename->keyEdit()->text(), QStringLiteral("show"));
    QCOMPARE(rename->valueEdit()->text(), QStringLiteral("Morning Live"));
    QVERIFY(rename->valueEdit()->isReadOnly());
    rename->keyEdit()->setText(QStringLiteral("team")); // taken
    QTest::mouseClick(rename->okButton(), Qt::LeftButton);
    QVERIFY2(rename->errorText().contains(QLatin1String("already")),
             qPrintable(rename->errorText()));
    rename->keyEdit()->setText(QStringLiteral("series"));
    QTest::mouseClick(rename->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!renameGuard);
    QCOMPARE(stateAt(QStringLiteral("tags[\"show\"]")), EditState::Removed);
    QCOMPARE(stateAt(QStringLiteral("tags[\"series\"]")), EditState::Added);
    QCOMPARE(valueAt(QStringLiteral("tags[\"series\"]")), QStringLiteral("Morning Live"));

    // Delete: the Delete key on a tag row. (Offscreen, no window manager gives the window its
    // focus back after a dialog.)
    m_rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
    ui::StageTreeView *tree = m_rig.window->treeView();
    tree->setFocus();
    tree->setCurrentIndex(m_rig.model->indexForPath(QStringLiteral("tags[\"team\"]")));
    QCOMPARE(tree->currentTagKey(), QStringLiteral("team"));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(stateAt(QStringLiteral("tags[\"team\"]")), EditState::Removed);
    // …and nowhere else.
    tree->setCurrentIndex(m_rig.model->indexForPath(QStringLiteral("name")));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));

    const auto changes = m_rig.document->pendingChanges();
    QCOMPARE(changes.tagKeysToRemove,
             (QStringList{QStringLiteral("show"), QStringLiteral("team")}));
    QCOMPARE(changes.tagsToSet.keys(),
             (QStringList{QStringLiteral("owner"), QStringLiteral("series")}));
}

void TestEditingUi::undoAndRedoActionsFollowTheEdits()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QAction *undo = m_rig.window->undoAction();
    QAction *redo = m_rig.window->redoAction();
    QVERIFY(!undo->isEnabled());
    QVERIFY(!redo->isEnabled());
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(redo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));

    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("first")));
    QVERIFY(edit(kSegment, 6));
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(QLatin1String("targetSegmentDurationSeconds")),
             qPrintable(undo->text()));

    undo->trigger();
    QCOMPARE(valueAt(kSegment), QStringLiteral("4"));
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("first"));
    QVERIFY(redo->isEnabled());
    undo->trigger();
    QVERIFY(!m_rig.document->hasPendingEdits());
    QVERIFY(!m_rig.window->isWindowModified());
    QVERIFY(!undo->isEnabled());
    QVERIFY(!m_rig.window->applyAction()->isEnabled());

    redo->trigger();
    redo->trigger();
    QCOMPARE(valueAt(kSegment), QStringLiteral("6"));
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("first"));
    QVERIFY(m_rig.window->isWindowModified());
    QVERIFY(!redo->isEnabled());

    // Ctrl+Z from the tree undoes too.
    m_rig.window->treeView()->setFocus();
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(valueAt(kSegment), QStringLiteral("4"));
}

void TestEditingUi::reviewShowsEachChangeAndTheRequests()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(!m_rig.window->openReview()); // nothing to review
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("studio-renamed")));
    QVERIFY(m_rig.document->addTag(QStringLiteral("owner"), QStringLiteral("me")));

    m_rig.window->applyAction()->trigger(); // Apply opens the review first
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QVERIFY(review->isVisible());
    const QString text = review->text();
    QVERIFY2(text.contains(QStringLiteral("name: \"studio-main\" → \"studio-renamed\"")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("POST /UpdateStage {")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("POST /tags/")), qPrintable(text));

    QSignalSpy started(m_rig.editor, &workspace::StageEditor::applyStarted);
    review->reject();
    QVERIFY(drainPostedEvents()); // an apply set off by closing the dialog would have started
    QCOMPARE(started.count(), 0); // Cancel sends nothing
    QVERIFY(m_rig.document->hasPendingEdits());
}

void TestEditingUi::applyOnPodcastRoomShowsTheNewValues()
{
    show(kDefaultsDemoArn, QStringLiteral("podcast-room"));
    // Recording is off: turn it on with the region's configuration, picked by name.
    QTRY_COMPARE(
        valueIndex(kStorage).data(StageTreeModel::EditorRole).value<document::EditorSpec>().choices,
        (QStringList{QString(), kEuStorage}));
    auto *picker = qobject_cast<QComboBox *>(openEditor(kStorage));
    QVERIFY(picker);
    picker->setCurrentIndex(1);
    QVERIFY(picker->currentText().startsWith(QLatin1String("podcasts-eu")));
    QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(valueAt(kStorage), kEuStorage);
    auto *spin = qobject_cast<QSpinBox *>(openEditor(kSegment));
    QVERIFY(spin);
    spin->setValue(9);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(valueAt(kSegment), QStringLiteral("9"));
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("podcast-room-2")));
    QVERIFY(m_rig.document->addTag(QStringLiteral("owner"), QStringLiteral("audio")));

    QSignalSpy finished(m_rig.editor, &workspace::StageEditor::applyFinished);
    applyThroughReview();
    // While it runs, nothing else can change.
    QVERIFY(m_rig.editor->isApplying());
    QVERIFY(!m_rig.window->treeView()->isEditingEnabled());
    m_rig.window->treeView()->setCurrentIndex(valueIndex(QStringLiteral("name")));
    QTest::keyClick(m_rig.window->treeView(), Qt::Key_F2);
    QVERIFY(!m_rig.window->treeView()->indexWidget(valueIndex(QStringLiteral("name"))));
    QVERIFY(!m_rig.window->arnInput()->isEnabled());
    QVERIFY(!m_rig.window->undoAction()->isEnabled());
    QVERIFY(!m_rig.window->openAddTag());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    // The tree is the service's again, with the new values and nothing pending.
    QVERIFY(!m_rig.document->hasPendingEdits());
    QVERIFY(!m_rig.window->isWindowModified());
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("podcast-room-2"));
    QCOMPARE(valueAt(kStorage), kEuStorage);
    QCOMPARE(valueAt(kSegment), QStringLiteral("9"));
    QCOMPARE(valueAt(QStringLiteral("tags[\"owner\"]")), QStringLiteral("audio"));
    QCOMPARE(stateAt(QStringLiteral("name")), EditState::Unchanged);
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Notice);
    QVERIFY2(m_rig.window->banner()->text().startsWith(
                 QLatin1String("Applied: UpdateStage, TagResource")),
             qPrintable(m_rig.window->banner()->text()));
    QVERIFY(m_rig.window->windowTitle().startsWith(QLatin1String("podcast-room-2")));
    QVERIFY(m_rig.window->treeView()->isEditingEnabled());
    QVERIFY(m_rig.window->arnInput()->isEnabled());
    QVERIFY(!m_rig.window->applyAction()->isEnabled());

    // A new edit makes "Applied: …" old news: the banner does not stay up beside pending edits.
    QVERIFY(!m_rig.window->banner()->isHidden());
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("podcast-room-3")));
    QVERIFY(m_rig.document->hasPendingEdits());
    QVERIFY2(m_rig.window->banner()->isHidden(), qPrintable(m_rig.window->banner()->text()));
}

void TestEditingUi::conflictOnStudioMainIsExplainedAndEditsKept()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(edit(kReconnect, 90));
    QSignalSpy finished(m_rig.editor, &workspace::StageEditor::applyFinished);
    applyThroughReview();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!finished.at(0).at(0).toBool());

    const QString message = m_rig.window->banner()->text();
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(message.contains(QLatin1String("UpdateStage failed")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("while a participant is being recorded")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("still pending")), qPrintable(message));
    QVERIFY(m_rig.document->hasPendingEdits());
    QCOMPARE(valueAt(kReconnect), QStringLiteral("90"));
    QVERIFY(m_rig.window->isWindowModified());
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    QVERIFY(m_rig.window->treeView()->isEditingEnabled());
}

void TestEditingUi::lookupWithPendingEditsAsksFirst()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("studio-renamed")));
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);

    QLineEdit *input = m_rig.window->arnInput()->lineEdit();
    input->setText(kDefaultsDemoArn);
    m_answer = false; // Cancel
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(m_questions.size(), 1);
    QCOMPARE(
        m_questions.at(0),
        QStringLiteral("Look up another stage and discard 1 unapplied change to studio-main?"));
    QVERIFY(drainPostedEvents()); // a lookup queued by the refused Enter would have started
    QCOMPARE(started.count(), 0);
    QCOMPARE(input->text(), kDefaultsDemoArn);
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-renamed"));
    QVERIFY(m_rig.document->hasPendingEdits());

    m_answer = true; // Discard
    QSignalSpy shown(m_rig.browser, &workspace::StageBrowser::stageShown);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(m_questions.size(), 2);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("podcast-room"));
    QVERIFY(!m_rig.document->hasPendingEdits());
    QVERIFY(!m_rig.window->isWindowModified());

    // Without pending edits nothing is asked.
    input->setText(kFullyConfiguredDemoArn);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));
    QCOMPARE(m_questions.size(), 2);
}

void TestEditingUi::connectionSwitchReloadAndCloseAskFirst()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(edit(kSegment, 6));
    QSignalSpy started(m_rig.browser, &workspace::StageBrowser::lookupStarted);
    m_answer = false;

    QComboBox *profile = m_rig.window->connectionBar()->profileCombo();
    const int demo = profile->currentIndex();
    QVERIFY(profile->count() >= 2);
    const int other = demo == 0 ? 1 : 0;
    profile->setCurrentIndex(other);
    emit profile->activated(other);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.last().startsWith(QLatin1String("Switch the connection")),
             qPrintable(m_questions.last()));
    QVERIFY(m_rig.profiles->isDemo());
    QCOMPARE(profile->currentIndex(), demo); // the list shows what is in use

    m_rig.window->reloadAction()->trigger();
    QCOMPARE(m_questions.size(), 2);
    QVERIFY(m_questions.last().startsWith(QLatin1String("Reload the stage")));

    QVERIFY(!m_rig.window->close());
    QCOMPARE(m_questions.size(), 3);
    QVERIFY(m_questions.last().startsWith(QLatin1String("Close the window")));
    QVERIFY(m_rig.window->isVisible());

    QVERIFY(!m_rig.window->revertEdits());
    QCOMPARE(m_questions.size(), 4);
    QVERIFY(drainPostedEvents()); // a lookup queued by a refused action would have started
    QCOMPARE(started.count(), 0);
    QCOMPARE(valueAt(kSegment), QStringLiteral("6"));

    m_answer = true;
    QVERIFY(m_rig.window->revertEdits());
    QVERIFY(!m_rig.document->hasPendingEdits());
    QCOMPARE(valueAt(kSegment), QStringLiteral("4"));
    m_rig.window->reloadAction()->trigger(); // nothing pending: no question, straight to the lookup
    QCOMPARE(m_questions.size(), 5);
    QCOMPARE(started.count(), 1);
}

void TestEditingUi::openEditorCountsBeforeClosingAndReviewing()
{
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    auto *spin = qobject_cast<QSpinBox *>(openEditor(kSegment));
    QVERIFY(spin);
    spin->setValue(7); // typed, not yet committed
    QVERIFY(!m_rig.document->hasPendingEdits());
    m_answer = false;
    QVERIFY(!m_rig.window->close());
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.at(0).startsWith(QLatin1String("Close the window and discard 1")),
             qPrintable(m_questions.at(0)));
    QCOMPARE(valueAt(kSegment), QStringLiteral("7"));
    QVERIFY(m_rig.window->isVisible());

    // Ctrl+S from an open editor reviews what it holds as well.
    spin = qobject_cast<QSpinBox *>(openEditor(kReconnect));
    QVERIFY(spin);
    spin->setValue(45);
    QTest::keyClick(spin, Qt::Key_S, Qt::ControlModifier);
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QVERIFY2(review->text().contains(QStringLiteral("recordingReconnectWindowSeconds: 60 → 45")),
             qPrintable(review->text()));
    review->reject();
}

void TestEditingUi::exportThenApplyFromFileRoundTrip()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));
    QVERIFY(edit(QStringLiteral("name"), QStringLiteral("studio-copy")));
    QVERIFY(edit(kSegment, 7));

    m_chosenPath = directory.filePath(QStringLiteral("studio.json"));
    QVERIFY(m_rig.window->exportStage());
    QFile file(m_chosenPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("\"studio-copy\""));
    QVERIFY(written.contains("\"targetSegmentDurationSeconds\": 7"));
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files),
             QStringList{QStringLiteral("studio.json")});

    m_answer = true;
    QVERIFY(m_rig.window->revertEdits());
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-main"));

    QVERIFY(m_rig.window->applyFromFile());
    QCOMPARE(valueAt(QStringLiteral("name")), QStringLiteral("studio-copy"));
    QCOMPARE(valueAt(kSegment), QStringLiteral("7"));
    QCOMPARE(m_rig.document->pendingChanges().changes.size(), 2);
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Notice);
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("2 changes pending")),
             qPrintable(m_rig.window->banner()->text()));
    // The review opens, ready to apply; one undo step takes the whole file back.
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review && review->isVisible());
    QVERIFY(review->text().contains(QStringLiteral("\"studio-main\" → \"studio-copy\"")));
    review->reject();
    m_rig.window->undoAction()->trigger();
    QVERIFY(!m_rig.document->hasPendingEdits());
}

void TestEditingUi::fileErrorsAreShownAndChangeNothing()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    show(kFullyConfiguredDemoArn, QStringLiteral("studio-main"));

    // Export into a folder that does not exist: an error, and no file anywhere.
    m_chosenPath = directory.filePath(QStringLiteral("missing/studio.json"));
    QVERIFY(!m_rig.window->exportStage());
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("Nothing was written")),
             qPrintable(m_rig.window->banner()->text()));
    QVERIFY(!QFile::exists(m_chosenPath));

    // A file that is not a stage export.
    m_chosenPath = directory.filePath(QStringLiteral("notes.json"));
    QFile notes(m_chosenPath);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("{ \"name\": ");
    notes.close();
    QVERIFY(!m_rig.window->applyFromFile());
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(
        m_rig.window->banner()->text().contains(QLatin1String("was not applied; nothing changed")),
        qPrintable(m_rig.window->banner()->text()));
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("not JSON")),
             qPrintable(m_rig.window->banner()->text()));
    QVERIFY(!m_rig.document->hasPendingEdits());

    // A file that is not there.
    m_chosenPath = directory.filePath(QStringLiteral("gone.json"));
    QVERIFY(!m_rig.window->applyFromFile());
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("gone.json")),
             qPrintable(m_rig.window->banner()->text()));

    // A FIFO with no writer is refused at once, not waited on (the window would freeze); so is
    // a file of more than 1 MiB.
    m_chosenPath = directory.filePath(QStringLiteral("fifo.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(m_chosenPath).constData(), 0600), 0);
    QVERIFY(!m_rig.window->applyFromFile());
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("not a regular file")),
             qPrintable(m_rig.window->banner()->text()));
    m_chosenPath = directory.filePath(QStringLiteral("huge.json"));
    QFile huge(m_chosenPath);
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.write(QByteArray(1024 * 1024 + 1, ' ')) == 1024 * 1024 + 1);
    huge.close();
    QVERIFY(!m_rig.window->applyFromFile());
    QVERIFY2(m_rig.window->banner()->text().contains(QLatin1String("more than 1 MiB")),
             qPrintable(m_rig.window->banner()->text()));
    QVERIFY(!m_rig.document->hasPendingEdits());

    // Cancelling the file dialog does nothing at all.
    m_chosenPath.clear();
    m_rig.window->banner()->hide();
    QVERIFY(!m_rig.window->applyFromFile());
    QVERIFY(m_rig.window->banner()->text().isEmpty());
}

QTEST_MAIN(TestEditingUi)
#include "tst_editing_ui.moc"
