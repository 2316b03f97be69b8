#include "support/test_certificates.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>

namespace testsupport {

namespace {

bool runOpenSsl(const QString &workingDirectory, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace

bool TestCertificates::generate(QString *error)
{
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString dir = m_dir.path();
    QFile extensions(dir + QStringLiteral("/server.ext"));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\n"
                     "basicConstraints=CA:FALSE\n"
                     "keyUsage=digitalSignature,keyEncipherment\n"
                     "extendedKeyUsage=serverAuth\n");
    extensions.close();

    const QString days = QStringLiteral("2");
    return runOpenSsl(dir,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                       QStringLiteral("ca.pem"), QStringLiteral("-days"), days,
                       QStringLiteral("-subj"), QStringLiteral("/CN=IVS Stage Browser Test CA")},
                      error) &&
           runOpenSsl(dir,
                      {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       QStringLiteral("server.key"), QStringLiteral("-out"),
                       QStringLiteral("server.csr"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1")},
                      error) &&
           runOpenSsl(dir,
                      {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       QStringLiteral("server.csr"), QStringLiteral("-CA"),
                       QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                       QStringLiteral("server.pem"), QStringLiteral("-days"), days,
                       QStringLiteral("-extfile"), QStringLiteral("server.ext")},
                      error);
}

QString TestCertificates::caCertificatePath() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QSslConfiguration TestCertificates::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> chain =
        QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("server.pem")));
    QFile keyFile(m_dir.filePath(QStringLiteral("server.key")));
    keyFile.open(QIODevice::ReadOnly);
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // the server asks no client cert
    return configuration;
}

} // namespace testsupport
