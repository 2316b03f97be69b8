// Where signed requests may go: endpoint override precedence, the plain-http guard and the
// AWS_CA_BUNDLE loader. Only URLs are parsed here; nothing connects anywhere.

#include "aws/endpoint_config.h"
#include "support/test_certificates.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kExplicit = QStringLiteral("https://explicit.example.test");
const QString kServiceSpecific = QStringLiteral("https://service-specific.example.test");
const QString kGlobal = QStringLiteral("https://global.example.test");

QProcessEnvironment environment(std::initializer_list<std::pair<QString, QString>> variables)
{
    QProcessEnvironment result;
    for (const auto &[name, value] : variables)
        result.insert(name, value);
    return result;
}

QProcessEnvironment bothEndpointVariables()
{
    return environment({{QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"), kServiceSpecific},
                        {QStringLiteral("AWS_ENDPOINT_URL"), kGlobal}});
}

} // namespace

class TestEndpointConfig : public QObject {
    Q_OBJECT

private slots:
    // Precedence
    void explicitUrlBeatsEnvironment();
    void serviceSpecificVariableBeatsGlobalOne();
    void globalVariableAppliesAlone();
    void ignoreConfiguredUrlsSkipsEnvironment();
    void ignoreConfiguredUrlsKeepsExplicitUrl();
    void withoutOverrideUsesRegionalEndpoint();
    void configFileServiceUrlComesAfterEnvironment();
    void configFileProfileUrlComesLast();
    void profileCanIgnoreConfiguredUrls();

    // The plain-http guard
    void allowsPlainHttpToLoopback_data();
    void allowsPlainHttpToLoopback();
    void refusesPlainHttpToOtherHosts_data();
    void refusesPlainHttpToOtherHosts();
    void refusesOtherSchemes();

    // AWS_CA_BUNDLE
    void reportsMissingCaBundle();
    void reportsCaBundleWithoutCertificates();
    void loadsCaBundle();
};

void TestEndpointConfig::explicitUrlBeatsEnvironment()
{
    QString error;
    const auto config = aws::resolveEndpointConfig(kExplicit, bothEndpointVariables(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(kExplicit));
    QCOMPARE(config->overrideSource, QStringLiteral("--endpoint-url"));
    QCOMPARE(config->baseUrl(QStringLiteral("us-west-2")), QUrl(kExplicit));
}

void TestEndpointConfig::serviceSpecificVariableBeatsGlobalOne()
{
    QString error;
    const auto config = aws::resolveEndpointConfig({}, bothEndpointVariables(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(kServiceSpecific));
    QCOMPARE(config->overrideSource, QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"));
}

void TestEndpointConfig::globalVariableAppliesAlone()
{
    QString error;
    const auto config = aws::resolveEndpointConfig(
        {}, environment({{QStringLiteral("AWS_ENDPOINT_URL"), kGlobal}}), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(kGlobal));
    QCOMPARE(config->overrideSource, QStringLiteral("AWS_ENDPOINT_URL"));
}

void TestEndpointConfig::ignoreConfiguredUrlsSkipsEnvironment()
{
    QProcessEnvironment variables = bothEndpointVariables();
    variables.insert(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), QStringLiteral("true"));
    QString error;
    const auto config = aws::resolveEndpointConfig({}, variables, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->overrideUrl.isEmpty());
    QCOMPARE(config->baseUrl(QStringLiteral("eu-west-1")),
             QUrl(QStringLiteral("https://ivsrealtime.eu-west-1.amazonaws.com")));
}

void TestEndpointConfig::ignoreConfiguredUrlsKeepsExplicitUrl()
{
    QProcessEnvironment variables = bothEndpointVariables();
    variables.insert(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), QStringLiteral("true"));
    QString error;
    const auto config = aws::resolveEndpointConfig(kExplicit, variables, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(kExplicit));
    QCOMPARE(config->overrideSource, QStringLiteral("--endpoint-url"));
}

void TestEndpointConfig::withoutOverrideUsesRegionalEndpoint()
{
    QString error;
    const auto config = aws::resolveEndpointConfig({}, QProcessEnvironment(), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->overrideUrl.isEmpty());
    QVERIFY(config->overrideSource.isEmpty());
    QVERIFY(!config->extraCas);
    QCOMPARE(config->baseUrl(QStringLiteral("us-east-1")),
             QUrl(QStringLiteral("https://ivsrealtime.us-east-1.amazonaws.com")));
    QCOMPARE(config->baseUrl(QStringLiteral("ap-northeast-1")),
             QUrl(QStringLiteral("https://ivsrealtime.ap-northeast-1.amazonaws.com")));
}

namespace {
aws::ConfiguredEndpoints configuredInFile()
{
    aws::ConfiguredEndpoints configured;
    configured.profileName = QStringLiteral("local");
    configured.serviceUrl = QStringLiteral("http://127.0.0.1:4566");
    configured.profileUrl = QStringLiteral("https://profile-wide.example.test");
    return configured;
}
} // namespace

void TestEndpointConfig::configFileServiceUrlComesAfterEnvironment()
{
    QString error;
    auto config =
        aws::resolveEndpointConfig({}, bothEndpointVariables(), &error, configuredInFile());
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(kServiceSpecific));

    config = aws::resolveEndpointConfig({}, QProcessEnvironment(), &error, configuredInFile());
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(QStringLiteral("http://127.0.0.1:4566")));
    QVERIFY2(
        config->overrideSource.contains(QLatin1String("services section of profile \"local\"")),
        qPrintable(config->overrideSource));
}

void TestEndpointConfig::configFileProfileUrlComesLast()
{
    aws::ConfiguredEndpoints configured = configuredInFile();
    configured.serviceUrl.clear();
    QString error;
    const auto config = aws::resolveEndpointConfig({}, QProcessEnvironment(), &error, configured);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(QStringLiteral("https://profile-wide.example.test")));
}

void TestEndpointConfig::profileCanIgnoreConfiguredUrls()
{
    aws::ConfiguredEndpoints configured = configuredInFile();
    configured.ignoreConfigured = true;
    QString error;
    auto config = aws::resolveEndpointConfig({}, bothEndpointVariables(), &error, configured);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->overrideUrl.isEmpty());
    config = aws::resolveEndpointConfig(kExplicit, bothEndpointVariables(), &error, configured);
    QCOMPARE(config->overrideUrl, QUrl(kExplicit));
}

void TestEndpointConfig::allowsPlainHttpToLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("IPv4 loopback") << QStringLiteral("http://127.0.0.1:4566");
    QTest::newRow("IPv6 loopback") << QStringLiteral("http://[::1]:8080");
    QTest::newRow("localhost") << QStringLiteral("http://localhost:4566");
}

void TestEndpointConfig::allowsPlainHttpToLoopback()
{
    QFETCH(QString, url);
    QString error;
    const auto config = aws::resolveEndpointConfig(url, QProcessEnvironment(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->overrideUrl, QUrl(url));
    QCOMPARE(aws::endpointUrlProblem(config->baseUrl(QStringLiteral("us-west-2"))), QString());
}

void TestEndpointConfig::refusesPlainHttpToOtherHosts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::newRow("public name") << QStringLiteral("http://example.com")
                                 << QStringLiteral("example.com");
    QTest::newRow("private address")
        << QStringLiteral("http://10.1.2.3:4566") << QStringLiteral("10.1.2.3");
    // Looks local to a careless prefix check, but resolves wherever its owner wants.
    QTest::newRow("name starting with localhost")
        << QStringLiteral("http://localhost.example.com:4566")
        << QStringLiteral("localhost.example.com");
}

void TestEndpointConfig::refusesPlainHttpToOtherHosts()
{
    QFETCH(QString, url);
    QFETCH(QString, host);
    QString error;
    const auto config = aws::resolveEndpointConfig(
        {}, environment({{QStringLiteral("AWS_ENDPOINT_URL"), url}}), &error);
    QVERIFY(!config);
    // The user must learn which host, why, what would work, and which setting to fix.
    QVERIFY2(error.contains(host), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("plain http")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("https")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("loopback")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("AWS_ENDPOINT_URL")), qPrintable(error));
}

void TestEndpointConfig::refusesOtherSchemes()
{
    QString error;
    const auto config = aws::resolveEndpointConfig(QStringLiteral("ftp://127.0.0.1/"),
                                                   QProcessEnvironment(), &error);
    QVERIFY(!config);
    QVERIFY2(error.contains(QStringLiteral("ftp://127.0.0.1/")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("https://")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("--endpoint-url")), qPrintable(error));
}

void TestEndpointConfig::reportsMissingCaBundle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no-such-bundle.pem"));
    QString error;
    const auto config = aws::resolveEndpointConfig(
        {}, environment({{QStringLiteral("AWS_CA_BUNDLE"), path}}), &error);
    QVERIFY(!config);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("AWS_CA_BUNDLE")), qPrintable(error));
}

void TestEndpointConfig::reportsCaBundleWithoutCertificates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty-bundle.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# certificates go here\n");
    file.close();

    QString error;
    const auto config = aws::resolveEndpointConfig(
        {}, environment({{QStringLiteral("AWS_CA_BUNDLE"), path}}), &error);
    QVERIFY(!config);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("AWS_CA_BUNDLE")), qPrintable(error));
}

void TestEndpointConfig::loadsCaBundle()
{
    testsupport::TestCertificates certificates;
    QString error;
    QVERIFY2(certificates.generate(&error), qPrintable(error));

    const auto config = aws::resolveEndpointConfig(
        {}, environment({{QStringLiteral("AWS_CA_BUNDLE"), certificates.caCertificatePath()}}),
        &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->extraCas);
    QVERIFY(config->extraCas->certificates().size() >= 1);
    QCOMPARE(config->extraCas->certificates().first().subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("IVS Stage Browser Test CA")});
    QCOMPARE(config->caBundlePath, certificates.caCertificatePath());
    // A CA bundle changes whom to trust, not where requests go.
    QVERIFY(config->overrideUrl.isEmpty());
}

QTEST_GUILESS_MAIN(TestEndpointConfig)
#include "tst_endpoint_config.moc"
