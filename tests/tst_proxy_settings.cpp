#include "cli/exit_codes.h"
#include "ivs/proxy_settings.h"
#include "support/command_runs.h"
#include "support/raw_tcp_server.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QTest>
#include <QUrl>

using namespace testsupport;

namespace {

const QString kArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

QProcessEnvironment variables(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : pairs)
        environment.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    return environment;
}

QNetworkProxy proxyFor(const QProcessEnvironment &environment, const char *url)
{
    return ivs::EnvironmentProxyFactory(environment).proxyFor(QUrl(QString::fromLatin1(url)));
}

// The test's environment, without the suite's no_proxy=* and with keys and a single attempt.
QProcessEnvironment binaryEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"no_proxy", "NO_PROXY", "http_proxy", "https_proxy", "HTTPS_PROXY",
                             "all_proxy", "ALL_PROXY", "AWS_PROFILE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDPROXYTEST"));
    environment.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("proxy-test"));
    environment.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));
    return environment;
}

} // namespace

// The proxy hint names https_proxy and no_proxy, so they are honoured: the standard variables
// choose the proxy of each request, and a loopback endpoint is never reached through one.
class TestProxySettings : public QObject {
    Q_OBJECT
private slots:
    void variablesChooseTheProxy();
    void noProxyListsHostsAndTheirSubdomains();
    void loopbackIsNeverProxied();
    void unusableVariablesMeanNoProxy();
    void requestsToAwsGoThroughTheProxy();
    void aLoopbackEndpointBypassesTheProxy();
};

void TestProxySettings::variablesChooseTheProxy()
{
    const QProcessEnvironment environment =
        variables({{"https_proxy", "http://ann:s%40cret@proxy.corp:3128"},
                   {"http_proxy", "plain.corp:8080"}});
    QNetworkProxy proxy = proxyFor(environment, "https://ivsrealtime.us-west-2.amazonaws.com/");
    QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("proxy.corp"));
    QCOMPARE(proxy.port(), quint16(3128));
    QCOMPARE(proxy.user(), QStringLiteral("ann"));
    QCOMPARE(proxy.password(), QStringLiteral("s@cret"));

    proxy = proxyFor(environment, "http://example.org/");
    QCOMPARE(proxy.hostName(), QStringLiteral("plain.corp"));
    QCOMPARE(proxy.port(), quint16(8080));

    // Upper case as well for https; a SOCKS5 proxy; curl's default port.
    proxy = proxyFor(variables({{"HTTPS_PROXY", "socks5h://socks.corp"}}), "https://a.example/");
    QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(proxy.port(), quint16(1080));
    // HTTP_PROXY in upper case is not read (under CGI it can come from a request header).
    QCOMPARE(proxyFor(variables({{"HTTP_PROXY", "evil:80"}}), "http://a.example/").type(),
             QNetworkProxy::NoProxy);
}

void TestProxySettings::noProxyListsHostsAndTheirSubdomains()
{
    const QProcessEnvironment environment = variables(
        {{"https_proxy", "proxy.corp:3128"}, {"no_proxy", " .internal, Example.org ,10.0.0.7"}});
    QCOMPARE(proxyFor(environment, "https://api.internal/").type(), QNetworkProxy::NoProxy);
    QCOMPARE(proxyFor(environment, "https://example.org/").type(), QNetworkProxy::NoProxy);
    QCOMPARE(proxyFor(environment, "https://a.b.example.org/").type(), QNetworkProxy::NoProxy);
    QCOMPARE(proxyFor(environment, "https://10.0.0.7/").type(), QNetworkProxy::NoProxy);
    QCOMPARE(proxyFor(environment, "https://notexample.org/").type(), QNetworkProxy::HttpProxy);
    QCOMPARE(proxyFor(environment, "https://ivsrealtime.us-west-2.amazonaws.com/").type(),
             QNetworkProxy::HttpProxy);
    QCOMPARE(proxyFor(variables({{"https_proxy", "proxy.corp:3128"}, {"NO_PROXY", "*"}}),
                      "https://anything.example/")
                 .type(),
             QNetworkProxy::NoProxy);
}

void TestProxySettings::loopbackIsNeverProxied()
{
    const QProcessEnvironment environment =
        variables({{"https_proxy", "proxy.corp:3128"}, {"http_proxy", "proxy.corp:3128"}});
    for (const char *url : {"http://127.0.0.1:8080/", "http://127.1.2.3/", "http://[::1]:9/",
                            "http://localhost:8080/", "https://LOCALHOST/"})
        QVERIFY2(proxyFor(environment, url).type() == QNetworkProxy::NoProxy, url);
}

void TestProxySettings::unusableVariablesMeanNoProxy()
{
    for (const char *value :
         {"", "   ", "ftp://proxy.corp:21", "https://proxy.corp:443", "http://"})
        QVERIFY2(proxyFor(variables({{"https_proxy", value}}), "https://a.example/").type() ==
                     QNetworkProxy::NoProxy,
                 value);
}

void TestProxySettings::requestsToAwsGoThroughTheProxy()
{
    // A proxy on loopback that refuses: the request goes no further than this test.
    RawTcpServer proxy(RawTcpServer::Behaviour::CloseAtOnce);
    QVERIFY(proxy.start());
    QProcessEnvironment environment = binaryEnvironment();
    environment.insert(QStringLiteral("https_proxy"), proxy.url());
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--timeout"), QStringLiteral("10")},
                                 environment);
    QCOMPARE(run.exitCode, int(cli::NetworkError));
    QVERIFY(proxy.connectionsAccepted() >= 1);
    const QByteArray first = proxy.requestsReceived().value(0);
    QVERIFY2(first.startsWith("CONNECT ivsrealtime.us-west-2.amazonaws.com:443 HTTP/1.1"),
             first.constData());
}

void TestProxySettings::aLoopbackEndpointBypassesTheProxy()
{
    RawTcpServer proxy(RawTcpServer::Behaviour::CloseAtOnce);
    QVERIFY(proxy.start());
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QProcessEnvironment environment = binaryEnvironment();
    environment.insert(QStringLiteral("http_proxy"), proxy.url());
    environment.insert(QStringLiteral("https_proxy"), proxy.url());
    const Run run = runAppBinary({QStringLiteral("get-stage"), QStringLiteral("--arn"), kArn,
                                  QStringLiteral("--endpoint-url"), endpoint.url().toString()},
                                 environment);
    QCOMPARE(run.exitCode, int(cli::Success));
    QCOMPARE(endpoint.requestsTo("/GetStage"), 1);
    QCOMPARE(proxy.connectionsAccepted(), 0);
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxy_settings.moc"
