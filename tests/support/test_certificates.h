#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace testsupport {

// A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost signed
// by it, made with the openssl command into a temporary folder removed on destruction.
class TestCertificates {
public:
    // Returns false (and says why in `error`) when openssl fails.
    bool generate(QString *error);

    QString caCertificatePath() const;             // PEM, to trust through AWS_CA_BUNDLE
    QSslConfiguration serverConfiguration() const; // certificate + key for the test server

private:
    QTemporaryDir m_dir;
};

} // namespace testsupport
