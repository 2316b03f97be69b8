#include "aws/environment_credential_provider.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_stages.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage.h"
#include "model/stage_tree_model.h"
#include "model/text_colors.h"
#include "support/demo_stage_fixtures.h"
#include "support/idle.h"
#include "ui/publish_dialog.h"
#include "ui/rtmp_publish_tab.h"
#include "ui/whip_publish_tab.h"
#include "workspace/publish_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace testsupport;
using ui::PublishDialog;
using ui::RtmpPublishTab;

namespace {

const QString kWhip = QStringLiteral("https://f99084460c35.global-bm.whip.live-video.net");
const QString kRtmp =
    QStringLiteral("rtmp://f99084460c35.global-contribute.live-video.net:1935/app/");

workspace::PublishTarget demoTarget(int index)
{
    QString error;
    const auto stage = ivs::Stage::fromJson(demo::sampleStages().at(index), &error);
    document::StageDocument model;
    model.setStage(*stage);
    return workspace::publishTargetOf(model);
}

workspace::PublishTarget studioTarget()
{
    return demoTarget(0);
}

} // namespace

// The "Publish to this stage" dialog on the demo endpoint, offscreen, driven as a user would.
class TestPublishDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tokenIsMaskedUntilRevealed();
    void copyButtonsPutTheSecretOnTheClipboard();
    void closingClearsTheSecrets();
    void lifetimeIsHeldToTheServiceLimits();
    void refusedFormIsExplainedAndNothingShown();
    void savingUsesTheChosenPathAndSuggestsServiceJson();
    void rtmpTabListsConfigurationsAndWarns();
    void noIngestConfigurationIsANoteNotASuccess();

private:
    QString createToken();

    QTemporaryDir m_home;
    demo::DemoEndpoint m_endpoint;
    QNetworkAccessManager m_network;
    std::unique_ptr<aws::StaticCredentialProvider> m_credentials;
    std::unique_ptr<ivs::IvsClient> m_client;
    std::unique_ptr<workspace::PublishController> m_controller;
    std::unique_ptr<PublishDialog> m_dialog;
    QStringList m_suggestions;
};

void TestPublishDialog::initTestCase()
{
    // The suggested OBS folder comes from XDG_CONFIG_HOME: never the user's own.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    QVERIFY(m_endpoint.start());
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_credentials = std::make_unique<aws::StaticCredentialProvider>(
        demo::DemoEndpoint::credentials(), QStringLiteral("demo"));
    aws::EndpointConfig config;
    config.overrideUrl = m_endpoint.url();
    m_client = std::make_unique<ivs::IvsClient>(&m_network, m_credentials.get(), config);
}

void TestPublishDialog::init()
{
    m_controller = std::make_unique<workspace::PublishController>(*m_client);
    m_controller->setStage(studioTarget());
    m_dialog = std::make_unique<PublishDialog>(*m_controller);
    m_suggestions.clear();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestPublishDialog::cleanup()
{
    m_dialog.reset();
    m_controller.reset();
}

QString TestPublishDialog::createToken()
{
    m_dialog->whipTab()->userIdEdit()->setText(QStringLiteral("producer"));
    QTest::mouseClick(m_dialog->whipTab()->createTokenButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return !m_dialog->whipTab()->tokenEdit()->text().isEmpty(); },
                         15000))
        return {};
    return m_dialog->whipTab()->tokenEdit()->text();
}

void TestPublishDialog::tokenIsMaskedUntilRevealed()
{
    QVERIFY(!m_dialog->whipTab()->revealTokenButton()->isEnabled());
    const QString token = createToken();
    QVERIFY2(!token.isEmpty(), qPrintable(m_dialog->whipTab()->statusLabel()->text()));
    QCOMPARE(m_dialog->whipTab()->serverEdit()->text(), kWhip);
    QVERIFY2(m_dialog->whipTab()->expiryLabel()->text().endsWith(QLatin1String("(in 12 h)")),
             qPrintable(m_dialog->whipTab()->expiryLabel()->text()));

    QLineEdit *field = m_dialog->whipTab()->tokenEdit();
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(!field->displayText().contains(token.left(8)));
    QCOMPARE(field->contextMenuPolicy(), Qt::NoContextMenu);

    QTest::mouseClick(m_dialog->whipTab()->revealTokenButton(), Qt::LeftButton);
    QCOMPARE(field->echoMode(), QLineEdit::Normal);
    QCOMPARE(field->displayText(), token);
    QCOMPARE(m_dialog->whipTab()->revealTokenButton()->text(), QStringLiteral("Hide"));

    QTest::mouseClick(m_dialog->whipTab()->revealTokenButton(), Qt::LeftButton);
    QCOMPARE(field->echoMode(), QLineEdit::Password);

    // A new token starts masked again, even when the previous one was revealed.
    QTest::mouseClick(m_dialog->whipTab()->revealTokenButton(), Qt::LeftButton);
    const QString second = createToken();
    QVERIFY(!second.isEmpty());
    QVERIFY(second != token);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
}

void TestPublishDialog::copyButtonsPutTheSecretOnTheClipboard()
{
    QClipboard *clipboard = QApplication::clipboard();
    clipboard->clear();
    const QString token = createToken();
    QVERIFY(!token.isEmpty());

    QTest::mouseClick(m_dialog->whipTab()->copyTokenButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), token);
    QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArray("secret"));

    QTest::mouseClick(m_dialog->whipTab()->copyServerButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), kWhip);

    QTest::mouseClick(m_dialog->whipTab()->copyBothButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), kWhip + QLatin1Char('\n') + token);
}

void TestPublishDialog::closingClearsTheSecrets()
{
    const QString token = createToken();
    QVERIFY(!token.isEmpty());
    QTest::mouseClick(m_dialog->whipTab()->revealTokenButton(), Qt::LeftButton);
    m_dialog->tabs()->setCurrentIndex(PublishDialog::RtmpTab);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->rtmpTab()->ingestList()->topLevelItemCount(), 2, 15000);
    m_dialog->rtmpTab()->ingestList()->setCurrentItem(
        m_dialog->rtmpTab()->ingestList()->topLevelItem(0));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->rtmpTab()->streamKeyEdit()->text().isEmpty(), 15000);

    QVERIFY(m_dialog->close());
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->whipTab()->tokenEdit()->text(), QString());
    QCOMPARE(m_dialog->whipTab()->serverEdit()->text(), QString());
    QCOMPARE(m_dialog->whipTab()->expiryLabel()->text(), QString());
    QCOMPARE(m_dialog->rtmpTab()->streamKeyEdit()->text(), QString());
    QCOMPARE(m_dialog->rtmpTab()->serverEdit()->text(), QString());
    QVERIFY(!m_dialog->whipTab()->revealTokenButton()->isChecked());
    QCOMPARE(m_dialog->whipTab()->tokenEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(m_controller->token().isEmpty());
    QVERIFY(m_controller->streamKey().isEmpty());
    QVERIFY(!m_dialog->whipTab()->copyTokenButton()->isEnabled());
    QVERIFY(!m_dialog->whipTab()->saveButton()->isEnabled());

    // Escape closes too, and clears as well.
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->tabs()->setCurrentIndex(PublishDialog::WhipTab);
    QVERIFY(!createToken().isEmpty());
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->whipTab()->tokenEdit()->text(), QString());
}

void TestPublishDialog::lifetimeIsHeldToTheServiceLimits()
{
    QSpinBox *spin = m_dialog->whipTab()->lifetimeSpin();
    QComboBox *unit = m_dialog->whipTab()->lifetimeUnitCombo();
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(),
             720); // the service's default, shown as 12 hours
    QCOMPARE(spin->value(), 12);

    spin->setValue(1000);
    QCOMPARE(spin->value(), 336);
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(), 20160);
    spin->setValue(0);
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(), 60);

    unit->setCurrentIndex(0); // minutes
    QCOMPARE(spin->value(), 60);
    spin->setValue(20161);
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(), 20160);
    spin->setValue(0);
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(), 1);
    spin->setValue(90);
    unit->setCurrentIndex(1); // hours: rounded up, never shorter than asked
    QCOMPARE(spin->value(), 2);
    QCOMPARE(m_dialog->whipTab()->lifetimeMinutes(), 120);

    unit->setCurrentIndex(0);
    spin->setValue(45);
    QVERIFY(!createToken().isEmpty());
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(m_controller->tokenExpiry());
    QVERIFY2(lifetime > 44 * 60 && lifetime <= 45 * 60, qPrintable(QString::number(lifetime)));
}

void TestPublishDialog::refusedFormIsExplainedAndNothingShown()
{
    m_dialog->whipTab()->attributesEdit()->setText(QStringLiteral("role"));
    QTest::mouseClick(m_dialog->whipTab()->createTokenButton(), Qt::LeftButton);
    QVERIFY2(m_dialog->whipTab()->statusLabel()->text().contains(QLatin1String("key=value")),
             qPrintable(m_dialog->whipTab()->statusLabel()->text()));
    QVERIFY(m_dialog->whipTab()->createTokenButton()->isEnabled());
    QVERIFY(waitUntilIdle(*m_client)); // a token asked for after all would be shown by now
    QVERIFY(m_dialog->whipTab()->tokenEdit()->text().isEmpty());
}

void TestPublishDialog::savingUsesTheChosenPathAndSuggestsServiceJson()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("service.json"));
    QString answer; // empty: the user cancels
    m_dialog->setPathChooser([this, &answer](const QString &suggestion) {
        m_suggestions.append(suggestion);
        return answer;
    });
    const QString token = createToken();
    QVERIFY(!token.isEmpty());

    QTest::mouseClick(m_dialog->whipTab()->saveButton(), Qt::LeftButton);
    QCOMPARE(m_suggestions.size(), 1);
    QVERIFY(!QFile::exists(path));

    // With one OBS profile, its folder is suggested.
    QVERIFY(
        QDir().mkpath(m_home.filePath(QStringLiteral(".config/obs-studio/basic/profiles/Live"))));
    answer = path;
    QTest::mouseClick(m_dialog->whipTab()->saveButton(), Qt::LeftButton);
    QCOMPARE(m_suggestions.last(), m_home.filePath(QStringLiteral(
                                       ".config/obs-studio/basic/profiles/Live/service.json")));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject service = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(service.value(QStringLiteral("type")).toString(), QStringLiteral("whip_custom"));
    QCOMPARE(
        service.value(QStringLiteral("settings")).toObject(),
        (QJsonObject{{QStringLiteral("server"), kWhip}, {QStringLiteral("bearer_token"), token}}));
    QVERIFY2(m_dialog->whipTab()->statusLabel()->text().contains(QLatin1String("Saved")),
             qPrintable(m_dialog->whipTab()->statusLabel()->text()));
    QVERIFY(!m_dialog->whipTab()->statusLabel()->text().contains(token));
}

void TestPublishDialog::rtmpTabListsConfigurationsAndWarns()
{
    QVERIFY(m_dialog->checklist()->findChildren<QLabel *>().size() >= 10);
    m_dialog->tabs()->setCurrentIndex(PublishDialog::RtmpTab);
    QTreeWidget *list = m_dialog->rtmpTab()->ingestList();
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 2, 15000);
    QCOMPARE(list->topLevelItem(0)->text(RtmpPublishTab::NameColumn), QStringLiteral("obs-main"));
    QCOMPARE(list->topLevelItem(0)->text(RtmpPublishTab::ProtocolColumn), QStringLiteral("RTMPS"));
    QCOMPARE(list->topLevelItem(1)->text(RtmpPublishTab::StateColumn), QStringLiteral("INACTIVE"));
    QCOMPARE(list->topLevelItem(1)->text(RtmpPublishTab::UserIdColumn),
             QStringLiteral("hardware-encoder"));

    list->setCurrentItem(list->topLevelItem(1));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->rtmpTab()->streamKeyEdit()->text().isEmpty(), 15000);
    QCOMPARE(m_dialog->rtmpTab()->serverEdit()->text(), kRtmp);
    QCOMPARE(m_dialog->rtmpTab()->streamKeyEdit()->echoMode(), QLineEdit::Password);
    QVERIFY2(m_dialog->rtmpTab()->warningLabel()->text().contains(
                 QLatin1String("RTMP without insecure ingest is rejected")),
             qPrintable(m_dialog->rtmpTab()->warningLabel()->text()));

    QTest::mouseClick(m_dialog->rtmpTab()->copyStreamKeyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), m_dialog->rtmpTab()->streamKeyEdit()->text());

    list->setCurrentItem(list->topLevelItem(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->rtmpTab()->streamKeyEdit()->text(),
                              QStringLiteral("sk_us-west-2_demoIng3stObsMain"), 15000);
    QCOMPARE(m_dialog->rtmpTab()->warningLabel()->text(), QString());

    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("service.json"));
    m_dialog->setPathChooser([&path](const QString &) { return path; });
    QTest::mouseClick(m_dialog->rtmpTab()->saveButton(), Qt::LeftButton);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject service = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(service.value(QStringLiteral("type")).toString(), QStringLiteral("rtmp_custom"));
    QCOMPARE(service.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("key"))
                 .toString(),
             QStringLiteral("sk_us-west-2_demoIng3stObsMain"));
}

void TestPublishDialog::noIngestConfigurationIsANoteNotASuccess()
{
    // podcast-room has no ingest configuration: nothing failed, and nothing is ready either.
    m_controller->setStage(demoTarget(1));
    m_dialog->tabs()->setCurrentIndex(PublishDialog::RtmpTab);
    QLabel *status = m_dialog->rtmpTab()->statusLabel();
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().startsWith(QLatin1String("This stage has no ingest configurations")), 15000);
    QCOMPARE(m_dialog->rtmpTab()->ingestList()->topLevelItemCount(), 0);
    const QColor shown = status->palette().color(QPalette::WindowText);
    QVERIFY(shown != model::textColor(model::TextTone::Success, QPalette()));
    QVERIFY(shown != model::textColor(model::TextTone::Problem, QPalette()));
    QCOMPARE(shown, QPalette().color(QPalette::WindowText));
}

QTEST_MAIN(TestPublishDialog)
#include "tst_publish_dialog.moc"
