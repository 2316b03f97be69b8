// libFuzzer target: the checks on text the user or a file gives, before anything is sent —
// ivs::tagKeyProblem / tagValueProblem (a tag in the window or in an apply file), aws::shownName
// (a profile name echoed in an error) — and ivs::EnvironmentProxyFactory on arbitrary proxy
// variables. Input layout: text, NUL, https_proxy, NUL, no_proxy, NUL, a host name.

#include "aws/credentials.h"
#include "fuzz_support.h"
#include "ivs/proxy_settings.h"
#include "ivs/stage_rules.h"

#include <QHostAddress>
#include <QUrl>

namespace {

bool holdsControl(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields = fuzz::fields(fuzz::bytes(data, size), 4);
    const QString text = QString::fromUtf8(fields.at(0));

    // A tag the checks accept holds no control character and keeps to the lengths; a refusal
    // says why, and never quotes a control character back.
    const QString keyProblem = ivs::tagKeyProblem(text);
    const QString valueProblem = ivs::tagValueProblem(text);
    if (keyProblem.isEmpty()) {
        FUZZ_CHECK(!text.isEmpty() && text.size() <= 128);
        FUZZ_CHECK(!holdsControl(text));
        FUZZ_CHECK(!text.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive));
    }
    if (valueProblem.isEmpty()) {
        FUZZ_CHECK(text.size() <= 256);
        FUZZ_CHECK(!holdsControl(text));
    }
    FUZZ_CHECK(!holdsControl(keyProblem));
    FUZZ_CHECK(!holdsControl(valueProblem));
    // A key the checks accept is a value they accept.
    if (keyProblem.isEmpty())
        FUZZ_CHECK(valueProblem.isEmpty());

    // A name that looks like a secret is never echoed beyond its first four characters.
    const QString shown = aws::shownName(text);
    if (aws::looksLikeSecret(text)) {
        FUZZ_CHECK(text.size() < 8 || !shown.contains(text.mid(4)));
    } else {
        FUZZ_CHECK(shown == text);
    }

    // Whatever the variables say, a loopback host is reached directly, and what is chosen is
    // either no proxy or a usable one.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("https_proxy"), QString::fromUtf8(fields.at(1)));
    environment.insert(QStringLiteral("http_proxy"), QString::fromUtf8(fields.at(1)));
    environment.insert(QStringLiteral("no_proxy"), QString::fromUtf8(fields.at(2)));
    const ivs::EnvironmentProxyFactory factory(environment);
    for (const QString &host : {QString::fromUtf8(fields.at(3)), QStringLiteral("127.0.0.1"),
                                QStringLiteral("localhost"), QStringLiteral("::1")}) {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setHost(host);
        const QNetworkProxy proxy = factory.proxyFor(url);
        if (proxy.type() != QNetworkProxy::NoProxy)
            FUZZ_CHECK(!proxy.hostName().isEmpty());
        const QHostAddress address(url.host());
        if (url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()))
            FUZZ_CHECK(proxy.type() == QNetworkProxy::NoProxy);
    }
    return 0;
}
