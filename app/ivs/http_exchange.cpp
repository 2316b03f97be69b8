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
        toSign.headers.append(qMakePair(QByteArray("Content-Type"), post.contentType));
    toSign.headers += post.headers;
    toSign.body = post.body;
    aws::SigningOptions options;
    options.region = post.region;
    options.service = post.signingName;
    options.signingTime = post.signingTime;
    if (post.s3Signing) {
        options.normalizePath = false;
        options.encodePathAgain = false;
        options.addContentSha256Header = true;
    }
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
    for (const auto &[name, value] : post.unsignedHeaders)
        request.setRawHeader(name, value);
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QStringLiteral("ivs-stage-browser/%1").arg(QCoreApplication::applicationVersion()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // TLS only for https. The system's authorities are left to OpenSSL's default verify paths,
    // which it reads as needed: none is decoded here, only AWS_CA_BUNDLE's, and only now.
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (post.extraCas)
            tls.addCaCertificates(post.extraCas->certificates());
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    return request;
}

// How much of an answer Qt may hold before this side has read it. Set on the reply, it also
// makes Qt stop reading from the socket until the answer is read here, so that a server sending
// faster than this side reads cannot pile data up unseen (without it, Qt delivers nothing to
// readyRead while more data is pending, and an endless chunked body over plain http is never
// looked at, let alone counted).
constexpr qint64 kReadBufferBytes = 256 * 1024;

// What this side gathered of an exchange, and why it was cut short, if it was.
struct Interruption {
    bool timedOut = false;
    bool tooLarge = false;
    bool stopped = false; // by the caller: BodyHandling::Stop, or the sink refused a piece
    bool headSeen = false;
    BodyHandling handling = BodyHandling::Gather;
    QList<QSslError> sslErrors;
    QByteArray body; // read as it arrives, and counted then
};

aws::HeaderList headersOf(const QNetworkReply *reply)
{
    aws::HeaderList headers;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        headers.append({name, value});
    return headers;
}

QNetworkReply *send(QNetworkAccessManager &network, const QNetworkRequest &request,
                    const SignedRequest &post)
{
    if (post.body.isEmpty() && post.method == "GET")
        return network.get(request);
    if (post.body.isEmpty() && post.method == "HEAD") // an answer to HEAD has no body to wait for
        return network.head(request);
    return post.body.isEmpty() ? network.sendCustomRequest(request, post.method)
                               : network.sendCustomRequest(request, post.method, post.body);
}

ExchangeOutcome outcomeOf(QNetworkReply *reply, const Interruption &interruption,
                          const SignedRequest &post)
{
    ExchangeOutcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (interruption.stopped) {
        outcome.httpStatus = status.toInt();
        outcome.headers = headersOf(reply);
        outcome.stoppedByCaller = true;
        return outcome;
    }
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
    outcome.body = interruption.body + reply->readAll();
    outcome.errorType = reply->rawHeader("x-amzn-ErrorType");
    outcome.requestId = reply->rawHeader("x-amzn-RequestId");
    outcome.contentType = reply->rawHeader("Content-Type");
    outcome.date = reply->rawHeader("Date");
    outcome.headers = headersOf(reply);
    return outcome;
}

} // namespace

QByteArray ExchangeOutcome::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void sendSignedRequest(QNetworkAccessManager &network, const SignedRequest &post, QObject *context,
                       std::function<void(const ExchangeOutcome &)> done)
{
    QNetworkReply *reply = send(network, buildRequest(post), post);
    auto interruption = std::make_shared<Interruption>();

    // Recorded for the message only: certificate errors are never ignored.
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply,
        [interruption](const QList<QSslError> &errors) { interruption->sslErrors += errors; });
    // A deadline for the whole exchange: an answer that trickles forever still ends. A download
    // may take long, but not stay silent for long.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, interruption] {
        interruption->timedOut = true;
        reply->abort();
    });
    deadline->start(post.timeoutMs);
    const auto heardFrom = [deadline, onSilence = post.timeoutOnSilence] {
        if (onSilence)
            deadline->start();
    };
    // The limit holds for every transfer encoding (a length given up front, chunks, gzip): the
    // body is read and counted as it arrives, and a declared length over it ends the exchange
    // before a byte of the body.
    // Qt hands the size to its HTTP thread only while the request is under way there: a size
    // set before is kept on this side alone, and the socket is then read without bound. A request
    // with a body starts from the event loop, so the size is given again once it has started.
    const auto limitReading = [reply] { reply->setReadBufferSize(kReadBufferBytes); };
    limitReading();
    QMetaObject::invokeMethod(reply, limitReading, Qt::QueuedConnection);
    QObject::connect(reply, &QNetworkReply::requestSent, reply, limitReading);
    const auto tooLarge = [reply, interruption] {
        if (interruption->tooLarge)
            return;
        interruption->tooLarge = true;
        interruption->body.clear();
        reply->abort();
    };
    const auto stop = [reply, interruption] {
        interruption->stopped = true;
        interruption->body.clear();
        reply->abort();
    };
    // Once the status and headers are there: how the body is to be handled.
    const auto decide = [reply, interruption, stop, onHead = post.onResponseHead] {
        if (interruption->headSeen)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        interruption->headSeen = true;
        if (onHead)
            interruption->handling = onHead(status.toInt(), headersOf(reply));
        if (interruption->handling == BodyHandling::Stop)
            stop();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, decide);
    // Everything available now, to the sink or the gathered body.
    const auto take = [reply, interruption, tooLarge, stop, decide, heardFrom,
                       limit = post.maxResponseBytes, sink = post.bodySink] {
        decide();
        if (interruption->tooLarge || interruption->stopped)
            return;
        const QByteArray piece = reply->readAll();
        if (!piece.isEmpty())
            heardFrom();
        if (interruption->handling == BodyHandling::Stream) {
            if (!piece.isEmpty() && !(sink && sink(piece)))
                stop();
            return;
        }
        interruption->body += piece;
        if (interruption->body.size() > limit)
            tooLarge();
    };
    QObject::connect(reply, &QNetworkReply::readyRead, reply, take);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [interruption, tooLarge, decide,
                      limit = post.maxResponseBytes](qint64 received, qint64 total) {
                         decide();
                         if (interruption->handling == BodyHandling::Stream)
                             return;
                         if (received > limit || total > limit)
                             tooLarge();
                     });

    const auto delivery = std::make_shared<QMetaObject::Connection>();
    *delivery = QObject::connect(reply, &QNetworkReply::finished, context,
                                 [reply, interruption, take, post, done = std::move(done)] {
                                     reply->deleteLater();
                                     take(); // what is left, if any
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
