#include "aws/ca_bundle.h"

#include "files/bounded_file.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace aws {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(aws::EndpointConfig)
};

// The whole system bundle is about 200 KiB; anything beyond this is not a CA bundle.
constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024;

} // namespace

std::shared_ptr<const CaBundle> CaBundle::fromFile(const QString &path, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return nullptr;
    };
    if (!QFileInfo(path).isReadable())
        return fail(Text::tr("AWS_CA_BUNDLE points to \"%1\", which cannot be read.").arg(path));
    QString problem;
    const std::optional<QByteArray> pem =
        files::readBounded(path, kMaxBundleBytes, files::Accept::RegularFiles,
                           Text::tr("the AWS_CA_BUNDLE file"), &problem);
    if (!pem)
        return fail(problem);
    if (!pem->contains("-----BEGIN CERTIFICATE-----"))
        return fail(Text::tr("AWS_CA_BUNDLE file \"%1\" holds no PEM certificate.").arg(path));
    auto bundle = std::make_shared<CaBundle>();
    bundle->m_path = path;
    bundle->m_pem = *pem;
    return bundle;
}

std::shared_ptr<const CaBundle> CaBundle::fromCertificates(QList<QSslCertificate> certificates)
{
    auto bundle = std::make_shared<CaBundle>();
    bundle->m_certificates = std::move(certificates);
    return bundle;
}

const QList<QSslCertificate> &CaBundle::certificates() const
{
    if (!m_certificates)
        m_certificates = QSslCertificate::fromData(m_pem, QSsl::Pem);
    return *m_certificates;
}

} // namespace aws
