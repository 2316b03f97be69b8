#include "aws/shared_config.h"
#include "credentials/credential_chain.h"
#include "keychain/keychain_store.h"
#include "profiles/profile_repository.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using credentials::resolveCredentials;

namespace {

const QByteArray kConfig = "[default]\nregion = us-east-1\n\n"
                           "[profile shared-only]\nregion = eu-west-1\n\n"
                           "[profile both]\nregion = ap-south-1\n\n"
                           "[profile process]\ncredential_process = /bin/true\n\n"
                           "[profile sso]\nsso_session = corp\n\n"
                           "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/x\n";
const QByteArray kCredentials =
    "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n"
    "[shared-only]\naws_access_key_id = AKIDSHARED\naws_secret_access_key = s2\n\n"
    "[both]\naws_access_key_id = AKIDBOTHSHARED\naws_secret_access_key = s3\n";

QProcessEnvironment
environmentWith(std::initializer_list<std::pair<const char *, const char *>> variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return environment;
}

} // namespace

// The order in which credentials are looked for, as the AWS SDKs do it, with keychain profiles
// taking precedence over AWS CLI profiles of the same name.
class TestCredentialChain : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void explicitProfileComesFirst();
    void keychainProfileShadowsAwsCliProfileOfTheSameName();
    void environmentComesBeforeDefaultProfile();
    void awsProfileVariableChoosesTheProfile();
    void defaultProfileIsTheLastResort();
    void unknownExplicitProfileIsAnErrorNotAFallback();
    void profilesWithoutUsableKeysSayWhy_data();
    void profilesWithoutUsableKeysSayWhy();
    void credentialProcessProfileUsesTheProcess();
    void nothingConfiguredSaysWhereToConfigure();
    void regionPrecedence();

private:
    credentials::ResolvedCredentials resolve(const QString &selected,
                                             const QProcessEnvironment &environment,
                                             const QByteArray &config = kConfig,
                                             const QByteArray &credentialsFile = kCredentials);
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<profiles::ProfileStore> m_store;
    std::unique_ptr<keychain::KeychainStore> m_keychain;
    std::unique_ptr<profiles::ProfileRepository> m_repository;
};

void TestCredentialChain::init()
{
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_settings->clear();
    m_store = std::make_unique<profiles::ProfileStore>(*m_settings);
    m_keychain = std::make_unique<keychain::KeychainStore>(QStringLiteral("unused-in-this-test"));
    m_repository = std::make_unique<profiles::ProfileRepository>(*m_store, *m_keychain);
    m_store->save({QStringLiteral("both"), QStringLiteral("us-west-2"),
                   QStringLiteral("AKIDBOTHKEYCHAIN"), false});
    m_store->save({QStringLiteral("vault"), QStringLiteral("eu-central-1"),
                   QStringLiteral("AKIDVAULT"), false});
}

void TestCredentialChain::cleanup()
{
    m_repository.reset();
    m_keychain.reset();
    m_store.reset();
    m_settings.reset();
}

credentials::ResolvedCredentials
TestCredentialChain::resolve(const QString &selected, const QProcessEnvironment &environment,
                             const QByteArray &config, const QByteArray &credentialsFile)
{
    const aws::SharedConfig shared = aws::SharedConfig::parse(config, credentialsFile);
    return resolveCredentials(
        {selected, environment, &shared, m_repository.get(), std::chrono::milliseconds(0)});
}

void TestCredentialChain::explicitProfileComesFirst()
{
    const auto resolved =
        resolve(QStringLiteral("shared-only"), environmentWith({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                                                {"AWS_SECRET_ACCESS_KEY", "env"},
                                                                {"AWS_PROFILE", "vault"}}));
    QVERIFY(resolved.found);
    QCOMPARE(resolved.profileName, QStringLiteral("shared-only"));
    QCOMPARE(resolved.profileRegion, QStringLiteral("eu-west-1"));
    QVERIFY(resolved.fromSharedFiles);
    QVERIFY2(resolved.provider->sourceDescription().contains(
                 QLatin1String("AWS CLI profile \"shared-only\"")),
             qPrintable(resolved.provider->sourceDescription()));
}

void TestCredentialChain::keychainProfileShadowsAwsCliProfileOfTheSameName()
{
    const auto resolved = resolve(QStringLiteral("both"), {});
    QVERIFY(resolved.found);
    QVERIFY(!resolved.fromSharedFiles);
    QCOMPARE(resolved.profileRegion, QStringLiteral("us-west-2"));
    QCOMPARE(resolved.provider->sourceDescription(), QStringLiteral("keychain profile \"both\""));
}

void TestCredentialChain::environmentComesBeforeDefaultProfile()
{
    const auto resolved = resolve(
        {}, environmentWith({{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "env"}}));
    QVERIFY(resolved.found);
    QCOMPARE(resolved.provider->sourceDescription(), QStringLiteral("environment variables"));
    QVERIFY(resolved.profileName.isEmpty());
    QCOMPARE(resolved.profileRegion,
             QStringLiteral("us-east-1")); // from [default], as the CLI does
}

void TestCredentialChain::awsProfileVariableChoosesTheProfile()
{
    const auto keychain = resolve({}, environmentWith({{"AWS_PROFILE", "vault"}}));
    QCOMPARE(keychain.provider->sourceDescription(), QStringLiteral("keychain profile \"vault\""));
    const auto shared = resolve({}, environmentWith({{"AWS_DEFAULT_PROFILE", "shared-only"}}));
    QCOMPARE(shared.profileName, QStringLiteral("shared-only"));
}

void TestCredentialChain::defaultProfileIsTheLastResort()
{
    const auto resolved = resolve({}, {});
    QVERIFY(resolved.found);
    QCOMPARE(resolved.profileName, QStringLiteral("default"));
    QVERIFY(resolved.fromSharedFiles);
}

void TestCredentialChain::unknownExplicitProfileIsAnErrorNotAFallback()
{
    const auto resolved = resolve(
        QStringLiteral("typo"),
        environmentWith({{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "env"}}));
    QVERIFY(!resolved.found);
    QObject context;
    std::optional<aws::CredentialResult> result;
    resolved.provider->fetchCredentials(&context,
                                        [&result](const aws::CredentialResult &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    const auto *error = std::get_if<aws::CredentialError>(&*result);
    QVERIFY(error);
    QVERIFY2(error->message.contains(QLatin1String("no profile named \"typo\"")),
             qPrintable(error->message));
}

void TestCredentialChain::profilesWithoutUsableKeysSayWhy_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sso") << QStringLiteral("sso") << QStringLiteral("IAM Identity Center");
    QTest::newRow("role") << QStringLiteral("role") << QStringLiteral("assumes a role");
}

void TestCredentialChain::profilesWithoutUsableKeysSayWhy()
{
    QFETCH(QString, profile);
    QFETCH(QString, reason);
    const auto resolved = resolve(profile, {});
    QVERIFY(!resolved.found);
    QObject context;
    std::optional<aws::CredentialResult> result;
    resolved.provider->fetchCredentials(&context,
                                        [&result](const aws::CredentialResult &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(std::get<aws::CredentialError>(*result).message.contains(reason),
             qPrintable(std::get<aws::CredentialError>(*result).message));
}

void TestCredentialChain::credentialProcessProfileUsesTheProcess()
{
    const auto resolved = resolve(QStringLiteral("process"), {});
    QVERIFY(resolved.found);
    QCOMPARE(resolved.provider->sourceDescription(),
             QStringLiteral("credential_process of profile \"process\""));
}

void TestCredentialChain::nothingConfiguredSaysWhereToConfigure()
{
    m_store->remove(QStringLiteral("both"));
    m_store->remove(QStringLiteral("vault"));
    const auto resolved = resolve({}, {}, QByteArray(), QByteArray());
    QVERIFY(!resolved.found);
    QObject context;
    std::optional<aws::CredentialResult> result;
    resolved.provider->fetchCredentials(&context,
                                        [&result](const aws::CredentialResult &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    const QString message = std::get<aws::CredentialError>(*result).message;
    QVERIFY2(message.contains(QLatin1String("profile add")) &&
                 message.contains(QLatin1String("AWS_ACCESS_KEY_ID")),
             qPrintable(message));
}

void TestCredentialChain::regionPrecedence()
{
    using credentials::resolveRegion;
    const auto environment =
        environmentWith({{"AWS_REGION", "eu-west-3"}, {"AWS_DEFAULT_REGION", "eu-north-1"}});
    QCOMPARE(resolveRegion(QStringLiteral("sa-east-1"), environment, QStringLiteral("us-east-2")),
             QStringLiteral("sa-east-1"));
    QCOMPARE(resolveRegion({}, environment, QStringLiteral("us-east-2")),
             QStringLiteral("eu-west-3"));
    QCOMPARE(resolveRegion({}, environmentWith({{"AWS_DEFAULT_REGION", "eu-north-1"}}),
                           QStringLiteral("us-east-2")),
             QStringLiteral("eu-north-1"));
    QCOMPARE(resolveRegion({}, {}, QStringLiteral("us-east-2")), QStringLiteral("us-east-2"));
    QVERIFY(resolveRegion({}, {}, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credential_chain.moc"
