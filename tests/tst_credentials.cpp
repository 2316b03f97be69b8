#include "aws/credentials.h"
#include "aws/environment_credential_provider.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kToken = QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN");

aws::CredentialResult fetchSync(aws::CredentialProvider &provider)
{
    QObject context;
    std::optional<aws::CredentialResult> result;
    provider.fetchCredentials(&context, [&result](const aws::CredentialResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 1000))
        return aws::CredentialError{QStringLiteral("no answer within a second")};
    return result.value_or(aws::CredentialError{QStringLiteral("no answer")});
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT
private slots:
    void debugOutputNeverShowsSecrets();
    void accessKeyIdIsMasked();
    void environmentProviderReadsAllThreeVariables();
    void environmentProviderExplainsWhatIsMissing_data();
    void environmentProviderExplainsWhatIsMissing();
    void providersAnswerAsynchronously();
};

void TestCredentials::debugOutputNeverShowsSecrets()
{
    const aws::Credentials credentials{QStringLiteral("AKIDEXAMPLE12345"), kSecret, kToken, {}};
    QString printed;
    QDebug(&printed) << credentials;
    QVERIFY(!printed.contains(kSecret));
    QVERIFY(!printed.contains(kToken));
    QVERIFY(!printed.contains(QLatin1String("AKIDEXAMPLE12345")));
    QVERIFY2(printed.contains(QStringLiteral("AKID…2345")), qPrintable(printed));
    QVERIFY(printed.contains(QLatin1String("<redacted>")));
    QCOMPARE(credentials.redactedSummary(), QStringLiteral("AKID…2345 (with session token)"));
}

void TestCredentials::accessKeyIdIsMasked()
{
    QCOMPARE(aws::maskAccessKeyId(QStringLiteral("AKIAIOSFODNN7EXAMPLE")),
             QStringLiteral("AKIA…MPLE"));
    QCOMPARE(aws::maskAccessKeyId(QStringLiteral("SHORTKEY")), QStringLiteral("********"));
}

void TestCredentials::environmentProviderReadsAllThreeVariables()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral(" AKIDENV "));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
    environment.insert(QStringLiteral("AWS_SESSION_TOKEN"), kToken);
    aws::EnvironmentCredentialProvider provider(environment);
    const auto result = provider.read();
    const auto *credentials = std::get_if<aws::Credentials>(&result);
    QVERIFY(credentials);
    QCOMPARE(credentials->accessKeyId, QStringLiteral("AKIDENV"));
    QCOMPARE(credentials->secretAccessKey, kSecret);
    QCOMPARE(credentials->sessionToken, kToken);
    QVERIFY(aws::EnvironmentCredentialProvider::isConfigured(environment));
}

void TestCredentials::environmentProviderExplainsWhatIsMissing_data()
{
    QTest::addColumn<QString>("accessKey");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("neither") << QString() << QString()
                             << QStringLiteral("No AWS credentials found");
    QTest::newRow("no secret") << QStringLiteral("AKID") << QString()
                               << QStringLiteral("AWS_SECRET_ACCESS_KEY is empty");
    QTest::newRow("no key id") << QString() << kSecret
                               << QStringLiteral("AWS_ACCESS_KEY_ID is empty");
}

void TestCredentials::environmentProviderExplainsWhatIsMissing()
{
    QFETCH(QString, accessKey);
    QFETCH(QString, secret);
    QFETCH(QString, message);
    QProcessEnvironment environment;
    if (!accessKey.isEmpty())
        environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), accessKey);
    if (!secret.isEmpty())
        environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
    const auto result = aws::EnvironmentCredentialProvider(environment).read();
    const auto *error = std::get_if<aws::CredentialError>(&result);
    QVERIFY(error);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QVERIFY(!error->message.contains(kSecret));
}

void TestCredentials::providersAnswerAsynchronously()
{
    aws::StaticCredentialProvider provider(
        aws::Credentials{QStringLiteral("AKID"), kSecret, {}, {}}, QStringLiteral("static"));
    QObject context;
    bool answered = false;
    provider.fetchCredentials(&context,
                              [&answered](const aws::CredentialResult &) { answered = true; });
    QVERIFY(!answered); // never re-entrantly, so callers see one behaviour for every provider
    QTRY_VERIFY(answered);

    const auto result = fetchSync(provider);
    QCOMPARE(std::get<aws::Credentials>(result).accessKeyId, QStringLiteral("AKID"));
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
