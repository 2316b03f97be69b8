#pragma once

#include <memory>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace aws {

// The certificate authorities of AWS_CA_BUNDLE, trusted besides the system's. The file is read
// and checked when the configuration is resolved, but its certificates are decoded only when a
// https request first needs them, once: a bundle is often the whole system bundle (hundreds of
// certificates), and a run that only speaks plain http, or never sends a request, must not pay
// for decoding it.
class CaBundle {
public:
    // Null and a sentence in `error` when `path` cannot be read or holds no PEM certificate.
    static std::shared_ptr<const CaBundle> fromFile(const QString &path, QString *error);
    // Certificates already in hand (tests, callers with their own).
    static std::shared_ptr<const CaBundle> fromCertificates(QList<QSslCertificate> certificates);

    const QString &path() const { return m_path; }
    // Decoded on the first call, then kept.
    const QList<QSslCertificate> &certificates() const;
    bool isDecoded() const { return m_certificates.has_value(); }

private:
    QString m_path;
    QByteArray m_pem;
    mutable std::optional<QList<QSslCertificate>> m_certificates;
};

} // namespace aws
