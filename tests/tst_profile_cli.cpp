#include "aws/sigv4_verifier.h"
#include "cli/exit_codes.h"
#include "support/keyring_session.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kAccessKeyId = QStringLiteral("AKIDPROFILETEST0001");
const QString kFirstSecret = QStringLiteral("firstSecret/abc+DEF/0123456789EXAMPLEKEY");
const QString kSecondSecret = QStringLiteral("secondSecret/xyz+UVW/9876543210EXAMPLEKEY");
const QString kImportedSecret = QStringLiteral("importedSecret/CLI+profile/EXAMPLEKEY00");
const QString kToken = QStringLiteral("sessionToken//IQoJb3JpZ2luX2VjEXAMPLE==");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

} // namespace

// The `profile` commands and `get-stage --profile`, run as the real binary against a real
// gnome-keyring on a private bus, in a fresh HOME.
class TestProfileCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void addStoresTheSecretOnlyInTheKeychain();
    void secretsAreNeverAcceptedAsArguments();
    void getStageSignsWithTheStoredSecret();
    void addingAgainReplacesTheSecret();
    void listShowsKeychainAndAwsCliProfiles();
    void importCopiesAwsCliKeysIntoTheKeychain();
    void importRefusesProfilesWithoutKeys();
    void removeDeletesTheKeychainEntry();
    void noSecretLeaksIntoFilesOrOutput();
    void missingSecretServiceIsReportedQuickly();
    void lockedKeyringIsReportedClearly();

private:
    Run run(const QStringList &arguments, const QByteArray &input = {},
            const KeyringSession *keyring = nullptr);
    void serveStagesSignedWith(const QString &secret);

    KeyringSession m_keyring;
    ScriptedEndpoint m_endpoint;
    QString m_acceptedSecret;
    QString m_allOutput;
};

void TestProfileCli::initTestCase()
{
    QString error;
    QVERIFY2(m_keyring.start(&error), qPrintable(error));
    QVERIFY(m_endpoint.start());
    // The endpoint answers only requests signed with the secret the test expects the app to use.
    m_endpoint.setHandler([this](const net::HttpRequest &request) {
        aws::SigV4Verifier verifier(QStringLiteral("ivs"),
                                    [this](const QString &keyId) -> std::optional<QString> {
                                        if (keyId == kAccessKeyId)
                                            return m_acceptedSecret;
                                        return std::nullopt;
                                    });
        const auto verdict = verifier.verify(
            {request.method, request.path, request.query, request.headers, request.body},
            QDateTime::currentDateTimeUtc());
        if (const auto *failure = std::get_if<aws::VerificationFailure>(&verdict))
            return awsErrorResponse(failure->httpStatus, failure->errorType, failure->message);
        return net::HttpResponse::json(
            200, readTestData(QStringLiteral("get_stage_seed_response.json")));
    });

    QFile config(m_keyring.homePath() + QStringLiteral("/aws-config"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile imported]\nregion = eu-west-1\n\n[profile by-process]\n"
                 "credential_process = /bin/false\n");
    config.close();
    QFile credentials(m_keyring.homePath() + QStringLiteral("/aws-credentials"));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write(
        "[imported]\naws_access_key_id = AKIDIMPORTED00000001\naws_secret_access_key = " +
        kImportedSecret.toUtf8() + "\n");
    credentials.close();
}

Run TestProfileCli::run(const QStringList &arguments, const QByteArray &input,
                        const KeyringSession *keyring)
{
    QProcess process;
    QProcessEnvironment environment = (keyring ? keyring : &m_keyring)->environment();
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"),
                       m_keyring.homePath() + QStringLiteral("/aws-config"));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                       m_keyring.homePath() + QStringLiteral("/aws-credentials"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(IVS_APP_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    // The event loop keeps running: the scripted endpoint answers from this thread.
    if (!finished.wait(60000) && finished.isEmpty()) {
        process.kill();
        process.waitForFinished();
    }
    Run result;
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    m_allOutput += result.out + result.err;
    return result;
}

void TestProfileCli::addStoresTheSecretOnlyInTheKeychain()
{
    const Run added = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"),
                           QStringLiteral("--access-key-id"), kAccessKeyId,
                           QStringLiteral("--region"), QStringLiteral("us-west-2")},
                          kFirstSecret.toUtf8() + '\n' + kToken.toUtf8() + '\n');
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const QByteArray stored = QByteArray::fromBase64(m_keyring.lookupWithSecretTool(
        QStringLiteral("ivs-stage-browser"), QStringLiteral("profile/prod")));
    QVERIFY2(stored.contains(kFirstSecret.toUtf8()), "the secret is in the keychain");
    QVERIFY2(stored.contains(kToken.toUtf8()), "the session token is in the keychain");
}

void TestProfileCli::secretsAreNeverAcceptedAsArguments()
{
    const Run refused =
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("argv"),
             QStringLiteral("--access-key-id"), kAccessKeyId, QStringLiteral("--secret-access-key"),
             QStringLiteral("in-argv")});
    QCOMPARE(refused.exitCode, int(cli::UsageError));
    QVERIFY2(refused.err.contains(QLatin1String("Unknown option")), qPrintable(refused.err));
    const Run noSecret =
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("empty"),
             QStringLiteral("--access-key-id"), kAccessKeyId});
    QCOMPARE(noSecret.exitCode, int(cli::UsageError));
    QVERIFY2(noSecret.err.contains(QLatin1String("No secret access key")),
             qPrintable(noSecret.err));
}

void TestProfileCli::getStageSignsWithTheStoredSecret()
{
    m_acceptedSecret = kFirstSecret;
    const int before = int(m_endpoint.requests().size());
    const Run fetched = run({QStringLiteral("get-stage"), QStringLiteral("--profile"),
                             QStringLiteral("prod"), QStringLiteral("--arn"), kArn,
                             QStringLiteral("--endpoint-url"), m_endpoint.url().toString()});
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    QVERIFY(fetched.out.contains(QLatin1String("seed-stage")));
    QCOMPARE(int(m_endpoint.requests().size()), before + 1);
    QCOMPARE(m_endpoint.requests().constLast().header("x-amz-security-token"), kToken.toUtf8());

    m_acceptedSecret = QStringLiteral("some other secret");
    const Run rejected = run({QStringLiteral("get-stage"), QStringLiteral("--profile"),
                              QStringLiteral("prod"), QStringLiteral("--arn"), kArn,
                              QStringLiteral("--endpoint-url"), m_endpoint.url().toString()});
    QCOMPARE(rejected.exitCode, int(cli::AuthError));
}

void TestProfileCli::addingAgainReplacesTheSecret()
{
    const Run updated = run({QStringLiteral("profile"), QStringLiteral("add"),
                             QStringLiteral("prod"), QStringLiteral("--access-key-id"),
                             kAccessKeyId, QStringLiteral("--region"), QStringLiteral("us-west-2")},
                            kSecondSecret.toUtf8() + '\n');
    QVERIFY2(updated.exitCode == 0, qPrintable(updated.err));
    m_acceptedSecret = kSecondSecret;
    const Run fetched = run({QStringLiteral("get-stage"), QStringLiteral("--profile"),
                             QStringLiteral("prod"), QStringLiteral("--arn"), kArn,
                             QStringLiteral("--endpoint-url"), m_endpoint.url().toString()});
    QVERIFY2(fetched.exitCode == 0, qPrintable(fetched.err));
    QVERIFY2(m_endpoint.requests().constLast().header("x-amz-security-token").isEmpty(),
             "the new entry has no session token");
}

void TestProfileCli::listShowsKeychainAndAwsCliProfiles()
{
    const Run listed = run({QStringLiteral("profile"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(
                 QRegularExpression(QStringLiteral("prod +us-west-2 +keychain \\(AKID…0001\\)"))),
             qPrintable(listed.out));
    QVERIFY2(
        listed.out.contains(QRegularExpression(QStringLiteral("imported +eu-west-1 +AWS CLI"))),
        qPrintable(listed.out));
    QVERIFY2(listed.out.contains(QLatin1String("by-process")), qPrintable(listed.out));
    QVERIFY(!listed.out.contains(kAccessKeyId));
}

void TestProfileCli::importCopiesAwsCliKeysIntoTheKeychain()
{
    const Run imported =
        run({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("imported")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const QByteArray stored = QByteArray::fromBase64(m_keyring.lookupWithSecretTool(
        QStringLiteral("ivs-stage-browser"), QStringLiteral("profile/imported")));
    QVERIFY(stored.contains(kImportedSecret.toUtf8()));
    const Run listed = run({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(
        listed.out.contains(QRegularExpression(QStringLiteral("imported +eu-west-1 +keychain"))),
        qPrintable(listed.out));
}

void TestProfileCli::importRefusesProfilesWithoutKeys()
{
    const Run refused =
        run({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("by-process")});
    QCOMPARE(refused.exitCode, int(cli::UsageError));
    QVERIFY2(refused.err.contains(QLatin1String("no access keys to import")),
             qPrintable(refused.err));
    const Run unknown =
        run({QStringLiteral("profile"), QStringLiteral("import"), QStringLiteral("nowhere")});
    QCOMPARE(unknown.exitCode, int(cli::NotFound));
}

void TestProfileCli::removeDeletesTheKeychainEntry()
{
    const Run removed =
        run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("imported")});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QVERIFY(m_keyring
                .lookupWithSecretTool(QStringLiteral("ivs-stage-browser"),
                                      QStringLiteral("profile/imported"))
                .isEmpty());
    const Run again =
        run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("imported")});
    QCOMPARE(again.exitCode, int(cli::NotFound));
}

void TestProfileCli::noSecretLeaksIntoFilesOrOutput()
{
    const QString keyringStore = m_keyring.keyringStorePath();
    int filesSearched = 0;
    QDirIterator files(m_keyring.homePath(), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.startsWith(keyringStore) || path.contains(QLatin1String("/aws-credentials")))
            continue; // the keyring's own store, and the AWS CLI file the test wrote itself
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++filesSearched;
        const QByteArray contents = file.readAll();
        for (const QString &secret : {kFirstSecret, kSecondSecret, kImportedSecret, kToken})
            QVERIFY2(!contents.contains(secret.toUtf8()), qPrintable(path));
    }
    QVERIFY2(filesSearched > 0, "the settings file at least was searched");
    for (const QString &secret : {kFirstSecret, kSecondSecret, kImportedSecret, kToken})
        QVERIFY(!m_allOutput.contains(secret));
}

void TestProfileCli::missingSecretServiceIsReportedQuickly()
{
    KeyringSession busOnly;
    QString error;
    QVERIFY2(busOnly.start(&error, KeyringSession::Service::None), qPrintable(error));
    const Run added =
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("nowhere"),
             QStringLiteral("--access-key-id"), kAccessKeyId},
            "a-secret\n", &busOnly);
    QCOMPARE(added.exitCode, int(cli::AuthError));
    QVERIFY2(added.err.contains(QLatin1String("No keychain service is available")),
             qPrintable(added.err));
    QVERIFY2(added.elapsedMs < 10000, qPrintable(QString::number(added.elapsedMs)));
}

void TestProfileCli::lockedKeyringIsReportedClearly()
{
    QString error;
    QVERIFY2(m_keyring.lockLoginCollection(&error), qPrintable(error));
    const Run added =
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("later"),
             QStringLiteral("--access-key-id"), kAccessKeyId},
            "a-secret\n");
    QCOMPARE(added.exitCode, int(cli::AuthError));
    QVERIFY2(added.err.contains(QLatin1String("Unlock it")), qPrintable(added.err));

    const Run fetched = run({QStringLiteral("get-stage"), QStringLiteral("--profile"),
                             QStringLiteral("prod"), QStringLiteral("--arn"), kArn,
                             QStringLiteral("--endpoint-url"), m_endpoint.url().toString()});
    QCOMPARE(fetched.exitCode, int(cli::AuthError));
    QVERIFY2(fetched.err.contains(QLatin1String("may be locked")), qPrintable(fetched.err));
}

QTEST_GUILESS_MAIN(TestProfileCli)
#include "tst_profile_cli.moc"
