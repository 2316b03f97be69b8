// Reading ~/.aws/config and ~/.aws/credentials the way the AWS CLI does: the INI dialect, profile
// naming rules of each file, merging, warnings that never echo a line, and path resolution. Files
// live in a QTemporaryDir; the real home directory is never read.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "aws/shared_config.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

// A config file as people really write them: comments of both kinds, a services section, a
// nested s3 block, an SSO session and keys the parser has no field for.
const QByteArray kConfig = R"(# Managed by hand
[default]
region = eu-west-1
output=json

; development account
[profile dev]
region=us-west-2
credential_process = /usr/local/bin/get-creds --profile dev
services = local
s3 =
  max_concurrent_requests = 20
  endpoint_url = https://s3.example.test
output = yaml
cli_pager =

[sso-session corp]
sso_region = us-east-1
sso_start_url = https://corp.awsapps.com/start

[services local]
ivs_realtime =
  endpoint_url = http://127.0.0.1:4566
s3 =
  endpoint_url = http://127.0.0.1:9000
)";

const QByteArray kCredentials = R"([default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

# A profile only this file knows about
[ci]
aws_access_key_id=AKIDCI
aws_secret_access_key=ci-secret
aws_session_token =  ci-token
)";

aws::SharedProfile profileOrFail(const aws::SharedConfig &config, const QString &name)
{
    const std::optional<aws::SharedProfile> profile = config.profile(name);
    if (!profile)
        qWarning("profile %s not found", qPrintable(name));
    return profile.value_or(aws::SharedProfile{});
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QProcessEnvironment environment(std::initializer_list<std::pair<QString, QString>> variables)
{
    QProcessEnvironment result;
    for (const auto &[name, value] : variables)
        result.insert(name, value);
    return result;
}

} // namespace

class TestSharedConfig : public QObject {
    Q_OBJECT

private slots:
    // The INI dialect
    void readsRealisticFiles();
    void acceptsAnySpacingAroundEquals_data();
    void acceptsAnySpacingAroundEquals();
    void comparesKeysCaseInsensitively();
    void handlesCrlfAndByteOrderMark();
    void continuesIndentedLinesOfANonEmptyValue();
    void nestedBlockDoesNotLeakIntoProfile();
    void resolvesServiceEndpointThroughServicesSection();
    void serviceEndpointIsEmptyWithoutServicesSection();
    void readsIgnoreConfiguredEndpointUrls();

    // Malformed input
    void skipsMalformedLinesWithWarnings_data();
    void skipsMalformedLinesWithWarnings();
    void malformedHeaderDropsItsKeys();
    void repeatedSectionIsMergedWithWarning();

    // Profile naming and merging
    void credentialsFileWinsOverConfigFile();
    void credentialsFileTakesProfilePrefixLiterally();
    void configFileNeedsProfilePrefix();
    void acceptsQuotedProfileNames();
    void profileDefaultBeatsBareDefault();
    void listsProfileNamesSortedWithDefaultFirst();
    void describesWhereTheKeysCameFrom();
    void unknownProfileIsAbsent();

    // Files and environment
    void loadsFromHomeDirectory();
    void environmentVariablesChooseTheFiles();
    void tildeInVariablesMeansHome();
    void missingFilesAreAnEmptyConfig();
    void unreadableFileIsAnError();
    void directoryInsteadOfFileIsAnError();
    void warningsNameTheFileAsTheUserKnowsIt();
    void resolvesDefaultProfileName_data();
    void resolvesDefaultProfileName();
};

void TestSharedConfig::readsRealisticFiles()
{
    const aws::SharedConfig config = aws::SharedConfig::parse(kConfig, kCredentials);
    QVERIFY2(config.warnings().isEmpty(), qPrintable(config.warnings().join(QLatin1Char('\n'))));

    const aws::SharedProfile defaults = profileOrFail(config, QStringLiteral("default"));
    QCOMPARE(defaults.region, QStringLiteral("eu-west-1"));
    QCOMPARE(defaults.accessKeyId, QStringLiteral("AKIDDEFAULT"));
    QCOMPARE(defaults.secretAccessKey, kSecret);
    QVERIFY(defaults.hasStaticKeys());

    const aws::SharedProfile dev = profileOrFail(config, QStringLiteral("dev"));
    QCOMPARE(dev.region, QStringLiteral("us-west-2"));
    QCOMPARE(dev.credentialProcess, QStringLiteral("/usr/local/bin/get-creds --profile dev"));
    QCOMPARE(dev.servicesSection, QStringLiteral("local"));
    QVERIFY(!dev.hasStaticKeys());

    const aws::SharedProfile ci = profileOrFail(config, QStringLiteral("ci"));
    QCOMPARE(ci.accessKeyId, QStringLiteral("AKIDCI"));
    QCOMPARE(ci.secretAccessKey, QStringLiteral("ci-secret"));
    QCOMPARE(ci.sessionToken, QStringLiteral("ci-token"));
    QVERIFY(ci.region.isEmpty());

    QCOMPARE(config.value(QStringLiteral("default"), QStringLiteral("output")),
             QStringLiteral("json"));
}

void TestSharedConfig::acceptsAnySpacingAroundEquals_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("spaces") << QByteArray("region = ap-south-1");
    QTest::newRow("none") << QByteArray("region=ap-south-1");
    QTest::newRow("tabs and trailing space") << QByteArray("region\t=\tap-south-1   ");
    QTest::newRow("indented key") << QByteArray("  region = ap-south-1");
}

void TestSharedConfig::acceptsAnySpacingAroundEquals()
{
    QFETCH(QByteArray, line);
    const auto config = aws::SharedConfig::parse("[default]\n" + line + '\n', {});
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).region, QStringLiteral("ap-south-1"));
    QVERIFY(config.warnings().isEmpty());
}

void TestSharedConfig::comparesKeysCaseInsensitively()
{
    const auto config = aws::SharedConfig::parse({}, "[default]\n"
                                                     "AWS_Access_Key_ID = AKIDMIXED\n"
                                                     "Aws_Secret_Access_Key = mixed-secret\n");
    const aws::SharedProfile profile = profileOrFail(config, QStringLiteral("default"));
    QCOMPARE(profile.accessKeyId, QStringLiteral("AKIDMIXED"));
    QCOMPARE(profile.secretAccessKey, QStringLiteral("mixed-secret"));
    QCOMPARE(config.value(QStringLiteral("default"), QStringLiteral("AWS_ACCESS_KEY_ID")),
             QStringLiteral("AKIDMIXED"));
}

void TestSharedConfig::handlesCrlfAndByteOrderMark()
{
    const QByteArray config = "\xEF\xBB\xBF[default]\r\n"
                              "region = ca-central-1\r\n"
                              "\r\n"
                              "[profile dev]\r\n"
                              "services = local\r\n"
                              "[services local]\r\n"
                              "ivs_realtime =\r\n"
                              "  endpoint_url = http://127.0.0.1:4566\r\n";
    const auto parsed = aws::SharedConfig::parse(config, "\xEF\xBB\xBF[dev]\r\nregion = x\r\n");
    QVERIFY2(parsed.warnings().isEmpty(), qPrintable(parsed.warnings().join(QLatin1Char('\n'))));
    QCOMPARE(profileOrFail(parsed, QStringLiteral("default")).region,
             QStringLiteral("ca-central-1"));
    QCOMPARE(profileOrFail(parsed, QStringLiteral("dev")).region, QStringLiteral("x"));
    QCOMPARE(parsed.serviceEndpointUrl(QStringLiteral("dev"), QStringLiteral("ivs_realtime")),
             QStringLiteral("http://127.0.0.1:4566"));
}

void TestSharedConfig::continuesIndentedLinesOfANonEmptyValue()
{
    // botocore keeps such lines as part of the value; they must not become keys of their own.
    const auto config = aws::SharedConfig::parse("[default]\n"
                                                 "region = us-east-1\n"
                                                 "  endpoint_url = https://wrong.example.test\n",
                                                 {});
    const aws::SharedProfile profile = profileOrFail(config, QStringLiteral("default"));
    QCOMPARE(profile.region,
             QStringLiteral("us-east-1\nendpoint_url = https://wrong.example.test"));
    QVERIFY(profile.endpointUrl.isEmpty());
}

void TestSharedConfig::nestedBlockDoesNotLeakIntoProfile()
{
    const aws::SharedConfig config = aws::SharedConfig::parse(kConfig, {});
    const aws::SharedProfile dev = profileOrFail(config, QStringLiteral("dev"));
    QVERIFY2(dev.endpointUrl.isEmpty(), qPrintable(dev.endpointUrl));
    QVERIFY(
        config.value(QStringLiteral("dev"), QStringLiteral("max_concurrent_requests")).isEmpty());
    QVERIFY(config.value(QStringLiteral("dev"), QStringLiteral("s3")).isEmpty());
    // The key after the block is a top-level key again.
    QCOMPARE(config.value(QStringLiteral("dev"), QStringLiteral("output")), QStringLiteral("yaml"));

    const auto withEndpoint = aws::SharedConfig::parse("[profile dev]\n"
                                                       "s3 =\n"
                                                       "  endpoint_url = https://s3.example.test\n"
                                                       "endpoint_url = https://top.example.test\n",
                                                       {});
    QCOMPARE(profileOrFail(withEndpoint, QStringLiteral("dev")).endpointUrl,
             QStringLiteral("https://top.example.test"));
}

void TestSharedConfig::resolvesServiceEndpointThroughServicesSection()
{
    const aws::SharedConfig config = aws::SharedConfig::parse(kConfig, {});
    QCOMPARE(config.serviceEndpointUrl(QStringLiteral("dev"), QStringLiteral("ivs_realtime")),
             QStringLiteral("http://127.0.0.1:4566"));
    QCOMPARE(config.serviceEndpointUrl(QStringLiteral("dev"), QStringLiteral("IVS_REALTIME")),
             QStringLiteral("http://127.0.0.1:4566"));
    QCOMPARE(config.serviceEndpointUrl(QStringLiteral("dev"), QStringLiteral("s3")),
             QStringLiteral("http://127.0.0.1:9000"));
    QVERIFY(config.serviceEndpointUrl(QStringLiteral("dev"), QStringLiteral("ivs")).isEmpty());
}

void TestSharedConfig::serviceEndpointIsEmptyWithoutServicesSection()
{
    const aws::SharedConfig config =
        aws::SharedConfig::parse(kConfig + "[profile other]\nservices = missing\n", {});
    QVERIFY(config.serviceEndpointUrl(QStringLiteral("default"), QStringLiteral("ivs_realtime"))
                .isEmpty());
    QVERIFY(config.serviceEndpointUrl(QStringLiteral("other"), QStringLiteral("ivs_realtime"))
                .isEmpty());
    QVERIFY(config.serviceEndpointUrl(QStringLiteral("nobody"), QStringLiteral("ivs_realtime"))
                .isEmpty());
}

void TestSharedConfig::readsIgnoreConfiguredEndpointUrls()
{
    const auto config = aws::SharedConfig::parse("[default]\n"
                                                 "ignore_configured_endpoint_urls = TRUE\n"
                                                 "[profile dev]\n"
                                                 "ignore_configured_endpoint_urls = false\n",
                                                 {});
    QVERIFY(profileOrFail(config, QStringLiteral("default")).ignoreConfiguredEndpointUrls);
    QVERIFY(!profileOrFail(config, QStringLiteral("dev")).ignoreConfiguredEndpointUrls);
}

void TestSharedConfig::skipsMalformedLinesWithWarnings_data()
{
    QTest::addColumn<QByteArray>("credentials");
    QTest::addColumn<QString>("where");
    QTest::newRow("line without equals") << QByteArray("[default]\n"
                                                       "aws_access_key_id = AKIDOK\n"
                                                       "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n")
                                         << QStringLiteral("credentials file:3:");
    QTest::newRow("line above first section")
        << QByteArray("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"
                      "[default]\n"
                      "aws_access_key_id = AKIDOK\n")
        << QStringLiteral("credentials file:1:");
    QTest::newRow("empty key") << QByteArray("[default]\n"
                                             "aws_access_key_id = AKIDOK\n"
                                             "= wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n")
                               << QStringLiteral("credentials file:3:");
    QTest::newRow("sub-key without equals")
        << QByteArray("[default]\n"
                      "aws_access_key_id = AKIDOK\n"
                      "s3 =\n"
                      "    wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n")
        << QStringLiteral("credentials file:4:");
}

void TestSharedConfig::skipsMalformedLinesWithWarnings()
{
    QFETCH(QByteArray, credentials);
    QFETCH(QString, where);
    const auto config = aws::SharedConfig::parse({}, credentials);
    QCOMPARE(config.warnings().size(), 1);
    const QString warning = config.warnings().constFirst();
    QVERIFY2(warning.startsWith(where), qPrintable(warning));
    QVERIFY2(!warning.contains(QLatin1String("wJalr")), qPrintable(warning));
    // The rest of the file still counts.
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).accessKeyId,
             QStringLiteral("AKIDOK"));
    QVERIFY(profileOrFail(config, QStringLiteral("default")).secretAccessKey.isEmpty());
}

void TestSharedConfig::malformedHeaderDropsItsKeys()
{
    // Keys under a broken header must not land in the profile above it.
    const auto config = aws::SharedConfig::parse({}, "[default]\n"
                                                     "aws_access_key_id = AKIDDEFAULT\n"
                                                     "[prod\n"
                                                     "aws_access_key_id = AKIDPROD\n"
                                                     "[ci] trailing text\n"
                                                     "aws_access_key_id = AKIDCI\n"
                                                     "[dev] ; a comment is fine\n"
                                                     "aws_access_key_id = AKIDDEV\n");
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).accessKeyId,
             QStringLiteral("AKIDDEFAULT"));
    QCOMPARE(profileOrFail(config, QStringLiteral("dev")).accessKeyId, QStringLiteral("AKIDDEV"));
    QCOMPARE(config.profileNames(),
             (QStringList{QStringLiteral("default"), QStringLiteral("dev")}));
    QCOMPARE(config.warnings().size(), 2);
    QVERIFY(config.warnings().at(0).startsWith(QLatin1String("credentials file:3:")));
    QVERIFY(config.warnings().at(1).startsWith(QLatin1String("credentials file:5:")));
}

void TestSharedConfig::repeatedSectionIsMergedWithWarning()
{
    const auto config = aws::SharedConfig::parse("[profile dev]\n"
                                                 "region = us-east-1\n"
                                                 "output = json\n"
                                                 "[profile dev]\n"
                                                 "region = us-west-2\n",
                                                 {});
    const aws::SharedProfile dev = profileOrFail(config, QStringLiteral("dev"));
    QCOMPARE(dev.region, QStringLiteral("us-west-2"));
    QCOMPARE(config.value(QStringLiteral("dev"), QStringLiteral("output")), QStringLiteral("json"));
    QCOMPARE(config.warnings().size(), 1);
    QVERIFY2(config.warnings().constFirst().startsWith(QLatin1String("config file:4:")),
             qPrintable(config.warnings().constFirst()));
}

void TestSharedConfig::credentialsFileWinsOverConfigFile()
{
    const auto config = aws::SharedConfig::parse("[profile dev]\n"
                                                 "region = us-east-1\n"
                                                 "aws_access_key_id = AKIDFROMCONFIG\n"
                                                 "aws_secret_access_key = config-secret\n"
                                                 "aws_session_token = config-token\n",
                                                 "[dev]\n"
                                                 "aws_access_key_id = AKIDFROMCREDENTIALS\n"
                                                 "aws_secret_access_key = credentials-secret\n");
    const aws::SharedProfile dev = profileOrFail(config, QStringLiteral("dev"));
    QCOMPARE(dev.accessKeyId, QStringLiteral("AKIDFROMCREDENTIALS"));
    QCOMPARE(dev.secretAccessKey, QStringLiteral("credentials-secret"));
    // Keys the credentials file does not set still come from the config file, as in the CLI.
    QCOMPARE(dev.sessionToken, QStringLiteral("config-token"));
    QCOMPARE(dev.region, QStringLiteral("us-east-1"));
}

void TestSharedConfig::credentialsFileTakesProfilePrefixLiterally()
{
    const auto config = aws::SharedConfig::parse({}, "[profile prod]\n"
                                                     "aws_access_key_id = AKIDPREFIXED\n"
                                                     "aws_secret_access_key = prefixed-secret\n");
    QVERIFY(!config.profile(QStringLiteral("prod")));
    QCOMPARE(profileOrFail(config, QStringLiteral("profile prod")).accessKeyId,
             QStringLiteral("AKIDPREFIXED"));
}

void TestSharedConfig::configFileNeedsProfilePrefix()
{
    const auto config = aws::SharedConfig::parse("[dev]\n"
                                                 "region = us-east-1\n"
                                                 "[profile]\n"
                                                 "region = us-east-2\n"
                                                 "[profile default]\n"
                                                 "region = eu-north-1\n"
                                                 "[sso-session corp]\n"
                                                 "sso_region = us-east-1\n"
                                                 "[plugins]\n"
                                                 "cli_legacy_plugin_path = /opt\n",
                                                 {});
    QCOMPARE(config.profileNames(), QStringList{QStringLiteral("default")});
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).region, QStringLiteral("eu-north-1"));
    // Only the nameless [profile] is a mistake; the other sections are legitimate, just not ours.
    QCOMPARE(config.warnings().size(), 1);
    QVERIFY(config.warnings().constFirst().startsWith(QLatin1String("config file:3:")));
}

void TestSharedConfig::acceptsQuotedProfileNames()
{
    const auto config = aws::SharedConfig::parse("[profile \"my team\"]\n"
                                                 "region = us-east-1\n"
                                                 "[profile two words]\n"
                                                 "region = us-east-2\n",
                                                 {});
    QCOMPARE(profileOrFail(config, QStringLiteral("my team")).region, QStringLiteral("us-east-1"));
    QCOMPARE(config.profileNames(), QStringList{QStringLiteral("my team")});
    QCOMPARE(config.warnings().size(), 1);
}

void TestSharedConfig::profileDefaultBeatsBareDefault()
{
    const auto config = aws::SharedConfig::parse("[default]\n"
                                                 "region = us-east-1\n"
                                                 "output = text\n"
                                                 "[profile default]\n"
                                                 "region = eu-central-1\n",
                                                 {});
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).region,
             QStringLiteral("eu-central-1"));
    QVERIFY(config.value(QStringLiteral("default"), QStringLiteral("output")).isEmpty());
    QCOMPARE(config.warnings().size(), 1);
    QVERIFY(config.warnings().constFirst().startsWith(QLatin1String("config file:1:")));
}

void TestSharedConfig::listsProfileNamesSortedWithDefaultFirst()
{
    const auto config = aws::SharedConfig::parse(
        "[profile zeta]\n[profile Beta]\n[profile alpha]\n[default]\n[profile shared]\n",
        "[shared]\n[ci]\n[default]\n");
    QCOMPARE(
        config.profileNames(),
        (QStringList{QStringLiteral("default"), QStringLiteral("alpha"), QStringLiteral("Beta"),
                     QStringLiteral("ci"), QStringLiteral("shared"), QStringLiteral("zeta")}));
    QCOMPARE(aws::SharedConfig::parse("[profile b]\n", "[a]\n").profileNames(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestSharedConfig::describesWhereTheKeysCameFrom()
{
    const auto config = aws::SharedConfig::parse(kConfig + "[profile inline]\n"
                                                           "aws_access_key_id = AKIDINLINE\n"
                                                           "aws_secret_access_key = x\n",
                                                 kCredentials + "[dev]\nregion = x\n");
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).sourceDescription,
             QStringLiteral("credentials file [default]"));
    QCOMPARE(profileOrFail(config, QStringLiteral("inline")).sourceDescription,
             QStringLiteral("config file [profile inline]"));
    // dev's credential_process lives in the config file, even though [dev] exists in both.
    QCOMPARE(profileOrFail(config, QStringLiteral("dev")).sourceDescription,
             QStringLiteral("config file [profile dev]"));
    QCOMPARE(profileOrFail(config, QStringLiteral("ci")).sourceDescription,
             QStringLiteral("credentials file [ci]"));
}

void TestSharedConfig::unknownProfileIsAbsent()
{
    const aws::SharedConfig config = aws::SharedConfig::parse(kConfig, kCredentials);
    QVERIFY(!config.profile(QStringLiteral("nobody")));
    QVERIFY(!config.profile(QStringLiteral("DEV"))); // profile names are case-sensitive
    QVERIFY(config.value(QStringLiteral("nobody"), QStringLiteral("region")).isEmpty());
}

void TestSharedConfig::loadsFromHomeDirectory()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/config")), kConfig));
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")), kCredentials));

    QString error = QStringLiteral("not cleared");
    const auto config =
        aws::SharedConfig::load(environment({{QStringLiteral("HOME"), home.path()}}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(config.configPath(), home.filePath(QStringLiteral(".aws/config")));
    QCOMPARE(config.credentialsPath(), home.filePath(QStringLiteral(".aws/credentials")));
    QCOMPARE(profileOrFail(config, QStringLiteral("dev")).region, QStringLiteral("us-west-2"));
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).sourceDescription,
             QStringLiteral("~/.aws/credentials [default]"));
}

void TestSharedConfig::environmentVariablesChooseTheFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Decoys where HOME points, which the variables must override.
    QVERIFY(
        writeFile(dir.filePath(QStringLiteral("home/.aws/config")), "[default]\nregion = decoy\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("home/.aws/credentials")),
                      "[decoy]\naws_access_key_id = AKIDDECOY\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("elsewhere/conf")),
                      "[default]\nregion = sa-east-1\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("elsewhere/creds")),
                      "[chosen]\naws_access_key_id = AKIDCHOSEN\n"));

    const auto config = aws::SharedConfig::load(environment(
        {{QStringLiteral("HOME"), dir.filePath(QStringLiteral("home"))},
         {QStringLiteral("AWS_CONFIG_FILE"), dir.filePath(QStringLiteral("elsewhere/conf"))},
         {QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
          dir.filePath(QStringLiteral("elsewhere/creds"))}}));
    QCOMPARE(config.configPath(), dir.filePath(QStringLiteral("elsewhere/conf")));
    QCOMPARE(config.profileNames(),
             (QStringList{QStringLiteral("default"), QStringLiteral("chosen")}));
    QCOMPARE(profileOrFail(config, QStringLiteral("default")).region, QStringLiteral("sa-east-1"));
}

void TestSharedConfig::tildeInVariablesMeansHome()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(writeFile(home.filePath(QStringLiteral("aws-files/config")),
                      "[profile tilde]\nregion = us-east-1\n"));
    const auto config = aws::SharedConfig::load(
        environment({{QStringLiteral("HOME"), home.path()},
                     {QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("~/aws-files/config")},
                     {QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                      QStringLiteral("~/aws-files/credentials")}}));
    QCOMPARE(config.configPath(), home.filePath(QStringLiteral("aws-files/config")));
    QCOMPARE(config.credentialsPath(), home.filePath(QStringLiteral("aws-files/credentials")));
    QCOMPARE(config.profileNames(), QStringList{QStringLiteral("tilde")});
}

void TestSharedConfig::missingFilesAreAnEmptyConfig()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QString error = QStringLiteral("not cleared");
    const auto config =
        aws::SharedConfig::load(environment({{QStringLiteral("HOME"), home.path()}}), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(config.profileNames().isEmpty());
    QVERIFY(config.warnings().isEmpty());
    QVERIFY(!config.profile(QStringLiteral("default")));
}

void TestSharedConfig::unreadableFileIsAnError()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString credentialsPath = home.filePath(QStringLiteral(".aws/credentials"));
    QVERIFY(writeFile(credentialsPath, "[default]\naws_secret_access_key = x\n"));
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/config")), "[profile dev]\n"));
    QVERIFY(QFile::setPermissions(credentialsPath, QFileDevice::Permissions()));
    if (QFile(credentialsPath).open(QIODevice::ReadOnly))
        QSKIP("Running with privileges that ignore file permissions (root?)");

    QString error;
    const auto config =
        aws::SharedConfig::load(environment({{QStringLiteral("HOME"), home.path()}}), &error);
    QVERIFY2(error.contains(credentialsPath), qPrintable(error));
    QCOMPARE(config.profileNames(),
             QStringList{QStringLiteral("dev")}); // the other file still read
}

void TestSharedConfig::directoryInsteadOfFileIsAnError()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws/config")));
    QString error;
    aws::SharedConfig::load(environment({{QStringLiteral("HOME"), home.path()}}), &error);
    QVERIFY2(error.contains(home.filePath(QStringLiteral(".aws/config"))), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("directory")), qPrintable(error));
}

void TestSharedConfig::warningsNameTheFileAsTheUserKnowsIt()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")),
                      "[default]\n" + kSecret.toUtf8() + '\n'));
    const auto config =
        aws::SharedConfig::load(environment({{QStringLiteral("HOME"), home.path()}}));
    QCOMPARE(config.warnings().size(), 1);
    QVERIFY2(config.warnings().constFirst().startsWith(QLatin1String("~/.aws/credentials:2: ")),
             qPrintable(config.warnings().constFirst()));
    QVERIFY(!config.warnings().constFirst().contains(kSecret));
}

void TestSharedConfig::resolvesDefaultProfileName_data()
{
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QString>("awsDefaultProfile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("neither") << QString() << QString() << QStringLiteral("default");
    QTest::newRow("AWS_PROFILE") << QStringLiteral("dev") << QString() << QStringLiteral("dev");
    QTest::newRow("AWS_DEFAULT_PROFILE")
        << QString() << QStringLiteral("legacy") << QStringLiteral("legacy");
    QTest::newRow("AWS_PROFILE wins")
        << QStringLiteral("dev") << QStringLiteral("legacy") << QStringLiteral("dev");
    QTest::newRow("blank AWS_PROFILE ignored")
        << QStringLiteral("  ") << QStringLiteral("legacy") << QStringLiteral("legacy");
}

void TestSharedConfig::resolvesDefaultProfileName()
{
    QFETCH(QString, awsProfile);
    QFETCH(QString, awsDefaultProfile);
    QFETCH(QString, expected);
    QProcessEnvironment environment;
    if (!awsProfile.isNull())
        environment.insert(QStringLiteral("AWS_PROFILE"), awsProfile);
    if (!awsDefaultProfile.isNull())
        environment.insert(QStringLiteral("AWS_DEFAULT_PROFILE"), awsDefaultProfile);
    QCOMPARE(aws::defaultProfileName(environment), expected);
}

QTEST_GUILESS_MAIN(TestSharedConfig)
#include "tst_shared_config.moc"
