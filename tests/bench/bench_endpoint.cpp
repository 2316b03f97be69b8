// The demo endpoint in a process of its own, for the one-shot benchmarks of
// packaging/run-benchmarks.sh: the command line and curl --aws-sigv4 call it in turn.
//
//   bench_endpoint [--tls CERT.pem KEY.pem]
//
// Listens on 127.0.0.1 (a free port), prints its URL and one stage ARN on standard output, and
// serves until standard input is closed or ten minutes have passed, whichever comes first.

#include "demo/demo_endpoint.h"

#include <cstdio>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <unistd.h>

namespace {

constexpr int kLifetimeMs = 10 * 60 * 1000;

int usage()
{
    std::fputs("usage: bench_endpoint [--tls CERT.pem KEY.pem]\n", stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    demo::DemoEndpoint endpoint;
    if (!arguments.isEmpty()) {
        if (arguments.size() != 3 || arguments.at(0) != QLatin1String("--tls"))
            return usage();
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(arguments.at(1));
        QFile keyFile(arguments.at(2));
        if (chain.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            std::fputs("bench_endpoint: cannot read the certificate or the key\n", stderr);
            return 2;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificate asked
        endpoint.useTls(tls);
    }
    QString error;
    if (!endpoint.start(&error)) {
        std::fprintf(stderr, "bench_endpoint: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n%s\n", qPrintable(endpoint.url().toString()),
                qPrintable(endpoint.stageArns().constFirst()));
    std::fflush(stdout);

    // Standard input closed (the script ended, or was killed): stop.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&app] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            app.quit();
    });
    QTimer::singleShot(kLifetimeMs, &app, &QCoreApplication::quit);
    return app.exec();
}
