#include "aws/endpoint_config.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace aws {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(aws::EndpointConfig)
};

bool isTrue(const QString &value)
{
    return value.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

const ServiceEndpointNames &ivsRealtimeEndpointNames()
{
    static const ServiceEndpointNames names{QStringLiteral("AWS_ENDPOINT_URL_IVS_REALTIME"),
                                            QStringLiteral("ivs_realtime"),
                                            QStringLiteral("ivsrealtime.%1.amazonaws.com")};
    return names;
}

const ServiceEndpointNames &s3EndpointNames()
{
    static const ServiceEndpointNames names{QStringLiteral("AWS_ENDPOINT_URL_S3"),
                                            QStringLiteral("s3"),
                                            QStringLiteral("s3.%1.amazonaws.com")};
    return names;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString endpointUrlProblem(const QUrl &url)
{
    if (!url.isValid())
        // Qt's reason quotes the text it was given, user info and all.
        return Text::tr("The endpoint URL \"%1\" is not a valid URL: %2")
            .arg(displayUrl(url),
                 url.errorString().replace(QRegularExpression(QStringLiteral("//[^/@\\s\"]*@")),
                                           QStringLiteral("//redacted@")));
    if (url.host().isEmpty())
        return Text::tr("The endpoint URL \"%1\" has no host name.").arg(displayUrl(url));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return Text::tr("Refusing to send signed requests over plain http to %1: use https, or a "
                        "loopback address (127.0.0.1, ::1, localhost) for a local test endpoint.")
            .arg(url.host());
    }
    return Text::tr("The endpoint URL \"%1\" must start with https:// (or http:// for a loopback "
                    "address).")
        .arg(displayUrl(url));
}

QUrl EndpointConfig::baseUrl(const QString &region) const
{
    if (!overrideUrl.isEmpty())
        return overrideUrl;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(defaultHostPattern.arg(region));
    return url;
}

std::optional<EndpointConfig> resolveEndpointConfig(const QString &explicitUrl,
                                                    const QProcessEnvironment &environment,
                                                    QString *error,
                                                    const ConfiguredEndpoints &configured)
{
    return resolveEndpointConfig(ivsRealtimeEndpointNames(), explicitUrl, environment, error,
                                 configured);
}

std::optional<EndpointConfig> resolveEndpointConfig(const ServiceEndpointNames &service,
                                                    const QString &explicitUrl,
                                                    const QProcessEnvironment &environment,
                                                    QString *error,
                                                    const ConfiguredEndpoints &configured)
{
    auto fail = [error](const QString &message) -> std::optional<EndpointConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    QList<QPair<QString, QString>> candidates{
        {explicitUrl.trimmed(), QStringLiteral("--endpoint-url")}};
    const bool ignoreConfigured =
        isTrue(environment.value(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))) ||
        configured.ignoreConfigured;
    if (!ignoreConfigured) {
        for (const QString &variable :
             {service.environmentVariable, QStringLiteral("AWS_ENDPOINT_URL")})
            candidates.append({environment.value(variable).trimmed(), variable});
        candidates.append(
            {configured.serviceUrl.trimmed(),
             Text::tr("the services section of profile \"%1\"").arg(configured.profileName)});
        candidates.append({configured.profileUrl.trimmed(),
                           Text::tr("endpoint_url of profile \"%1\"").arg(configured.profileName)});
    }

    EndpointConfig config;
    config.defaultHostPattern = service.defaultHostPattern;
    for (const auto &[urlText, source] : std::as_const(candidates)) {
        if (urlText.isEmpty())
            continue;
        config.overrideUrl = QUrl(urlText, QUrl::StrictMode);
        config.overrideSource = source;
        const QString problem = endpointUrlProblem(config.overrideUrl);
        if (!problem.isEmpty())
            return fail(problem + QLatin1Char(' ') + Text::tr("(from %1)").arg(source));
        break;
    }

    const QString caBundle = environment.value(QStringLiteral("AWS_CA_BUNDLE")).trimmed();
    if (!caBundle.isEmpty()) {
        QString problem;
        config.extraCas = CaBundle::fromFile(caBundle, &problem);
        if (!config.extraCas)
            return fail(problem);
        config.caBundlePath = caBundle;
    }
    return config;
}

QString displayUrl(const QUrl &url, QUrl::FormattingOptions options)
{
    if (url.userInfo().isEmpty())
        return url.toString(options);
    QUrl shown = url;
    shown.setUserInfo(QStringLiteral("redacted"));
    return shown.toString(options);
}

} // namespace aws
