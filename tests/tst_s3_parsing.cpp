// What the S3 layer reads and decides without a server: the ListObjectsV2 and error parsers
// (bounded, whatever they are given), the errors of bodiless HEAD answers, where requests go
// (endpoint settings, virtual-hosted or path style) and which names are refused.

#include "s3/s3_endpoint.h"
#include "s3/s3_errors.h"
#include "s3/s3_listing.h"

#include <QTest>
#include <QTimeZone>

namespace {

// A page as S3 sends it (encoding-type=url), with members the parser skips.
const QByteArray kListing =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n"
    "  <Name>recordings</Name><Prefix>show%2F</Prefix><KeyCount>2</KeyCount>\n"
    "  <MaxKeys>1000</MaxKeys>\n"
    "  <IsTruncated>true</IsTruncated>\n"
    "  <Contents>\n"
    "    <Key>show%2Fa+b%2Bc%3D.ts</Key>\n"
    "    <LastModified>2026-11-20T10:15:30.250Z</LastModified>\n"
    "    <ETag>&quot;fba9dede5f27731c9771645a39863328&quot;</ETag>\n"
    "    <ChecksumAlgorithm>CRC32</ChecksumAlgorithm>\n"
    "    <Size>434234</Size>\n"
    "    <Owner><ID>75aa57f0</ID><DisplayName>ann</DisplayName></Owner>\n"
    "    <StorageClass>STANDARD</StorageClass>\n"
    "  </Contents>\n"
    "  <Contents>\n"
    "    <Key>show%2FGr%C3%BC%C3%9Fe.ts</Key>\n"
    "    <ETag>\"9b2cf535f27731c974343645a3985328-3\"</ETag>\n"
    "    <Size>0</Size>\n"
    "  </Contents>\n"
    "  <EncodingType>url</EncodingType>\n"
    "  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="
    "</NextContinuationToken>\n"
    "</ListBucketResult>";

QByteArray listingWith(const QByteArray &contents)
{
    return "<ListBucketResult><IsTruncated>false</IsTruncated>" + contents + "</ListBucketResult>";
}

QProcessEnvironment environment(const QList<QPair<QString, QString>> &variables)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return env;
}

} // namespace

class TestS3Parsing : public QObject {
    Q_OBJECT

private slots:
    void parsesListingPage();
    void keepsPlusWithoutUrlEncoding();
    void refusesWhatIsNotAListing_data();
    void refusesWhatIsNotAListing();
    void parsesErrorBody();
    void mapsBodilessHeadAnswers();
    void describesNonXmlBodyAsUnexpected();
    void namesOnlyWellFormedRegions();
    void resolvesS3EndpointByPrecedence();
    void refusesUnusableEndpoint();
    void addressesVirtualHostedOrPathStyle();
    void refusesBadNames();
};

void TestS3Parsing::parsesListingPage()
{
    QString problem;
    const auto page = s3::parseListObjectsPage(kListing, &problem);
    QVERIFY2(page, qPrintable(problem));
    QVERIFY(page->truncated);
    QVERIFY(page->urlEncoded);
    QCOMPARE(page->nextContinuationToken,
             QStringLiteral("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="));
    QCOMPARE(page->objects.size(), 2);
    const s3::ObjectInfo &first = page->objects.at(0);
    QCOMPARE(first.key, QStringLiteral("show/a b+c=.ts"));
    QCOMPARE(first.size, 434234);
    QCOMPARE(first.etag, QByteArray("fba9dede5f27731c9771645a39863328"));
    QCOMPARE(first.lastModified,
             QDateTime(QDate(2026, 11, 20), QTime(10, 15, 30, 250), QTimeZone::utc()));
    const s3::ObjectInfo &second = page->objects.at(1);
    QCOMPARE(second.key, QStringLiteral("show/Grüße.ts"));
    QCOMPARE(second.size, 0);
    QCOMPARE(second.etag, QByteArray("9b2cf535f27731c974343645a3985328-3"));
    QVERIFY(!second.lastModified.isValid());
}

void TestS3Parsing::keepsPlusWithoutUrlEncoding()
{
    QString problem;
    const auto page = s3::parseListObjectsPage(
        listingWith("<Contents><Key>a+b &amp; c%20</Key><Size>1</Size></Contents>"), &problem);
    QVERIFY2(page, qPrintable(problem));
    QVERIFY(!page->truncated);
    QVERIFY(!page->urlEncoded);
    QCOMPARE(page->objects.first().key, QStringLiteral("a+b & c%20"));
}

void TestS3Parsing::refusesWhatIsNotAListing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");

    QTest::newRow("html") << QByteArray("<html><body>Blocked</body></html>") << "not a listing";
    QTest::newRow("error") << QByteArray("<Error><Code>AccessDenied</Code></Error>")
                           << "not a listing";
    QTest::newRow("json") << QByteArray("{\"Contents\": []}") << "not well-formed";
    QTest::newRow("empty") << QByteArray() << "XML";
    QTest::newRow("truncated") << QByteArray("<ListBucketResult><Contents><Key>a</Key>")
                               << "not well-formed";
    QTest::newRow("entities")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                      "\"&a;&a;&a;\">]>"
                      "<ListBucketResult><Contents><Key>&b;</Key></Contents></ListBucketResult>")
        << "DTD";
    QTest::newRow("deep") << listingWith(QByteArray("<a>").repeated(20) +
                                         QByteArray("</a>").repeated(20))
                          << "deeper";
    QTest::newRow("many elements")
        << listingWith(QByteArray("<x/>").repeated(200001)) << "more than 200000 elements";
    QTest::newRow("size not a number")
        << listingWith("<Contents><Key>a</Key><Size>12kB</Size></Contents>") << "not a number";
    QTest::newRow("negative size")
        << listingWith("<Contents><Key>a</Key><Size>-1</Size></Contents>") << "not a number";
    QTest::newRow("no key") << listingWith("<Contents><Size>1</Size></Contents>") << "no key";
    QTest::newRow("empty key") << listingWith("<Contents><Key/></Contents>") << "no key";
    QTest::newRow("key not utf-8")
        << QByteArray("<ListBucketResult><Contents><Key>a%FF</Key></Contents>"
                      "<EncodingType>url</EncodingType></ListBucketResult>")
        << "not UTF-8";
    QTest::newRow("key too long") << listingWith("<Contents><Key>" + QByteArray(5000, 'k') +
                                                 "</Key></Contents>")
                                  << "longer than 4096 bytes";
    QTest::newRow("too large") << listingWith(QByteArray(9 * 1024 * 1024, ' ')) << "larger than";
    QTest::newRow("two roots") << QByteArray("<ListBucketResult/><ListBucketResult/>") << "XML";
}

void TestS3Parsing::refusesWhatIsNotAListing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);

    QString problem;
    const auto page = s3::parseListObjectsPage(body, &problem);
    QVERIFY(!page);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
}

void TestS3Parsing::parsesErrorBody()
{
    QString problem;
    const auto error = s3::parseS3ErrorBody(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AuthorizationHeaderMalformed"
        "</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; "
        "expecting 'eu-west-1'</Message><Region>eu-west-1</Region><RequestId>R1</RequestId>"
        "<HostId>H</HostId></Error>",
        &problem);
    QVERIFY2(error, qPrintable(problem));
    QCOMPARE(error->code, QStringLiteral("AuthorizationHeaderMalformed"));
    QCOMPARE(error->region, QStringLiteral("eu-west-1"));
    QCOMPARE(error->requestId, QStringLiteral("R1"));
    QVERIFY(error->message.startsWith(QStringLiteral("The authorization header")));

    QVERIFY(!s3::parseS3ErrorBody("<ListBucketResult/>", &problem));
    QVERIFY(
        !s3::parseS3ErrorBody("<Error>" + QByteArray(2 * 1024 * 1024, 'x') + "</Error>", &problem));
}

void TestS3Parsing::mapsBodilessHeadAnswers()
{
    const ivs::ServiceError denied =
        s3::serviceErrorFromS3Response(403, {}, "R", QStringLiteral("list"));
    QCOMPARE(denied.category, ivs::ErrorCategory::AccessDenied);
    QVERIFY(denied.nextStep.contains(QStringLiteral("s3:ListBucket")));
    QCOMPARE(denied.requestId, QStringLiteral("R"));

    const ivs::ServiceError noBucket =
        s3::serviceErrorFromS3Response(404, {}, {}, QStringLiteral("list"));
    QCOMPARE(noBucket.category, ivs::ErrorCategory::NotFound);
    QVERIFY(noBucket.summary.contains(QStringLiteral("Bucket")));
    const ivs::ServiceError noObject =
        s3::serviceErrorFromS3Response(404, {}, {}, QStringLiteral("read"));
    QVERIFY(noObject.summary.contains(QStringLiteral("Object")));

    const ivs::ServiceError moved =
        s3::serviceErrorFromS3Response(301, {}, {}, QStringLiteral("list"), "ap-northeast-2");
    QCOMPARE(moved.category, ivs::ErrorCategory::Configuration);
    QVERIFY(moved.userMessage().contains(QStringLiteral("ap-northeast-2")));
    const ivs::ServiceError movedSomewhere =
        s3::serviceErrorFromS3Response(301, {}, {}, QStringLiteral("list"));
    QCOMPARE(movedSomewhere.category, ivs::ErrorCategory::Configuration);
    QVERIFY(movedSomewhere.summary.contains(QStringLiteral("another region")));

    const ivs::ServiceError busy =
        s3::serviceErrorFromS3Response(503, {}, {}, QStringLiteral("read"));
    QCOMPARE(busy.category, ivs::ErrorCategory::Throttling);
    QVERIFY(busy.transient);
}

void TestS3Parsing::describesNonXmlBodyAsUnexpected()
{
    const ivs::ServiceError html = s3::serviceErrorFromS3Response(
        403, "<html><head><title>Access to this site is blocked</title></head></html>", {},
        QStringLiteral("read"));
    QCOMPARE(html.category, ivs::ErrorCategory::MalformedResponse);
    QVERIFY(html.userMessage().contains(QStringLiteral("Unexpected response")));
    QVERIFY(html.userMessage().contains(QStringLiteral("Access to this site is blocked")));
    QVERIFY(html.nextStep.contains(QStringLiteral("S3")));

    // From a gateway in front of S3: still worth another attempt.
    const ivs::ServiceError gateway =
        s3::serviceErrorFromS3Response(502, "<html>Bad Gateway</html>", {}, QStringLiteral("list"));
    QCOMPARE(gateway.category, ivs::ErrorCategory::ServiceFailure);
}

void TestS3Parsing::namesOnlyWellFormedRegions()
{
    s3::S3ErrorBody body;
    body.endpoint = QStringLiteral("bucket.s3.eu-south-2.amazonaws.com");
    QCOMPARE(s3::redirectRegion({}, body), QStringLiteral("eu-south-2"));
    QCOMPARE(s3::redirectRegion("us-west-1", body), QStringLiteral("us-west-1"));
    body.region = QStringLiteral("<b>eu-west-1</b>");
    body.endpoint = QStringLiteral("evil.example.com");
    QVERIFY(s3::redirectRegion("eu-west-1\r\nX: y", body).isEmpty());
}

void TestS3Parsing::resolvesS3EndpointByPrecedence()
{
    aws::ConfiguredEndpoints configured;
    configured.profileName = QStringLiteral("dev");
    configured.serviceUrl = QStringLiteral("https://services.example.com");
    configured.profileUrl = QStringLiteral("https://profile.example.com");
    const QString s3Variable = QStringLiteral("AWS_ENDPOINT_URL_S3");
    const QString anyVariable = QStringLiteral("AWS_ENDPOINT_URL");
    QString error;

    auto endpoint =
        s3::resolveS3Endpoint(environment({{s3Variable, QStringLiteral("http://127.0.0.1:9000")},
                                           {anyVariable, QStringLiteral("https://any.example.com")},
                                           {QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"),
                                            QStringLiteral("https://ivs.example.com")}}),
                              &error, configured);
    QVERIFY2(endpoint, qPrintable(error));
    QCOMPARE(endpoint->overrideUrl, QUrl(QStringLiteral("http://127.0.0.1:9000")));
    QCOMPARE(endpoint->overrideSource, s3Variable);

    endpoint =
        s3::resolveS3Endpoint(environment({{anyVariable, QStringLiteral("https://any.example.com")},
                                           {QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"),
                                            QStringLiteral("https://ivs.example.com")}}),
                              &error, configured);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->overrideUrl, QUrl(QStringLiteral("https://any.example.com")));

    endpoint = s3::resolveS3Endpoint({}, &error, configured);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->overrideUrl, QUrl(configured.serviceUrl));
    configured.serviceUrl.clear();
    endpoint = s3::resolveS3Endpoint({}, &error, configured);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->overrideUrl, QUrl(configured.profileUrl));

    // Ignored by the variable or by the profile: AWS itself.
    endpoint =
        s3::resolveS3Endpoint(environment({{s3Variable, QStringLiteral("https://s3.example.com")},
                                           {QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                                            QStringLiteral("true")}}),
                              &error, configured);
    QVERIFY(endpoint);
    QVERIFY(endpoint->overrideUrl.isEmpty());
    configured.ignoreConfigured = true;
    endpoint = s3::resolveS3Endpoint({}, &error, configured);
    QVERIFY(endpoint);
    QVERIFY(endpoint->overrideUrl.isEmpty());

    // The IVS endpoint keeps its own variable.
    const auto ivs = aws::resolveEndpointConfig(
        {}, environment({{s3Variable, QStringLiteral("https://s3.example.com")}}), &error);
    QVERIFY(ivs);
    QVERIFY(ivs->overrideUrl.isEmpty());
    QCOMPARE(ivs->baseUrl(QStringLiteral("eu-west-1")),
             QUrl(QStringLiteral("https://ivsrealtime.eu-west-1.amazonaws.com")));
}

void TestS3Parsing::refusesUnusableEndpoint()
{
    QString error;
    QVERIFY(!s3::resolveS3Endpoint(environment({{QStringLiteral("AWS_ENDPOINT_URL_S3"),
                                                 QStringLiteral("http://minio.lan:9000")}}),
                                   &error));
    QVERIFY2(error.contains(QStringLiteral("minio.lan")) &&
                 error.contains(QStringLiteral("AWS_ENDPOINT_URL_S3")),
             qPrintable(error));
    QVERIFY(!s3::resolveS3Endpoint(
        environment({{QStringLiteral("AWS_CA_BUNDLE"), QStringLiteral("/nonexistent/ca.pem")}}),
        &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent/ca.pem")));
}

void TestS3Parsing::addressesVirtualHostedOrPathStyle()
{
    const s3::S3Endpoint aws;
    auto address = s3::s3Address(aws, QStringLiteral("us-west-2"), QStringLiteral("recordings"),
                                 QStringLiteral("show/a b.ts"));
    QCOMPARE(address.baseUrl,
             QUrl(QStringLiteral("https://recordings.s3.us-west-2.amazonaws.com")));
    QCOMPARE(address.path, QByteArray("/show/a%20b.ts"));
    address = s3::s3Address(aws, QStringLiteral("us-west-2"), QStringLiteral("recordings"), {});
    QCOMPARE(address.path, QByteArray("/"));

    // A dot would not match the certificate's wildcard: path style on the regional host.
    address = s3::s3Address(aws, QStringLiteral("eu-west-1"), QStringLiteral("media.example.com"),
                            QStringLiteral("k"));
    QCOMPARE(address.baseUrl, QUrl(QStringLiteral("https://s3.eu-west-1.amazonaws.com")));
    QCOMPARE(address.path, QByteArray("/media.example.com/k"));

    const s3::S3Endpoint custom{QUrl(QStringLiteral("http://127.0.0.1:9000")), {}, {}};
    address = s3::s3Address(custom, QStringLiteral("us-east-1"), QStringLiteral("recordings"),
                            QStringLiteral("a/b"));
    QCOMPARE(address.baseUrl, custom.overrideUrl);
    QCOMPARE(address.path, QByteArray("/recordings/a/b"));
    address = s3::s3Address(custom, QStringLiteral("us-east-1"), QStringLiteral("recordings"), {});
    QCOMPARE(address.path, QByteArray("/recordings"));
}

void TestS3Parsing::refusesBadNames()
{
    QVERIFY(s3::bucketNameProblem(QStringLiteral("recordings")).isEmpty());
    QVERIFY(s3::bucketNameProblem(QStringLiteral("Old_Bucket.2009")).isEmpty());
    QVERIFY(!s3::bucketNameProblem({}).isEmpty());
    QVERIFY(!s3::bucketNameProblem(QStringLiteral("a/b")).isEmpty());
    QVERIFY(!s3::bucketNameProblem(QStringLiteral("evil.com#")).isEmpty());
    QVERIFY(!s3::bucketNameProblem(QString(256, QLatin1Char('a'))).isEmpty());
    QVERIFY(s3::regionProblem(QStringLiteral("us-gov-west-1")).isEmpty());
    QVERIFY(!s3::regionProblem({}).isEmpty());
    QVERIFY(!s3::regionProblem(QStringLiteral("example.com/x")).isEmpty());
    QVERIFY(!s3::regionProblem(QStringLiteral("US-WEST-2")).isEmpty());
}

QTEST_GUILESS_MAIN(TestS3Parsing)
#include "tst_s3_parsing.moc"
