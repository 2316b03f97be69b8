// The Recordings window on the demo: opened from the Sessions panel, a row per participant,
// thumbnails drawn from real JPEGs (and cached on disk), the outcome checks, and a download with
// its progress.
#include "model/recordings_model.h"
#include "support/demo_stage_fixtures.h"
#include "support/window_rig.h"
#include "ui/recordings_window.h"
#include "ui/sessions_panel.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

const QString kYesterday = QStringLiteral("st-Old2Session0002");

int rowOf(const QAbstractItemModel &model, const QString &user)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == user)
            return row;
    }
    return -1;
}

} // namespace

class TestRecordingsWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_rig.reset(); }
    void theSessionsPanelOpensTheSelectedSessionsRecordings();
    void aParticipantShowsItsDetailsAndThumbnails();
    void theOutcomeChecksAreListed();
    void aDownloadShowsProgressAndEndsVerified();

private:
    ui::RecordingsWindow *openRecordings(const QString &sessionId);

    QTemporaryDir m_home;
    WindowRig m_rig;
};

void TestRecordingsWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral(".cache")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
}

ui::RecordingsWindow *TestRecordingsWindow::openRecordings(const QString &sessionId)
{
    QString error;
    workspace::BackendOptions options;
    options.forceDemo = true;
    m_rig.backend = workspace::Backend::create(options, &error);
    if (!m_rig.backend)
        return nullptr;
    m_rig.assemble();
    auto *window =
        new ui::RecordingsWindow(*m_rig.workspace, *ivs::StageArn::parse(kFullyConfiguredDemoArn),
                                 sessionId, m_rig.window.get());
    window->show();
    return window;
}

void TestRecordingsWindow::theSessionsPanelOpensTheSelectedSessionsRecordings()
{
    QString error;
    workspace::BackendOptions options;
    options.forceDemo = true;
    m_rig.backend = workspace::Backend::create(options, &error);
    QVERIFY2(m_rig.backend, qPrintable(error));
    m_rig.assemble();
    m_rig.window->show();
    ui::SessionsPanel *panel = m_rig.window->sessionsPanel();
    QVERIFY(!panel->recordingsButton()->isEnabled()); // no stage, no session
    m_rig.browser->lookUp(kFullyConfiguredDemoArn);
    QTRY_COMPARE(panel->sessionsView()->model()->rowCount(), 3);
    QTRY_VERIFY(panel->recordingsButton()->isEnabled());
    panel->recordingsButton()->click();
    ui::RecordingsWindow *window = m_rig.window->findChild<ui::RecordingsWindow *>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    // The session in progress, with each of its four participants.
    QTRY_COMPARE(window->recordingsView()->model()->rowCount(), 4);
    QCOMPARE(window->report().sessionId, QStringLiteral("st-a1b2C3d4E5f6G7h"));
    QVERIFY2(window->statusLabel()->text().contains(QLatin1String("in progress")),
             qPrintable(window->statusLabel()->text()));
    const QAbstractItemModel &model = *window->recordingsView()->model();
    const int host = rowOf(model, QStringLiteral("host-anna"));
    QVERIFY(host >= 0);
    QCOMPARE(model.index(host, model::RecordingsModel::OutcomeColumn).data().toString(),
             QStringLiteral("Recording"));
}

void TestRecordingsWindow::aParticipantShowsItsDetailsAndThumbnails()
{
    ui::RecordingsWindow *window = openRecordings(kYesterday);
    QVERIFY(window);
    QTRY_COMPARE(window->recordingsView()->model()->rowCount(), 3);
    // The first participant with files is selected: host-anna, ended, with 12 thumbnails.
    QTRY_VERIFY(window->detailsLabel()->text().startsWith(QLatin1String("host-anna: Recorded")));
    QVERIFY2(
        window->detailsLabel()->text().contains(QStringLiteral("high: 1280×720, 350 segments")),
        qPrintable(window->detailsLabel()->text()));
    QListWidget *strip = window->filmstrip();
    QCOMPARE(strip->count(), 12);
    QCOMPARE(strip->item(0)->text(), QStringLiteral("0.jpg"));
    QCOMPARE(strip->item(11)->text(), QStringLiteral("11.jpg"));
    // The visible ones are fetched and drawn: a decoded JPEG, not the blank placeholder.
    auto drawn = [strip](int row) {
        const QImage image = strip->item(row)->icon().pixmap(160, 90).toImage();
        return image.pixelColor(5, 5) != image.pixelColor(150, 80) ||
               image.pixelColor(5, 5) != strip->palette().color(QPalette::Mid);
    };
    QTRY_VERIFY(drawn(0));
    // And cached: the files are in the cache folder, named by hash.
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                          QStringLiteral("/thumbnails");
    QTRY_VERIFY(!QDir(cache).entryList({QStringLiteral("*.jpg")}, QDir::Files).isEmpty());

    // Another participant: guest-cara's prefix is empty, so no strip and no download.
    const int cara = rowOf(*window->recordingsView()->model(), QStringLiteral("guest-cara"));
    window->recordingsView()->setCurrentIndex(window->recordingsView()->model()->index(cara, 0));
    QVERIFY(window->detailsLabel()->text().contains(QLatin1String("nothing is under the prefix")));
    QVERIFY(!strip->isVisible());
    QVERIFY(!window->downloadButton()->isEnabled());
}

void TestRecordingsWindow::theOutcomeChecksAreListed()
{
    ui::RecordingsWindow *window = openRecordings(kYesterday);
    QVERIFY(window);
    QTRY_COMPARE(window->findingsList()->count(), 2);
    QVERIFY(window->findingsList()->item(0)->text().startsWith(
        QLatin1String("guest-cara was recorded (STOPPED), but nothing is in S3")));
    QVERIFY(window->findingsList()->item(1)->text().startsWith(
        QLatin1String("recording-failed.json for guest-dan says")));
}

void TestRecordingsWindow::aDownloadShowsProgressAndEndsVerified()
{
    ui::RecordingsWindow *window = openRecordings(kYesterday);
    QVERIFY(window);
    QTRY_VERIFY(window->downloadButton()->isEnabled());
    QTemporaryDir folder;
    window->hlsOnlyBox()->setChecked(true);
    window->downloadInto(folder.path());
    QVERIFY(window->progressBar()->isVisible());
    QVERIFY(window->cancelButton()->isVisible());
    QVERIFY(!window->downloadButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(window->statusLabel()->text().startsWith(QLatin1String("Downloaded")),
                             30000);
    QVERIFY2(window->statusLabel()->text().contains(QLatin1String("Downloaded 703 file")),
             qPrintable(window->statusLabel()->text()));
    QCOMPARE(window->progressBar()->value(), window->progressBar()->maximum());
    QVERIFY(!window->cancelButton()->isVisible());
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("media/hls/high/349.ts"))));
    QVERIFY(!QFile::exists(folder.filePath(QStringLiteral("events/recording-ended.json"))));
}

QTEST_MAIN(TestRecordingsWindow)
#include "tst_recordings_window.moc"
