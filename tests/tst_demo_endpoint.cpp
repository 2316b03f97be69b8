#include "demo/demo_endpoint.h"
#include "ivs/stage_arn.h"

#include <memory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

const QString kSigningRegion = QStringLiteral("us-west-2");
const QString kUnknownStageArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/noSuchStage1");
constexpr int kCurlTimeoutMs = 30000;

struct CurlResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString message() const
    {
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    }
};

// `-i` output followed by the `-w` status line: status line, headers, blank line, body, code.
CurlResponse parseCurlOutput(const QByteArray &output)
{
    CurlResponse response;
    const qsizetype codeStart = output.lastIndexOf('\n');
    response.status = output.mid(codeStart + 1).toInt();
    const QByteArray message = output.left(codeStart);
    const qsizetype headEnd = message.indexOf("\r\n\r\n");
    const QList<QByteArray> headLines = message.left(headEnd).split('\n');
    for (const QByteArray &line : headLines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    response.body = message.mid(headEnd + 4);
    return response;
}

// curl signs the request itself (--aws-sigv4), independently of the app's SigV4Signer. It runs
// asynchronously because the endpoint answers from this thread's event loop.
void runCurl(const QStringList &arguments, CurlResponse *response)
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    QVERIFY2(!curl.isEmpty(), "curl was not found on PATH. These tests use curl --aws-sigv4 as an "
                              "independent SigV4 signer: install curl (apt-get install curl).");

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {QStringLiteral("http_proxy"), QStringLiteral("HTTP_PROXY"), QStringLiteral("https_proxy"),
          QStringLiteral("HTTPS_PROXY"), QStringLiteral("all_proxy"), QStringLiteral("ALL_PROXY")})
        environment.remove(name);
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    // -q first: ignore any ~/.curlrc, so only these arguments shape the request.
    process.start(curl,
                  QStringList{QStringLiteral("-q"), QStringLiteral("--noproxy"),
                              QStringLiteral("*"), QStringLiteral("-sS"), QStringLiteral("-i"),
                              QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} +
                      arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kCurlTimeoutMs);
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             errors.constData());
    *response = parseCurlOutput(process.readAllStandardOutput());
}

struct SignedCall {
    QString region = kSigningRegion;
    QString accessKeyId = demo::DemoEndpoint::credentials().accessKeyId;
    QString secret = demo::DemoEndpoint::credentials().secretAccessKey;
    QByteArray body;
};

// A stage that a correctly signed call in kSigningRegion gets: failures are then down to signing.
QString stageInSigningRegion(const demo::DemoEndpoint &endpoint)
{
    const QStringList arns = endpoint.stageArns();
    for (const QString &arn : arns) {
        const auto parsed = ivs::StageArn::parse(arn);
        if (parsed && parsed->region() == kSigningRegion)
            return arn;
    }
    return {};
}

QByteArray getStageBody(const QString &arn)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("arn"), arn}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestDemoEndpoint : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheDemoStages();
    void everyDemoRegionHasAStorageConfiguration();
    void returnsStageToRequestSignedByCurl_data();
    void returnsStageToRequestSignedByCurl();
    void rejectsWrongSecret();
    void rejectsUnknownAccessKey();
    void rejectsUnsignedRequest();
    void answersUnknownStageWithNotFound();
    void hidesStageFromAnotherSigningRegion();
    void rejectsBodyWithoutArn();
    void rejectsRequestWhenServerClockIsTenMinutesOff_data();
    void rejectsRequestWhenServerClockIsTenMinutesOff();

private:
    void callGetStage(const SignedCall &call, CurlResponse *response);

    std::unique_ptr<demo::DemoEndpoint> m_endpoint;
};

void TestDemoEndpoint::init()
{
    m_endpoint = std::make_unique<demo::DemoEndpoint>();
    QString error;
    QVERIFY2(m_endpoint->start(&error), qPrintable(error));
    QCOMPARE(m_endpoint->url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!stageInSigningRegion(*m_endpoint).isEmpty());
}

void TestDemoEndpoint::cleanup()
{
    m_endpoint.reset();
}

void TestDemoEndpoint::callGetStage(const SignedCall &call, CurlResponse *response)
{
    const QString url = m_endpoint->url().toString() + QStringLiteral("/GetStage");
    runCurl({QStringLiteral("--aws-sigv4"), QStringLiteral("aws:amz:%1:ivs").arg(call.region),
             QStringLiteral("--user"), call.accessKeyId + QLatin1Char(':') + call.secret,
             QStringLiteral("-H"), QStringLiteral("content-type: application/json"),
             QStringLiteral("--data-binary"), QString::fromUtf8(call.body), url},
            response);
}

void TestDemoEndpoint::listsTheDemoStages()
{
    const QStringList arns = m_endpoint->stageArns();

    QCOMPARE(arns.size(), 4);
    for (const QString &arn : arns) {
        QString problem;
        QVERIFY2(ivs::StageArn::parse(arn, &problem), qPrintable(arn + QLatin1Char(' ') + problem));
    }
}

// The recording fix (choose a storage configuration in the stage's region) can be carried out on
// every demo stage.
void TestDemoEndpoint::everyDemoRegionHasAStorageConfiguration()
{
    demo::DemoService service;
    for (const QString &arnText : service.stageArns()) {
        const auto arn = ivs::StageArn::parse(arnText);
        QVERIFY(arn);
        const net::HttpResponse answer = service.listStorageConfigurations(arn->region());
        QCOMPARE(answer.status, 200);
        const QJsonArray listed = QJsonDocument::fromJson(answer.body)
                                      .object()
                                      .value(QStringLiteral("storageConfigurations"))
                                      .toArray();
        QVERIFY2(!listed.isEmpty(), qPrintable(arn->region()));
        for (const QJsonValue &configuration : listed)
            QVERIFY(configuration.toObject()
                        .value(QStringLiteral("arn"))
                        .toString()
                        .startsWith(QStringLiteral("arn:aws:ivs:%1:").arg(arn->region())));
    }
}

void TestDemoEndpoint::returnsStageToRequestSignedByCurl_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("region");

    const QStringList arns = demo::DemoEndpoint().stageArns();
    QVERIFY(!arns.isEmpty());
    for (const QString &arn : arns) {
        const auto parsed = ivs::StageArn::parse(arn);
        QVERIFY2(parsed, qPrintable(arn));
        QTest::newRow(qPrintable(parsed->stageId())) << arn << parsed->region();
    }
}

void TestDemoEndpoint::returnsStageToRequestSignedByCurl()
{
    QFETCH(QString, arn);
    QFETCH(QString, region);

    SignedCall call;
    call.region = region;
    call.body = getStageBody(arn);
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QVERIFY2(response.status == 200, response.body.constData());
    QVERIFY(response.header("content-type").startsWith("application/json"));
    QVERIFY(!response.header("x-amzn-RequestId").isEmpty());
    const QJsonObject stage =
        QJsonDocument::fromJson(response.body).object().value(QStringLiteral("stage")).toObject();
    QCOMPARE(stage.value(QStringLiteral("arn")).toString(), arn);
}

void TestDemoEndpoint::rejectsWrongSecret()
{
    SignedCall call;
    call.secret = QStringLiteral("not-the-demo-secret");
    call.body = getStageBody(stageInSigningRegion(*m_endpoint));
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("InvalidSignatureException"));
}

void TestDemoEndpoint::rejectsUnknownAccessKey()
{
    SignedCall call;
    call.accessKeyId = QStringLiteral("AKIDNOTTHEDEMOKEY000");
    call.body = getStageBody(stageInSigningRegion(*m_endpoint));
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("UnrecognizedClientException"));
}

void TestDemoEndpoint::rejectsUnsignedRequest()
{
    CurlResponse response;
    runCurl({QStringLiteral("-H"), QStringLiteral("content-type: application/json"),
             QStringLiteral("--data-binary"),
             QString::fromUtf8(getStageBody(stageInSigningRegion(*m_endpoint))),
             m_endpoint->url().toString() + QStringLiteral("/GetStage")},
            &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("x-amzn-ErrorType"),
             QByteArray("MissingAuthenticationTokenException"));
}

void TestDemoEndpoint::answersUnknownStageWithNotFound()
{
    QVERIFY(!m_endpoint->stageArns().contains(kUnknownStageArn));
    SignedCall call;
    call.body = getStageBody(kUnknownStageArn);
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 404);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("ResourceNotFoundException"));
    QVERIFY2(response.message().contains(kUnknownStageArn), response.body.constData());
}

void TestDemoEndpoint::hidesStageFromAnotherSigningRegion()
{
    QString otherRegionArn;
    const QStringList arns = m_endpoint->stageArns();
    for (const QString &arn : arns) {
        const auto parsed = ivs::StageArn::parse(arn);
        if (parsed && parsed->region() != kSigningRegion)
            otherRegionArn = arn;
    }
    QVERIFY2(!otherRegionArn.isEmpty(), "the demo needs a stage outside the signing region");

    SignedCall call;
    call.body = getStageBody(otherRegionArn);
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 404);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("ResourceNotFoundException"));
}

void TestDemoEndpoint::rejectsBodyWithoutArn()
{
    SignedCall call;
    call.body = R"({"name":"studio-main"})";
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 400);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("ValidationException"));
}

void TestDemoEndpoint::rejectsRequestWhenServerClockIsTenMinutesOff_data()
{
    QTest::addColumn<qint64>("offsetSeconds");
    QTest::addColumn<QString>("messageStart");

    QTest::newRow("server ahead") << qint64(10 * 60) << QStringLiteral("Signature expired");
    QTest::newRow("server behind")
        << qint64(-10 * 60) << QStringLiteral("Signature not yet current");
}

void TestDemoEndpoint::rejectsRequestWhenServerClockIsTenMinutesOff()
{
    QFETCH(qint64, offsetSeconds);
    QFETCH(QString, messageStart);

    m_endpoint->setClock(
        [offsetSeconds] { return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds); });
    SignedCall call;
    call.body = getStageBody(stageInSigningRegion(*m_endpoint));
    CurlResponse response;
    callGetStage(call, &response);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("InvalidSignatureException"));
    QVERIFY2(response.message().startsWith(messageStart), response.body.constData());
}

QTEST_GUILESS_MAIN(TestDemoEndpoint)
#include "tst_demo_endpoint.moc"
