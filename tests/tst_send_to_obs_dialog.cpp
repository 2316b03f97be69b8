#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_stages.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "support/demo_stage_fixtures.h"
#include "support/fake_obs.h"
#include "support/window_rig.h"
#include "ui/arn_input.h"
#include "ui/obs_send_box.h"
#include "ui/publish_dialog.h"
#include "ui/rtmp_publish_tab.h"
#include "ui/stage_tree_view.h"
#include "ui/whip_publish_tab.h"
#include "workspace/publish_controller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace testsupport;
using ui::PublishDialog;

namespace {

const QString kWhip = QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net");

workspace::PublishTarget studioTarget()
{
    QString error;
    const auto stage = ivs::Stage::fromJson(demo::sampleStages().at(0), &error);
    document::StageDocument document;
    document.setStage(*stage);
    return workspace::publishTargetOf(document);
}

} // namespace

// Send to OBS in the publish dialog, and the hand-off from an ARN on the clipboard to OBS
// configured in three actions: Ctrl+V, Ctrl+Shift+O, Enter. OBS is a fake on 127.0.0.1.
class TestSendToObsDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendToObsCreatesTheTokenAndSetsObs();
    void enterPressesSendToObsOrCreateToken();
    void streamingObsAsksBeforeGoingAhead();
    void failuresAreSaidInTheObsBox();
    void rtmpKeyIsSentAsCustomRtmp();
    void copyButtonsSayCopiedForAWhile();
    void closingForgetsTheTypedPassword();
    void handOffFromClipboardTakesThreeActions();
    void whipRowOpensThePublishDialog();

private:
    QTemporaryDir m_home;
    demo::DemoEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    std::unique_ptr<aws::StaticCredentialProvider> m_credentials;
    std::unique_ptr<ivs::IvsClient> m_client;
    std::unique_ptr<workspace::PublishController> m_controller;
    std::unique_ptr<PublishDialog> m_dialog;
    FakeObs m_obs;
};

void TestSendToObsDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(QSettings().fileName().startsWith(m_home.path()));
    QVERIFY(m_endpoint.start());
    QVERIFY(m_obs.listen());
    // Where the dialog finds OBS, as a user who typed it once.
    QSettings().setValue(QStringLiteral("obs/url"), m_obs.url());
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_credentials = std::make_unique<aws::StaticCredentialProvider>(
        demo::DemoEndpoint::credentials(), QStringLiteral("demo"));
    aws::EndpointConfig config;
    config.overrideUrl = m_endpoint.url();
    m_client = std::make_unique<ivs::IvsClient>(&m_network, m_credentials.get(), config);
}

void TestSendToObsDialog::init()
{
    m_obs.setStreaming(false);
    m_obs.refuseSet(0, {});
    m_obs.setPassword({});
    QSettings().setValue(QStringLiteral("obs/wanted"), true);
    m_controller = std::make_unique<workspace::PublishController>(*m_client);
    m_controller->setStage(studioTarget());
    m_dialog = std::make_unique<PublishDialog>(*m_controller);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSendToObsDialog::cleanup()
{
    m_dialog.reset();
    m_controller.reset();
}

void TestSendToObsDialog::sendToObsCreatesTheTokenAndSetsObs()
{
    ui::WhipPublishTab *whip = m_dialog->whipTab();
    QCOMPARE(m_dialog->obsBox()->urlEdit()->text(), m_obs.url());
    QVERIFY(whip->sendToObsButton()->isVisible());
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_dialog->obsBox()->statusLabel()->text().contains(QLatin1String("now streams to")), 15000);
    QCOMPARE(m_obs.serviceType(), QStringLiteral("whip_custom"));
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("server")).toString(), kWhip);
    // The token OBS holds is the one the dialog shows, masked.
    QVERIFY(!whip->tokenEdit()->text().isEmpty());
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("bearer_token")).toString(),
             whip->tokenEdit()->text());
    QCOMPARE(whip->tokenEdit()->echoMode(), QLineEdit::Password);
    QCOMPARE(whip->serverEdit()->text(), kWhip);
    QVERIFY(!m_dialog->obsBox()->statusLabel()->text().contains(whip->tokenEdit()->text()));
    QVERIFY(whip->sendToObsButton()->isEnabled());
}

void TestSendToObsDialog::enterPressesSendToObsOrCreateToken()
{
    ui::WhipPublishTab *whip = m_dialog->whipTab();
    QVERIFY(whip->sendToObsButton()->isDefault());
    QVERIFY(!whip->createTokenButton()->isDefault());
    const QStringList before = m_obs.requestTypes();
    QTest::keyClick(whip->userIdEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_dialog->obsBox()->statusLabel()->text().contains(QLatin1String("now streams to")), 15000);
    QCOMPARE(m_obs.requestTypes().size(), before.size() + 3);

    // OBS not wanted: Enter creates a token and leaves OBS alone; the choice is remembered.
    m_dialog->obsBox()->setChecked(false);
    QVERIFY(whip->createTokenButton()->isDefault());
    QVERIFY(!whip->sendToObsButton()->isVisible());
    const QString previous = whip->tokenEdit()->text();
    QTest::keyClick(whip->userIdEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        !whip->tokenEdit()->text().isEmpty() && whip->tokenEdit()->text() != previous, 15000);
    QCOMPARE(m_obs.requestTypes().size(), before.size() + 3);
    QCOMPARE(QSettings().value(QStringLiteral("obs/wanted")).toBool(), false);
}

void TestSendToObsDialog::streamingObsAsksBeforeGoingAhead()
{
    m_obs.setStreaming(true);
    int asked = 0;
    bool answer = false;
    m_dialog->obsBox()->setStreamingConfirmation([&](QWidget *) {
        ++asked;
        return answer;
    });
    ui::WhipPublishTab *whip = m_dialog->whipTab();
    const qsizetype sets = m_obs.requestTypes().count(QStringLiteral("SetStreamServiceSettings"));
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 15000);
    QVERIFY(m_dialog->obsBox()->statusLabel()->text().contains(QLatin1String("is streaming")));
    // Declined: OBS was only asked whether it streams, and no token was created.
    QCOMPARE(m_obs.requestTypes().constLast(), QStringLiteral("GetStreamStatus"));
    QCOMPARE(m_obs.requestTypes().count(QStringLiteral("SetStreamServiceSettings")), sets);
    QVERIFY(whip->tokenEdit()->text().isEmpty());

    answer = true;
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_dialog->obsBox()->statusLabel()->text().contains(QLatin1String("now streams to")), 15000);
    QCOMPARE(asked, 2);
    QCOMPARE(m_obs.requestTypes().count(QStringLiteral("SetStreamServiceSettings")), sets + 1);
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("bearer_token")).toString(),
             whip->tokenEdit()->text());
}

void TestSendToObsDialog::failuresAreSaidInTheObsBox()
{
    ui::WhipPublishTab *whip = m_dialog->whipTab();
    QLabel *status = m_dialog->obsBox()->statusLabel();

    m_dialog->obsBox()->urlEdit()->setText(QStringLiteral("ws://192.168.7.7:4455"));
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QVERIFY2(status->text().contains(QLatin1String("ws:// is accepted only for OBS on this "
                                                   "computer")),
             qPrintable(status->text()));
    QVERIFY(whip->tokenEdit()->text().isEmpty());

    m_dialog->obsBox()->urlEdit()->setText(m_obs.url());
    m_obs.setPassword(QStringLiteral("right"));
    m_dialog->obsBox()->passwordEdit()->setText(QStringLiteral("wrong"));
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("refused the password")), 15000);
    QVERIFY(!status->text().contains(QLatin1String("wrong")));
    QVERIFY(whip->tokenEdit()->text().isEmpty());
    QVERIFY(whip->sendToObsButton()->isEnabled());

    m_obs.setPassword({});
    m_obs.refuseSet(500, QStringLiteral("Output running."));
    QTest::mouseClick(whip->sendToObsButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().contains(
            QLatin1String("OBS refused SetStreamServiceSettings with code 500: Output running.")),
        15000);
}

void TestSendToObsDialog::rtmpKeyIsSentAsCustomRtmp()
{
    m_dialog->tabs()->setCurrentIndex(PublishDialog::RtmpTab);
    ui::RtmpPublishTab *rtmp = m_dialog->rtmpTab();
    QTRY_COMPARE_WITH_TIMEOUT(rtmp->ingestList()->topLevelItemCount(), 2, 15000);
    QVERIFY(!rtmp->sendToObsButton()->isEnabled());
    rtmp->ingestList()->setCurrentItem(rtmp->ingestList()->topLevelItem(0));
    QTRY_VERIFY_WITH_TIMEOUT(!rtmp->streamKeyEdit()->text().isEmpty(), 15000);
    QVERIFY(rtmp->sendToObsButton()->isEnabled());
    QTest::mouseClick(rtmp->sendToObsButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_dialog->obsBox()->statusLabel()->text().contains(QLatin1String("over RTMP(S)")), 15000);
    QCOMPARE(m_obs.serviceType(), QStringLiteral("rtmp_custom"));
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("server")).toString(),
             rtmp->serverEdit()->text());
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("key")).toString(),
             rtmp->streamKeyEdit()->text());
}

void TestSendToObsDialog::copyButtonsSayCopiedForAWhile()
{
    ui::WhipPublishTab *whip = m_dialog->whipTab();
    m_dialog->obsBox()->setChecked(false);
    QTest::mouseClick(whip->createTokenButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!whip->tokenEdit()->text().isEmpty(), 15000);
    QCOMPARE(whip->copyServerButton()->text(), QStringLiteral("Copy S&erver"));
    QCOMPARE(whip->copyTokenButton()->text(), QStringLiteral("Copy &Token"));
    QCOMPARE(whip->copyBothButton()->text(), QStringLiteral("Copy &Both"));

    // Alt+T, the mnemonic, copies the token.
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    QApplication::clipboard()->clear();
    QTest::keyClick(m_dialog.get(), Qt::Key_T, Qt::AltModifier);
    // A mnemonic presses its button as a click shown on screen: a moment later.
    QTRY_COMPARE(QApplication::clipboard()->text(), whip->tokenEdit()->text());
    QCOMPARE(whip->copyTokenButton()->text(), QStringLiteral("Copied ✓"));
    QCOMPARE(whip->copyServerButton()->text(), QStringLiteral("Copy S&erver"));
    QTRY_COMPARE_WITH_TIMEOUT(whip->copyTokenButton()->text(), QStringLiteral("Copy &Token"),
                              10000);
    // The token field stays masked all along.
    QCOMPARE(whip->tokenEdit()->echoMode(), QLineEdit::Password);
}

void TestSendToObsDialog::closingForgetsTheTypedPassword()
{
    m_dialog->obsBox()->passwordEdit()->setText(QStringLiteral("typed"));
    QCOMPARE(m_dialog->obsBox()->passwordEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(m_dialog->close());
    QCOMPARE(m_dialog->obsBox()->passwordEdit()->text(), QString());
    // Nothing of it in the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("typed"));
}

void TestSendToObsDialog::handOffFromClipboardTakesThreeActions()
{
    WindowRig rig;
    QString error;
    rig.backend = WindowRig::demoBackend(&error);
    QVERIFY2(rig.backend, qPrintable(error));
    rig.assemble();
    rig.window->show();
    rig.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
    rig.window->treeView()->setFocus();
    QApplication::clipboard()->setText(kFullyConfiguredDemoArn);
    const QStringList before = m_obs.requestTypes();

    // 1: Ctrl+V outside a text field looks the ARN up.
    QTest::keyClick(rig.window.get(), Qt::Key_V, Qt::ControlModifier);
    // 2: Ctrl+Shift+O, at once: the publish dialog opens as soon as the stage is shown.
    QTest::keyClick(rig.window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    PublishDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = rig.window->findChild<PublishDialog *>()) && dialog->isVisible(), 15000);
    QCOMPARE(rig.document->arn(), kFullyConfiguredDemoArn);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QCOMPARE(QApplication::focusWidget(), dialog->whipTab()->userIdEdit());
    // 3: Enter presses Send to OBS.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->obsBox()->statusLabel()->text().contains(QLatin1String("now streams to")), 15000);
    QCOMPARE(m_obs.requestTypes().size(), before.size() + 3);
    QCOMPARE(m_obs.serviceType(), QStringLiteral("whip_custom"));
    QCOMPARE(m_obs.serviceSettings().value(QStringLiteral("server")).toString(),
             dialog->whipTab()->serverEdit()->text());
    QVERIFY(!dialog->whipTab()->serverEdit()->text().isEmpty());
    dialog->close();
}

void TestSendToObsDialog::whipRowOpensThePublishDialog()
{
    WindowRig rig;
    QString error;
    rig.backend = WindowRig::demoBackend(&error);
    QVERIFY2(rig.backend, qPrintable(error));
    rig.assemble();
    rig.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
    QSignalSpy shown(rig.browser, &workspace::StageBrowser::stageShown);
    rig.browser->lookUp(kFullyConfiguredDemoArn);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
    auto *publish =
        rig.window->treeView()->findChild<QToolButton *>(QStringLiteral("publish-whip"));
    QVERIFY(publish);
    QTest::mouseClick(publish, Qt::LeftButton);
    auto *dialog = rig.window->findChild<PublishDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->tabs()->currentIndex(), int(PublishDialog::WhipTab));
    dialog->close();
}

QTEST_MAIN(TestSendToObsDialog)
#include "tst_send_to_obs_dialog.moc"
