// IvsClient against real HTTP(S) servers on 127.0.0.1: the exact signed request it sends, how
// it reads answers and errors, and what it refuses to do before connecting anywhere.
// Over 600 lines on purpose: one Qt Test class per executable, its cases sharing one fixture.

#include "aws/endpoint_config.h"
#include "aws/environment_credential_provider.h"
#include "aws/sigv4_signer.h"
#include "aws/sigv4_verifier.h"
#include "ivs/ivs_client.h"
#include "ivs/service_error.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_schema.h"
#include "support/idle.h"
#include "support/scripted_endpoint.h"
#include "support/test_certificates.h"
#include "support/test_data.h"

#include <iterator>
#include <memory>
#include <optional>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <variant>

namespace ivs {

// Lets QCOMPARE print category names instead of numbers.
char *toString(const ErrorCategory &category)
{
    static const char *const names[] = {
        "Configuration", "Credentials",       "Authentication", "AccessDenied",  "NotFound",
        "Validation",    "Conflict",          "Throttling",     "QuotaExceeded", "ServiceFailure",
        "OtherService",  "MalformedResponse", "Network",        "Tls",           "Timeout"};
    const auto index = static_cast<std::size_t>(category);
    return qstrdup(index < std::size(names) ? names[index] : "?");
}

} // namespace ivs

Q_DECLARE_METATYPE(ivs::ErrorCategory)

namespace {

using ivs::ErrorCategory;

const QString kArnText = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
const QString kAccessKeyId = QStringLiteral("AKIDEXAMPLE0000TEST");
const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString kSessionToken = QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLE//session+token=");
const QByteArray kRequestId = "6f1c2a9e-3b7d-4e0f-9a8b-1c2d3e4f5a6b";

// Far from "now" on purpose: a request signed with the real clock would show up as a wrong date.
QDateTime signingTime()
{
    return QDateTime(QDate(2021, 3, 9), QTime(14, 5, 7), QTimeZone::utc());
}

ivs::StageArn stageArn()
{
    return *ivs::StageArn::parse(kArnText);
}

aws::Credentials credentials(const QString &sessionToken = {})
{
    return aws::Credentials{kAccessKeyId, kSecret, sessionToken, {}};
}

aws::EndpointConfig endpointAt(const QUrl &url)
{
    aws::EndpointConfig config;
    config.overrideUrl = url;
    config.overrideSource = QStringLiteral("test");
    return config;
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

// Counts every request the client creates. Anything aimed beyond loopback is diverted to a
// scheme no backend serves, so even a regression cannot make this test reach a real host.
class CountingNetworkAccessManager final : public QNetworkAccessManager {
public:
    CountingNetworkAccessManager() { setProxy(QNetworkProxy::NoProxy); }
    int requestsCreated = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        ++requestsCreated;
        if (isLoopback(request.url().host()))
            return QNetworkAccessManager::createRequest(operation, request, outgoingData);
        QNetworkRequest diverted(request);
        diverted.setUrl(QUrl(QStringLiteral("ivs-test-blocked:nowhere")));
        return QNetworkAccessManager::createRequest(operation, diverted, outgoingData);
    }
};

// One client with its own network manager: no keep-alive connection (and no TLS session that
// was verified earlier) is shared between test cases.
struct ClientUnderTest {
    explicit ClientUnderTest(
        const aws::EndpointConfig &endpoint,
        std::unique_ptr<aws::CredentialProvider> provider =
            std::make_unique<aws::StaticCredentialProvider>(credentials(), QStringLiteral("test")))
        : credentialProvider(std::move(provider))
        , client(&network, credentialProvider.get(), endpoint)
    {
        client.setClock([] { return signingTime(); });
        // One exchange per call: retries have tests of their own (tst_client_faults).
        ivs::RetryPolicy once;
        once.maxAttempts = 1;
        client.setRetryPolicy(once);
    }

    // Waits for the answer; nullopt when none came.
    std::optional<ivs::GetStageResult> getStage(const QString &region = {}, int waitMs = 10000)
    {
        QObject context;
        std::optional<ivs::GetStageResult> result;
        client.getStage(stageArn(), region, &context,
                        [&result](const ivs::GetStageResult &answer) { result = answer; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, waitMs))
            return std::nullopt;
        return result;
    }

    CountingNetworkAccessManager network;
    std::unique_ptr<aws::CredentialProvider> credentialProvider;
    ivs::IvsClient client;
};

net::HttpResponse stageResponse(const QByteArray &body)
{
    return net::HttpResponse::json(200, body, {{"x-amzn-RequestId", kRequestId}});
}

QByteArray minimalStageBody()
{
    return QJsonDocument(QJsonObject{{QStringLiteral("stage"),
                                      QJsonObject{{QStringLiteral("arn"), kArnText}}}})
        .toJson(QJsonDocument::Compact);
}

std::variant<aws::VerifiedRequest, aws::VerificationFailure>
verifySignature(const net::HttpRequest &request, const QString &secret)
{
    const aws::SigV4Verifier verifier(
        QStringLiteral("ivs"), [secret](const QString &accessKeyId) -> std::optional<QString> {
            if (accessKeyId == kAccessKeyId)
                return secret;
            return std::nullopt;
        });
    return verifier.verify(
        {request.method, request.path, request.query, request.headers, request.body},
        signingTime());
}

// Fields of the stage schema that `object` leaves out or sets to the documented default, so
// that the full-response fixture keeps exercising every field with a distinguishable value.
QStringList missingOrDefaultFields(const QJsonObject &object, const ivs::FieldSpec &spec,
                                   const QString &path)
{
    QStringList problems;
    for (const ivs::FieldSpec &member : spec.children) {
        const QString memberPath = path + QLatin1Char('.') + member.name;
        const QJsonValue value = object.value(member.name);
        if (value.isUndefined() || value.isNull())
            problems.append(memberPath + QStringLiteral(" is missing"));
        else if (member.hasDefault() && value == member.defaultValue)
            problems.append(memberPath + QStringLiteral(" has its default value"));
        else if (member.type == ivs::FieldType::Object)
            problems += missingOrDefaultFields(value.toObject(), member, memberPath);
    }
    return problems;
}

QString credentialScope(const QByteArray &authorization)
{
    const QByteArray marker = "Credential=";
    const qsizetype start = authorization.indexOf(marker);
    if (start < 0)
        return {};
    const QByteArray credential = authorization.mid(start + marker.size()).split(',').first();
    return QString::fromLatin1(credential.mid(credential.indexOf('/') + 1));
}

QByteArray signedHeaders(const QByteArray &authorization)
{
    const QByteArray marker = "SignedHeaders=";
    const qsizetype start = authorization.indexOf(marker);
    if (start < 0)
        return {};
    return authorization.mid(start + marker.size()).split(',').first();
}

} // namespace

class TestIvsClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // The request on the wire
    void sendsExactlySignedGetStageRequest();
    void signsSessionToken();
    void signatureDoesNotVerifyWithAnotherSecret();
    void regionOverrideChangesCredentialScope();

    // Answers
    void readsEveryFieldOfCompleteStage();
    void mapsServiceErrors_data();
    void mapsServiceErrors();
    void reportsMalformedSuccessBody_data();
    void reportsMalformedSuccessBody();

    // Transport
    void reportsRefusedConnectionWithHostAndPort();
    void reportsTimeoutWhenServerNeverAnswers();
    void refusesCertificateFromUntrustedAuthority();
    void trustsCertificateAuthorityFromEndpointConfig();
    void trustsCertificateAuthorityFromAwsCaBundle();
    void plainHttpLeavesTheCaBundleUndecoded();

    // Refusals before any connection
    void refusesPlainHttpToRemoteHostWithoutConnecting();
    void reportsMissingCredentialsWithoutSending();

    // Lifetime
    void neverCallsBackWhenContextDiesBeforeSending();
    void neverCallsBackWhenContextDiesInFlight();

private:
    testsupport::TestCertificates m_certificates;
};

void TestIvsClient::initTestCase()
{
    QString error;
    QVERIFY2(m_certificates.generate(&error), qPrintable(error));
}

void TestIvsClient::sendsExactlySignedGetStageRequest()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(endpoint.requests().size(), 1);
    const net::HttpRequest &request = endpoint.requests().first();

    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/GetStage"));
    QCOMPARE(request.query, QByteArray());
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.body, QByteArray("{\"arn\":\"") + kArnText.toUtf8() + QByteArray("\"}"));
    QCOMPARE(request.header("Host"),
             QByteArray("127.0.0.1:") + QByteArray::number(endpoint.url().port()));
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20210309T140507Z"));
    QVERIFY(request.header("X-Amz-Security-Token").isNull());

    const QByteArray authorization = request.header("Authorization");
    QVERIFY2(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + kAccessKeyId.toUtf8() + '/'),
             authorization.constData());
    QCOMPARE(credentialScope(authorization), QStringLiteral("20210309/us-west-2/ivs/aws4_request"));
    QCOMPARE(signedHeaders(authorization), QByteArray("content-type;host;x-amz-date"));

    const auto verification = verifySignature(request, kSecret);
    if (const auto *failure = std::get_if<aws::VerificationFailure>(&verification))
        QFAIL(qPrintable(failure->message));
    QCOMPARE(std::get<aws::VerifiedRequest>(verification).region, QStringLiteral("us-west-2"));
}

void TestIvsClient::signsSessionToken()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()),
                           std::make_unique<aws::StaticCredentialProvider>(
                               credentials(kSessionToken), QStringLiteral("test")));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(endpoint.requests().size(), 1);
    const net::HttpRequest &request = endpoint.requests().first();

    QCOMPARE(request.header("X-Amz-Security-Token"), kSessionToken.toUtf8());
    QCOMPARE(signedHeaders(request.header("Authorization")),
             QByteArray("content-type;host;x-amz-date;x-amz-security-token"));
    // The token is part of the signature: a tampered token must no longer verify.
    QVERIFY(std::holds_alternative<aws::VerifiedRequest>(verifySignature(request, kSecret)));
    net::HttpRequest tampered = request;
    for (auto &[name, value] : tampered.headers) {
        if (name.compare("X-Amz-Security-Token", Qt::CaseInsensitive) == 0)
            value = "another-token";
    }
    QVERIFY(std::holds_alternative<aws::VerificationFailure>(verifySignature(tampered, kSecret)));
}

void TestIvsClient::signatureDoesNotVerifyWithAnotherSecret()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    QVERIFY(tested.getStage());
    QCOMPARE(endpoint.requests().size(), 1);

    const auto verification =
        verifySignature(endpoint.requests().first(), QStringLiteral("not-the-secret-key"));
    const auto *failure = std::get_if<aws::VerificationFailure>(&verification);
    QVERIFY(failure);
    QCOMPARE(failure->errorType, QByteArray("InvalidSignatureException"));
}

void TestIvsClient::regionOverrideChangesCredentialScope()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage(QStringLiteral("eu-central-1"));
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(endpoint.requests().size(), 1);
    const net::HttpRequest &request = endpoint.requests().first();

    QCOMPARE(credentialScope(request.header("Authorization")),
             QStringLiteral("20210309/eu-central-1/ivs/aws4_request"));
    // The ARN in the body stays as given: only the signing region changes.
    QVERIFY(request.body.contains(kArnText.toUtf8()));
    const auto verification = verifySignature(request, kSecret);
    QVERIFY(std::holds_alternative<aws::VerifiedRequest>(verification));
    QCOMPARE(std::get<aws::VerifiedRequest>(verification).region, QStringLiteral("eu-central-1"));
}

void TestIvsClient::readsEveryFieldOfCompleteStage()
{
    const QByteArray body = testsupport::readTestData(QStringLiteral("get_stage_full.json"));
    QJsonParseError parseError;
    const QJsonObject expected = QJsonDocument::fromJson(body, &parseError)
                                     .object()
                                     .value(QStringLiteral("stage"))
                                     .toObject();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QStringList fixtureGaps =
        missingOrDefaultFields(expected, ivs::stageSchema(), QStringLiteral("stage"));
    QVERIFY2(fixtureGaps.isEmpty(), qPrintable(fixtureGaps.join(QStringLiteral("; "))));

    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(body));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY2(result->ok(), result->error ? qPrintable(result->error->oneLine()) : "");
    QVERIFY(!result->error);
    QCOMPARE(result->stage->json(), expected);
    QCOMPARE(result->stage->arn(), kArnText);
    QCOMPARE(result->stage->name(), QStringLiteral("spring-launch-keynote"));
}

void TestIvsClient::mapsServiceErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("errorTypeHeader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("requestId");
    QTest::addColumn<ErrorCategory>("category");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    auto add = [](const char *name, int status, const QByteArray &type, const QString &message,
                  ErrorCategory category) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("message"), message}})
                                    .toJson(QJsonDocument::Compact);
        QTest::newRow(name) << status << type << body << kRequestId << category
                            << QString::fromLatin1(type) << message;
    };
    add("404 ResourceNotFoundException", 404, "ResourceNotFoundException",
        QStringLiteral("Stage not found: ") + kArnText, ErrorCategory::NotFound);
    add("400 ValidationException", 400, "ValidationException",
        QStringLiteral("1 validation error detected: Value at 'arn' failed to satisfy constraint"),
        ErrorCategory::Validation);
    add("403 AccessDeniedException", 403, "AccessDeniedException",
        QStringLiteral("User: arn:aws:iam::123456789012:user/viewer is not authorized to "
                       "perform: ivs:GetStage"),
        ErrorCategory::AccessDenied);
    add("403 InvalidSignatureException", 403, "InvalidSignatureException",
        QStringLiteral("The request signature we calculated does not match the signature you "
                       "provided."),
        ErrorCategory::Authentication);
    add("403 UnrecognizedClientException", 403, "UnrecognizedClientException",
        QStringLiteral("The security token included in the request is invalid."),
        ErrorCategory::Authentication);
    add("403 ExpiredTokenException", 403, "ExpiredTokenException",
        QStringLiteral("The security token included in the request is expired"),
        ErrorCategory::Authentication);
    add("500 InternalServerException", 500, "InternalServerException",
        QStringLiteral("Unexpected error during processing of request."),
        ErrorCategory::ServiceFailure);
    add("429 ThrottlingException", 429, "ThrottlingException", QStringLiteral("Rate exceeded"),
        ErrorCategory::Throttling);

    QTest::newRow("503 without body or error type")
        << 503 << QByteArray() << QByteArray() << QByteArray() << ErrorCategory::ServiceFailure
        << QString() << QString();
    QTest::newRow("error type header with internal suffix")
        << 400
        << QByteArray("ValidationException:http://internal.amazon.com/coral/"
                      "com.amazon.coral.validate/")
        << QByteArray(R"({"message":"Invalid ARN"})") << kRequestId << ErrorCategory::Validation
        << QStringLiteral("ValidationException") << QStringLiteral("Invalid ARN");
    QTest::newRow("error type only in body __type with namespace")
        << 404 << QByteArray()
        << QByteArray(R"({"__type":"com.amazonaws.ivsrealtime#ResourceNotFoundException",)"
                      R"("message":"Stage not found"})")
        << kRequestId << ErrorCategory::NotFound << QStringLiteral("ResourceNotFoundException")
        << QStringLiteral("Stage not found");
}

void TestIvsClient::mapsServiceErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, errorTypeHeader);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, requestId);
    QFETCH(ErrorCategory, category);
    QFETCH(QString, code);
    QFETCH(QString, message);

    net::HttpResponse response;
    response.status = status;
    response.body = body;
    if (!body.isEmpty())
        response.headers.append(
            {QByteArray("Content-Type"), QByteArray("application/x-amz-json-1.1")});
    if (!errorTypeHeader.isEmpty())
        response.headers.append({QByteArray("x-amzn-ErrorType"), errorTypeHeader});
    if (!requestId.isEmpty())
        response.headers.append({QByteArray("x-amzn-RequestId"), requestId});
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(response);
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY(result->error);
    const ivs::ServiceError &error = *result->error;
    QCOMPARE(error.category, category);
    QCOMPARE(error.code, code);
    QCOMPARE(error.serviceMessage, message);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.requestId, QString::fromLatin1(requestId));
    QVERIFY(!error.summary.isEmpty());
    QVERIFY(!error.nextStep.isEmpty());
    // Support cases need the request id, so it must reach what the user sees.
    if (!requestId.isEmpty())
        QVERIFY2(error.userMessage().contains(QString::fromLatin1(requestId)),
                 qPrintable(error.userMessage()));
    if (!code.isEmpty())
        QVERIFY2(error.userMessage().contains(code), qPrintable(error.userMessage()));
}

void TestIvsClient::reportsMalformedSuccessBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("<html><body>Gateway says hello</body></html>");
    QTest::newRow("JSON array") << QByteArray("[]");
    QTest::newRow("no stage") << QByteArray(R"({"stages":[]})");
    QTest::newRow("stage is a string") << QByteArray(R"({"stage":"arn:aws:ivs:x"})");
    QTest::newRow("stage without arn") << QByteArray(R"({"stage":{"name":"keynote"}})");
    QTest::newRow("member of the wrong type")
        << (QByteArray(R"({"stage":{"arn":")") + kArnText.toUtf8() +
            QByteArray(
                R"(","autoParticipantRecordingConfiguration":{"mediaTypes":"AUDIO_ONLY"}}})"));
}

void TestIvsClient::reportsMalformedSuccessBody()
{
    QFETCH(QByteArray, body);
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(body));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::MalformedResponse);
    QVERIFY(!result->error->serviceMessage.isEmpty());
    QVERIFY(!result->error->nextStep.isEmpty());
}

void TestIvsClient::reportsRefusedConnectionWithHostAndPort()
{
    // A port that was free a moment ago and that nothing listens on any more.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    ClientUnderTest tested(endpointAt(url));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Network);
    const QString text = result->error->userMessage();
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(text));
    QVERIFY(!result->error->nextStep.isEmpty());
}

void TestIvsClient::reportsTimeoutWhenServerNeverAnswers()
{
    // Accepts connections and keeps them open without ever writing a byte.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&silent, &held] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });

    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(silent.serverPort());
    ClientUnderTest tested(endpointAt(url));
    tested.client.setTransferTimeout(300);

    // Far below the 30 s default, so only the configured timeout can end the call in time.
    const auto result = tested.getStage({}, 5000);
    QVERIFY(result);
    QVERIFY(!held.isEmpty());
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Timeout);
    QVERIFY2(result->error->userMessage().contains(QStringLiteral("127.0.0.1:%1").arg(url.port())),
             qPrintable(result->error->userMessage()));
    QVERIFY(!result->error->nextStep.isEmpty());
}

void TestIvsClient::refusesCertificateFromUntrustedAuthority()
{
    testsupport::ScriptedEndpoint endpoint;
    endpoint.useTls(m_certificates.serverConfiguration());
    QVERIFY(endpoint.start());
    QCOMPARE(endpoint.url().scheme(), QStringLiteral("https"));
    endpoint.setFallback(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Tls);
    QVERIFY2(result->error->userMessage().contains(QStringLiteral("AWS_CA_BUNDLE")),
             qPrintable(result->error->userMessage()));
    // The handshake failed, so no signed request may have been delivered.
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestIvsClient::trustsCertificateAuthorityFromEndpointConfig()
{
    testsupport::ScriptedEndpoint endpoint;
    endpoint.useTls(m_certificates.serverConfiguration());
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    aws::EndpointConfig config = endpointAt(endpoint.url());
    config.extraCas = aws::CaBundle::fromCertificates(
        QSslCertificate::fromPath(m_certificates.caCertificatePath()));
    QCOMPARE(config.extraCas->certificates().size(), 1);
    ClientUnderTest tested(config);

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY2(result->ok(), result->error ? qPrintable(result->error->oneLine()) : "");
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(std::holds_alternative<aws::VerifiedRequest>(
        verifySignature(endpoint.requests().first(), kSecret)));
}

void TestIvsClient::trustsCertificateAuthorityFromAwsCaBundle()
{
    testsupport::ScriptedEndpoint endpoint;
    endpoint.useTls(m_certificates.serverConfiguration());
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_CA_BUNDLE"), m_certificates.caCertificatePath());
    QString problem;
    const auto config =
        aws::resolveEndpointConfig(endpoint.url().toString(), environment, &problem);
    QVERIFY2(config, qPrintable(problem));
    // Read and checked, but not decoded before a https request needs it.
    QVERIFY(config->extraCas);
    QVERIFY(!config->extraCas->isDecoded());
    ClientUnderTest tested(*config);

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY2(result->ok(), result->error ? qPrintable(result->error->oneLine()) : "");
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(config->extraCas->isDecoded());
}

// Plain http (a local endpoint) never decodes AWS_CA_BUNDLE: a bundle is often the whole system
// bundle, and decoding it would be most of a one-shot command's work.
void TestIvsClient::plainHttpLeavesTheCaBundleUndecoded()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.enqueue(stageResponse(minimalStageBody()));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_CA_BUNDLE"), m_certificates.caCertificatePath());
    QString problem;
    const auto config =
        aws::resolveEndpointConfig(endpoint.url().toString(), environment, &problem);
    QVERIFY2(config, qPrintable(problem));
    QCOMPARE(config->caBundlePath, m_certificates.caCertificatePath());
    ClientUnderTest tested(*config);

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY2(result->ok(), result->error ? qPrintable(result->error->oneLine()) : "");
    QCOMPARE(endpoint.requests().size(), 1);
    QVERIFY(!config->extraCas->isDecoded());
}

void TestIvsClient::refusesPlainHttpToRemoteHostWithoutConnecting()
{
    // Built by hand: resolveEndpointConfig already refuses this URL, and the client must not
    // depend on every caller having gone through it.
    ClientUnderTest tested(endpointAt(QUrl(QStringLiteral("http://example.com"))));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Configuration);
    QVERIFY2(result->error->userMessage().contains(QStringLiteral("example.com")),
             qPrintable(result->error->userMessage()));
    QCOMPARE(tested.network.requestsCreated, 0);
}

void TestIvsClient::reportsMissingCredentialsWithoutSending()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(stageResponse(minimalStageBody()));
    ClientUnderTest tested(
        endpointAt(endpoint.url()),
        std::make_unique<aws::EnvironmentCredentialProvider>(QProcessEnvironment()));

    const auto result = tested.getStage();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->category, ErrorCategory::Credentials);
    QVERIFY2(result->error->userMessage().contains(QStringLiteral("AWS_ACCESS_KEY_ID")),
             qPrintable(result->error->userMessage()));
    QCOMPARE(tested.network.requestsCreated, 0);
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestIvsClient::neverCallsBackWhenContextDiesBeforeSending()
{
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(stageResponse(minimalStageBody()));
    ClientUnderTest tested(endpointAt(endpoint.url()));

    int calls = 0;
    auto *context = new QObject;
    tested.client.getStage(stageArn(), {}, context,
                           [&calls](const ivs::GetStageResult &) { ++calls; });
    delete context;

    QVERIFY(testsupport::waitUntilIdle(tested.client));
    QCOMPARE(calls, 0);
    QCOMPARE(tested.network.requestsCreated, 0);
    QCOMPARE(endpoint.requests().size(), 0);
}

void TestIvsClient::neverCallsBackWhenContextDiesInFlight()
{
    // The server destroys the context once the request has arrived, then answers normally:
    // the answer then reaches a client whose caller is gone.
    QPointer<QObject> context = new QObject;
    testsupport::ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setHandler([&context](const net::HttpRequest &) {
        delete context.data();
        return stageResponse(minimalStageBody());
    });
    ClientUnderTest tested(endpointAt(endpoint.url()));

    std::optional<ivs::GetStageResult> unexpected;
    tested.client.getStage(
        stageArn(), {}, context,
        [&unexpected](const ivs::GetStageResult &result) { unexpected = result; });

    QTRY_COMPARE(endpoint.requests().size(), 1);
    QVERIFY(context.isNull());
    QVERIFY(testsupport::waitUntilIdle(tested.client)); // its reply is over, aborted or answered
    QVERIFY2(!unexpected, unexpected && unexpected->error ? qPrintable(unexpected->error->oneLine())
                                                          : "called back with a stage");
}

QTEST_GUILESS_MAIN(TestIvsClient)
#include "tst_ivs_client.moc"
