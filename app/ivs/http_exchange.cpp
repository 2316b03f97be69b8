#include "ivs/http_exchange.h"

#include "aws/sigv4_signer.h"
#include "ivs/transport_error.h"

#include <memory>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

namespace ivs {

namespace {

constexpr char kSigningName[] = "ivs";

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::HttpExchange)
};

// The Host header exactly as it is sent, since it is signed.
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray joinPaths(const QUrl &base, const QByteArray &path)
{
    QByteArray basePath = base.path(QUrl::FullyEncoded).toUtf8();
    while (basePath.endsWith('/'))
        basePath.chop(1);
    return basePath + path;
}

QNetworkRequest buildRequest(const SignedRequest &post)
{
    aws::HttpRequestToSign toSign;
    toSign.method = post.method;
    toSign.path = joinPaths(post.baseUrl, post.path);
    toSign.query = post.query;
    toSign.headers = {{"Host", hostHeader(post.baseUrl)}};
    if (!post.body.isEmpty())
        toSign.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    toSign.body = post.body;
    aws::SigningOptions options;
    options.region = post.region;
    options.service = QString::fromLatin1(kSigningName);
    options.signingTime = post.signingTime;
    const aws::SigningResult signature = aws::SigV4Signer::sign(toSign, post.credentials, options);

    // The path and query go out exactly as signed: QUrl must not re-encode them.
    QUrl url = post.baseUrl;
    url.setPath(QString::fromUtf8(toSign.path), QUrl::TolerantMode);
    if (!post.query.isEmpty())
        url.setQuery(QString::fromUtf8(post.query), QUrl::TolerantMode);
    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(toSign.headers))
        request.setRawHeader(name, value);
    for (const auto &[name, value] : signature.headersToAdd)
        request.setRawHeader(name, value);
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("ivs-stage-browser/%1").arg(QCoreApplication::applicationVersion()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!post.extraCaCertificates.isEmpty())
            tls.addCaCertificates(post.extraCaCertificates);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    return request;
}

// Why an exchange was cut short by this side.
struct Interruption {
    bool timedOut = false;
    bool tooLarge = false;
    QList<QSslError> sslErrors;
};

ExchangeOutcome outcomeOf(QNetworkReply *reply, const Interruption &interruption,
                          const SignedRequest &post)
{
    ExchangeOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (interruption.tooLarge) {
        outcome.httpStatus = status.toInt();
        outcome.transportError = localError(
            ErrorCategory::MalformedResponse,
            Text::tr("Unexpected response (HTTP %1): the answer is larger than %2 MiB")
                .arg(outcome.httpStatus)
                .arg(post.maxResponseBytes / (1024 * 1024)),
            QString(),
            Text::tr(
                "An Amazon IVS answer is small; check the endpoint URL and any proxy in between."));
        return outcome;
    }
    if (!status.isValid() || interruption.timedOut) {
        outcome.transportError =
            transportError(reply->error(), reply->errorString(), reply->url(),
                           interruption.sslErrors, interruption.timedOut, post.timeoutMs);
        return outcome;
    }
    outcome.httpStatus = status.toInt();
    outcome.body = reply->readAll();
    outcome.errorType = reply->rawHeader("x-amzn-ErrorType");
    outcome.requestId = reply->rawHeader("x-amzn-RequestId");
    outcome.contentType = reply->rawHeader("Content-Type");
    outcome.date = reply->rawHeader("Date");
    return outcome;
}

} // namespace

void sendSignedRequest(QNetworkAccessManager &network, const SignedRequest &post, QObject *context,
                       std::function<void(const ExchangeOutcome &)> done)
{
    const QNetworkRequest request = buildRequest(post);
    QNetworkReply *reply = post.body.isEmpty()
                               ? network.sendCustomRequest(request, post.method)
                               : network.sendCustomRequest(request, post.method, post.body);
    auto interruption = std::make_shared<Interruption>();

    // Recorded for the message only: certificate errors are never ignored.
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply,
        [interruption](const QList<QSslError> &errors) { interruption->sslErrors += errors; });
    // A deadline for the whole exchange: an answer that trickles forever still ends.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, interruption] {
        interruption->timedOut = true;
        reply->abort();
    });
    deadline->start(post.timeoutMs);
    QObject::connect(
        reply, &QNetworkReply::downloadProgress, reply,
        [reply, interruption, limit = post.maxResponseBytes](qint64 received, qint64 total) {
            if (received > limit || total > limit) {
                interruption->tooLarge = true;
                reply->abort();
            }
        });

    const auto delivery = std::make_shared<QMetaObject::Connection>();
    *delivery = QObject::connect(reply, &QNetworkReply::finished, context,
                                 [reply, interruption, post, done = std::move(done)] {
                                     reply->deleteLater();
                                     done(outcomeOf(reply, *interruption, post));
                                 });
    // `destroyed` fires before the dying context loses its connections, and abort() emits
    // `finished` at once: cut the delivery first, or the caller would get a false timeout.
    QObject::connect(context, &QObject::destroyed, reply, [reply, delivery] {
        QObject::disconnect(*delivery);
        reply->abort();
        reply->deleteLater();
    });
}

} // namespace ivs
