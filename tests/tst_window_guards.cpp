// The window's guards at its edges: Ctrl+S from the first editor opened reviews what it holds,
// and File › Export refuses a link or a FIFO at the chosen name as the command line does.

#include "document/stage_document.h"
#include "model/stage_tree_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/main_window.h"
#include "ui/message_banner.h"
#include "ui/review_dialog.h"
#include "ui/stage_tree_view.h"
#include "workspace/stage_browser.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace testsupport;

namespace {

const QString kReconnect =
    QStringLiteral("autoParticipantRecordingConfiguration.recordingReconnectWindowSeconds");

} // namespace

class TestWindowGuards : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ctrlSFromTheFirstOpenEditorReviewsIt();
    void exportRefusesALinkAndAFifo();

private:
    QModelIndex valueIndex(const QString &path) const
    {
        return m_rig.model->indexForPath(path).siblingAtColumn(model::StageTreeModel::ValueColumn);
    }
    void show(const QString &arn);

    WindowRig m_rig;
    QString m_chosenPath;
};

void TestWindowGuards::init()
{
    QString error;
    m_rig.backend = WindowRig::demoBackend(&error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->setPathChooser(
        [this](ui::MainWindow::FilePurpose, const QString &) { return m_chosenPath; });
    m_rig.window->show();
    m_rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_rig.window.get()));
}

void TestWindowGuards::cleanup()
{
    m_rig.reset();
}

void TestWindowGuards::show(const QString &arn)
{
    QSignalSpy shown(m_rig.browser, &workspace::StageBrowser::stageShown);
    QLineEdit *input = m_rig.window->arnInput()->lineEdit();
    input->setText(arn);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(shown.count(), 1);
    QVERIFY(waitUntilIdle(m_rig.workspace->client()));
}

void TestWindowGuards::ctrlSFromTheFirstOpenEditorReviewsIt()
{
    show(kFullyConfiguredDemoArn);
    QVERIFY(!m_rig.document->hasPendingEdits());
    QVERIFY(!m_rig.window->applyAction()->isEnabled());

    ui::StageTreeView *tree = m_rig.window->treeView();
    const QModelIndex index = valueIndex(kReconnect);
    QVERIFY(index.isValid());
    tree->setFocus();
    tree->setCurrentIndex(index);
    tree->edit(index);
    auto *spin = qobject_cast<QSpinBox *>(tree->indexWidget(index));
    QVERIFY(spin);
    // Nothing is pending yet, but the editor holds what may become the first edit.
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    spin->setValue(45);
    QTest::keyClick(spin, Qt::Key_S, Qt::ControlModifier);
    auto *review = m_rig.window->findChild<ui::ReviewDialog *>();
    QVERIFY(review);
    QVERIFY2(review->text().contains(QStringLiteral("recordingReconnectWindowSeconds: 60 → 45")),
             qPrintable(review->text()));
    review->reject();
    QVERIFY(m_rig.document->hasPendingEdits());

    // Escape from an editor that changed nothing leaves Apply as it was: off.
    m_rig.document->revertEdits();
    tree->edit(index);
    QVERIFY(m_rig.window->applyAction()->isEnabled());
    spin = qobject_cast<QSpinBox *>(tree->indexWidget(index));
    QVERIFY(spin);
    QTest::keyClick(spin, Qt::Key_Escape);
    QVERIFY(!m_rig.window->applyAction()->isEnabled());
}

void TestWindowGuards::exportRefusesALinkAndAFifo()
{
    show(kFullyConfiguredDemoArn);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("precious.txt"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me\n");
    }
    const QString link = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(QFile::link(target, link));

    m_chosenPath = link;
    QVERIFY(!m_rig.window->exportStage());
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QVERIFY2(m_rig.window->banner()->text().contains(QStringLiteral("symbolic link")),
             qPrintable(m_rig.window->banner()->text()));
    QVERIFY(m_rig.window->banner()->text().contains(QStringLiteral("Nothing was written.")));
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me\n"));
    QVERIFY(QFileInfo(link).isSymLink());

    const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    m_chosenPath = fifo;
    QVERIFY(!m_rig.window->exportStage());
    QCOMPARE(m_rig.window->banner()->kind(), ui::MessageBanner::Kind::Error);
    QFileInfo still(fifo);
    QVERIFY(!still.isFile()); // still the FIFO, not replaced by a regular file

    // A plain name is written, whole.
    m_chosenPath = dir.filePath(QStringLiteral("plain.json"));
    QVERIFY(m_rig.window->exportStage());
    QFile written(m_chosenPath);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("studio-main"));
}

QTEST_MAIN(TestWindowGuards)
#include "tst_window_guards.moc"
