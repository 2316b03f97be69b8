#include "aws/credentials.h"
#include "aws/environment_credential_provider.h"
#include "cli/exit_codes.h"
#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "support/command_runs.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"
#include "workspace/stage_browser.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
// get_stage_seed_response.json describes this stage.
const QString kSeedArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
// Another account's stage, in the same region: the one asked for in the mismatch tests.
const QString kAskedArn = QStringLiteral("arn:aws:ivs:us-west-2:999999999999:stage/otherStage12");

QProcessEnvironment binaryEnvironment(bool withKeys)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"})
        environment.remove(QString::fromLatin1(name));
    if (withKeys) {
        environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDECHOTEST"));
        environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("echo-test"));
        environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    }
    return environment;
}

net::HttpResponse seedStage()
{
    return net::HttpResponse::json(200,
                                   readTestData(QStringLiteral("get_stage_seed_response.json")));
}

} // namespace

// What is echoed back must not leak, and what comes back must be what was asked for: a profile
// name that looks like a pasted secret is shown only masked, and a GetStage answer about another
// stage than the one asked for is shown with a warning (stderr on the command line, a notice in
// the window's browser).
class TestEchoAndMismatch : public QObject {
    Q_OBJECT
private slots:
    void secretLookingNamesAreRecognised_data();
    void secretLookingNamesAreRecognised();
    void aSecretGivenAsProfileIsEchoedMasked();
    void aSecretGivenToProfileRemoveIsEchoedMasked();
    void getStageWarnsOfAnAnswerForAnotherStage();
    void aMatchingAnswerGivesNoWarning();
    void theBrowserWarnsOfAnAnswerForAnotherStage();
    void verboseReportsSkippedConfigLines();
    void verboseSaysWhenThereAreNoCredentials();
};

void TestEchoAndMismatch::secretLookingNamesAreRecognised_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("secret access key") << kSecret << true;
    QTest::newRow("key without symbols")
        << QStringLiteral("wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLE") << true;
    QTest::newRow("access key id") << QStringLiteral("AKIAIOSFODNN7EXAMPLE") << true;
    QTest::newRow("session token") << QStringLiteral("FwoGZXIvYXdzEXAMPLE+TOKEN/abc123") << true;
    QTest::newRow("default") << QStringLiteral("default") << false;
    QTest::newRow("words") << QStringLiteral("production-eu-west-1-admin") << false;
    QTest::newRow("underscores") << QStringLiteral("Team_Admin_2024_Readonly") << false;
    QTest::newRow("short") << QStringLiteral("Dev2") << false;
}

void TestEchoAndMismatch::secretLookingNamesAreRecognised()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(aws::looksLikeSecret(name), secret);
    const QString shown = aws::shownName(name);
    if (secret) {
        QVERIFY2(!shown.contains(name.mid(4)), qPrintable(shown));
        QCOMPARE(shown, QStringLiteral("%1… (%2 characters)").arg(name.left(4)).arg(name.size()));
    } else {
        QCOMPARE(shown, name);
    }
}

void TestEchoAndMismatch::aSecretGivenAsProfileIsEchoedMasked()
{
    // The secret pasted where the profile name belongs (the report's case).
    const Run run =
        runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kSeedArn,
                      QStringLiteral("--profile"), kSecret, QStringLiteral("--endpoint-url"),
                      QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--verbose")},
                     binaryEnvironment(false));
    QCOMPARE(run.exitCode, int(cli::AuthError));
    QVERIFY2(
        run.err.contains(QStringLiteral("There is no profile named \"wJal… (40 characters)\"")),
        qPrintable(run.err));
    QVERIFY2(!run.err.contains(kSecret.mid(4, 10)) && !run.out.contains(kSecret.mid(4, 10)),
             qPrintable(run.err));
}

void TestEchoAndMismatch::aSecretGivenToProfileRemoveIsEchoedMasked()
{
    const Run run = runAppBinary({QStringLiteral("profile"), QStringLiteral("remove"), kSecret},
                                 binaryEnvironment(false));
    QCOMPARE(run.exitCode, int(cli::NotFound));
    QVERIFY2(run.err.contains(QStringLiteral("wJal… (40 characters)")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(kSecret.mid(4, 10)), qPrintable(run.err));
}

void TestEchoAndMismatch::getStageWarnsOfAnAnswerForAnotherStage()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStage()); // whatever is asked, the seed stage comes back
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kAskedArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                                 binaryEnvironment(true));
    // Still shown, as the service answered it; but not silently.
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.out.contains(QLatin1String("seed-stage")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("warning: The answer describes %1, not %2, the stage "
                                             "asked for")
                                  .arg(kSeedArn, kAskedArn)),
             qPrintable(run.err));
}

void TestEchoAndMismatch::aMatchingAnswerGivesNoWarning()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStage());
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kSeedArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                                 binaryEnvironment(true));
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

void TestEchoAndMismatch::theBrowserWarnsOfAnAnswerForAnotherStage()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(seedStage());
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    aws::StaticCredentialProvider credentials(
        {QStringLiteral("AKIDECHOTEST"), QStringLiteral("s"), {}, {}}, QStringLiteral("test"));
    aws::EndpointConfig config;
    config.overrideUrl = endpoint.url();
    ivs::IvsClient client(&network, &credentials, config);
    document::StageDocument document;
    workspace::StageBrowser browser(client, document);
    QSignalSpy shown(&browser, &workspace::StageBrowser::stageShown);
    QSignalSpy mismatch(&browser, &workspace::StageBrowser::answerMismatch);
    QSignalSpy notice(&browser, &workspace::StageBrowser::notice);

    browser.lookUp(kAskedArn);
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(mismatch.count(), 1);
    QCOMPARE(mismatch.at(0).at(0).toString(), kAskedArn);
    const QString warning = mismatch.at(0).at(1).toString();
    QVERIFY2(warning.contains(kSeedArn) && warning.contains(kAskedArn), qPrintable(warning));
    QCOMPARE(notice.count(), 1);
    QCOMPARE(notice.at(0).at(0).toString(), warning);

    browser.lookUp(kSeedArn);
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(mismatch.count(), 1); // the right stage: no warning
}

void TestEchoAndMismatch::verboseReportsSkippedConfigLines()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("config"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Line 3 is not "key = value" (and might be a secret pasted in the wrong place).
    file.write("[default]\nregion = us-west-2\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    file.close();
    QProcessEnvironment environment = binaryEnvironment(false);
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), config);
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--demo"),
                                  QStringLiteral("--arn"), kSeedArn, QStringLiteral("--verbose")},
                                 environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(run.err.contains(QStringLiteral("warning: %1:3: skipped").arg(config)),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("wJalrXUtnFEMI")), qPrintable(run.err));
}

void TestEchoAndMismatch::verboseSaysWhenThereAreNoCredentials()
{
    QTemporaryDir dir;
    QProcessEnvironment environment = binaryEnvironment(false);
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), dir.filePath(QStringLiteral("none")));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                       dir.filePath(QStringLiteral("none")));
    const Run run =
        runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kSeedArn,
                      QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:9"),
                      QStringLiteral("--verbose")},
                     environment);
    QCOMPARE(run.exitCode, int(cli::AuthError));
    QVERIFY2(run.err.contains(QLatin1String("ivs-stage-browser: no credentials: No AWS "
                                            "credentials found.")),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("credentials from no credentials")),
             qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestEchoAndMismatch)
#include "tst_echo_and_mismatch.moc"
