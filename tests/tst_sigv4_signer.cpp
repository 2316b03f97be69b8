#include "aws/sigv4_signer.h"
#include "support/test_data.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

namespace {

const QString kSuiteDir = QStringLiteral("sigv4-test-suite/v4");
constexpr qsizetype kSuiteCaseCount = 38;

// A request as written in the suite's request.txt: request line, headers, blank line, body.
// A header line starting with whitespace continues the previous header's value.
aws::HttpRequestToSign parseRawRequest(const QByteArray &raw)
{
    aws::HttpRequestToSign request;
    const qsizetype headEnd = raw.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? raw : raw.left(headEnd);
    if (headEnd >= 0)
        request.body = raw.mid(headEnd + 2);

    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const qsizetype targetEnd = requestLine.lastIndexOf(' '); // paths may contain spaces
    request.method = requestLine.left(methodEnd);
    const QByteArray target = requestLine.mid(methodEnd + 1, targetEnd - methodEnd - 1);
    const qsizetype queryStart = target.indexOf('?');
    request.path = queryStart < 0 ? target : target.left(queryStart);
    if (queryStart >= 0)
        request.query = target.mid(queryStart + 1);

    for (const QByteArray &line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !request.headers.isEmpty()) {
            request.headers.last().second.append('\n' + line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return request;
}

QByteArray headerValue(const aws::HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

struct SuiteCase {
    aws::HttpRequestToSign request;
    aws::Credentials credentials;
    aws::SigningOptions options;
};

SuiteCase loadCase(const QString &name)
{
    const QString dir = kSuiteDir + QLatin1Char('/') + name + QLatin1Char('/');
    const QJsonObject context =
        QJsonDocument::fromJson(testsupport::readTestData(dir + QStringLiteral("context.json")))
            .object();
    const QJsonObject credentials = context.value(QStringLiteral("credentials")).toObject();

    SuiteCase suiteCase;
    suiteCase.request =
        parseRawRequest(testsupport::readTestData(dir + QStringLiteral("request.txt")));
    suiteCase.credentials.accessKeyId =
        credentials.value(QStringLiteral("access_key_id")).toString();
    suiteCase.credentials.secretAccessKey =
        credentials.value(QStringLiteral("secret_access_key")).toString();
    suiteCase.credentials.sessionToken = credentials.value(QStringLiteral("token")).toString();
    suiteCase.options.region = context.value(QStringLiteral("region")).toString();
    suiteCase.options.service = context.value(QStringLiteral("service")).toString();
    suiteCase.options.signingTime =
        QDateTime::fromString(context.value(QStringLiteral("timestamp")).toString(), Qt::ISODate);
    suiteCase.options.normalizePath = context.value(QStringLiteral("normalize")).toBool(true);
    suiteCase.options.addContentSha256Header = context.value(QStringLiteral("sign_body")).toBool();
    suiteCase.options.omitSessionTokenFromSignature =
        context.value(QStringLiteral("omit_session_token")).toBool();
    return suiteCase;
}

aws::HttpRequestToSign ivsRequest(const QByteArray &path)
{
    return aws::HttpRequestToSign{
        "POST",
        path,
        {},
        {{"Host", "ivs.us-west-2.amazonaws.com"}, {"Content-Type", "application/json"}},
        R"({"arn":"arn:aws:ivs:us-west-2:123456789012:stage/abcd"})"};
}

aws::SigningOptions ivsOptions()
{
    aws::SigningOptions options;
    options.region = QStringLiteral("us-west-2");
    options.service = QStringLiteral("ivs");
    options.signingTime = QDateTime(QDate(2024, 5, 17), QTime(9, 30, 0), QTimeZone::utc());
    return options;
}

const aws::Credentials kIvsCredentials{QStringLiteral("AKIDEXAMPLE"),
                                       QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                       {},
                                       {}};

} // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT

private slots:
    void matchesAwsTestSuite_data();
    void matchesAwsTestSuite();

    void parsesFoldedHeaderIntoOneValue();
    void encodesAlreadyPercentEncodedPathAgain();
    void signatureDependsOnSecret();
    void signatureDependsOnSigningDay();
    void eachSigningInputChangesTheScopeOrKey();
    void formatsAmzDateInUtc();
};

void TestSigV4Signer::matchesAwsTestSuite_data()
{
    QTest::addColumn<QString>("name");

    const QDir suite(testsupport::testDataPath(kSuiteDir));
    const QStringList names = suite.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    // A missing or half-copied suite must fail rather than quietly test less.
    QCOMPARE(names.size(), kSuiteCaseCount);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestSigV4Signer::matchesAwsTestSuite()
{
    QFETCH(QString, name);
    const QString dir = kSuiteDir + QLatin1Char('/') + name + QLatin1Char('/');
    const SuiteCase suiteCase = loadCase(name);
    QVERIFY(suiteCase.options.signingTime.isValid());
    QCOMPARE(suiteCase.options.signingTime.timeSpec(), Qt::UTC);

    const aws::SigningResult result =
        aws::SigV4Signer::sign(suiteCase.request, suiteCase.credentials, suiteCase.options);

    QCOMPARE(result.canonicalRequest,
             testsupport::readTestData(dir + QStringLiteral("header-canonical-request.txt")));
    QCOMPARE(result.stringToSign,
             testsupport::readTestData(dir + QStringLiteral("header-string-to-sign.txt")));
    QCOMPARE(result.signature,
             testsupport::readTestData(dir + QStringLiteral("header-signature.txt")));

    const aws::HttpRequestToSign signedRequest = parseRawRequest(
        testsupport::readTestData(dir + QStringLiteral("header-signed-request.txt")));
    QCOMPARE(result.authorization, headerValue(signedRequest.headers, "Authorization"));

    // What the signer asks the caller to add is exactly what the signed request gained.
    QCOMPARE(signedRequest.headers.size(),
             suiteCase.request.headers.size() + result.headersToAdd.size());
    for (const auto &[added, value] : result.headersToAdd)
        QCOMPARE(headerValue(signedRequest.headers, added), value);
}

void TestSigV4Signer::parsesFoldedHeaderIntoOneValue()
{
    const aws::HttpRequestToSign request =
        parseRawRequest("GET /a b?x=1 HTTP/1.1\nHost:h\nMy-Header1:value1\n  value2\n\nbody");

    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/a b"));
    QCOMPARE(request.query, QByteArray("x=1"));
    QCOMPARE(request.headers.size(), 2);
    QCOMPARE(request.headers.at(1).second, QByteArray("value1\n  value2"));
    QCOMPARE(request.body, QByteArray("body"));
}

void TestSigV4Signer::encodesAlreadyPercentEncodedPathAgain()
{
    const aws::SigningResult result =
        aws::SigV4Signer::sign(ivsRequest("/tags/arn%3Aaws%3Aivs"), kIvsCredentials, ivsOptions());

    QCOMPARE(result.canonicalRequest.split('\n').value(1), QByteArray("/tags/arn%253Aaws%253Aivs"));
    QCOMPARE(aws::SigV4Signer::canonicalUri("/tags/arn%3Aaws%3Aivs", true),
             QByteArray("/tags/arn%253Aaws%253Aivs"));
}

void TestSigV4Signer::signatureDependsOnSecret()
{
    aws::Credentials otherSecret = kIvsCredentials;
    otherSecret.secretAccessKey.append(QLatin1Char('x'));

    const aws::SigningResult original =
        aws::SigV4Signer::sign(ivsRequest("/GetStage"), kIvsCredentials, ivsOptions());
    const aws::SigningResult changed =
        aws::SigV4Signer::sign(ivsRequest("/GetStage"), otherSecret, ivsOptions());

    QCOMPARE(changed.canonicalRequest, original.canonicalRequest);
    QCOMPARE(changed.stringToSign, original.stringToSign);
    QVERIFY(changed.signature != original.signature);
    QCOMPARE(changed.signature.size(), 64);
}

void TestSigV4Signer::signatureDependsOnSigningDay()
{
    aws::SigningOptions nextDay = ivsOptions();
    nextDay.signingTime = nextDay.signingTime.addDays(1);

    const aws::SigningResult original =
        aws::SigV4Signer::sign(ivsRequest("/GetStage"), kIvsCredentials, ivsOptions());
    const aws::SigningResult later =
        aws::SigV4Signer::sign(ivsRequest("/GetStage"), kIvsCredentials, nextDay);

    QVERIFY(later.signature != original.signature);
    QVERIFY(later.authorization.contains("/20240518/us-west-2/ivs/aws4_request,"));
}

void TestSigV4Signer::eachSigningInputChangesTheScopeOrKey()
{
    // The key and scope are reused between requests: a change to any one input must show.
    const aws::HttpRequestToSign request = ivsRequest("/GetStage");
    const aws::SigningResult original =
        aws::SigV4Signer::sign(request, kIvsCredentials, ivsOptions());

    aws::Credentials otherId = kIvsCredentials;
    otherId.accessKeyId = QStringLiteral("AKIDOTHER");
    const aws::SigningResult byOtherId = aws::SigV4Signer::sign(request, otherId, ivsOptions());
    QVERIFY(byOtherId.authorization.startsWith(
        "AWS4-HMAC-SHA256 Credential=AKIDOTHER/20240517/us-west-2/ivs/aws4_request,"));
    QCOMPARE(byOtherId.signature, original.signature);

    aws::SigningOptions otherRegion = ivsOptions();
    otherRegion.region = QStringLiteral("eu-west-1");
    const aws::SigningResult inOtherRegion =
        aws::SigV4Signer::sign(request, kIvsCredentials, otherRegion);
    QVERIFY(inOtherRegion.stringToSign.contains("\n20240517/eu-west-1/ivs/aws4_request\n"));
    QVERIFY(inOtherRegion.signature != original.signature);

    aws::SigningOptions otherService = ivsOptions();
    otherService.service = QStringLiteral("ivsrealtime");
    const aws::SigningResult forOtherService =
        aws::SigV4Signer::sign(request, kIvsCredentials, otherService);
    QVERIFY(forOtherService.authorization.contains("/us-west-2/ivsrealtime/aws4_request,"));
    QVERIFY(forOtherService.signature != original.signature);

    // Back to the first inputs: exactly the first result again.
    const aws::SigningResult again = aws::SigV4Signer::sign(request, kIvsCredentials, ivsOptions());
    QCOMPARE(again.signature, original.signature);
    QCOMPARE(again.authorization, original.authorization);
}

void TestSigV4Signer::formatsAmzDateInUtc()
{
    // 14:36 at UTC+2 is 12:36 UTC: the header must carry UTC whatever zone the caller used.
    const QDateTime local(QDate(2015, 8, 30), QTime(14, 36, 0), QTimeZone(2 * 3600));

    QCOMPARE(aws::SigV4Signer::amzDate(local), QByteArray("20150830T123600Z"));
    QCOMPARE(
        aws::SigV4Signer::amzDate(QDateTime(QDate(2009, 1, 2), QTime(3, 4, 5), QTimeZone::utc())),
        QByteArray("20090102T030405Z"));
    QCOMPARE(aws::SigV4Signer::credentialScope(local, QStringLiteral("us-east-1"),
                                               QStringLiteral("service")),
             QByteArray("20150830/us-east-1/service/aws4_request"));
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4_signer.moc"
