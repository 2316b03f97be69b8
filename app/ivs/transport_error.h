#pragma once

#include "ivs/service_error.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QUrl>

namespace ivs {

// Turns a failed exchange that produced no HTTP status (refused, unresolved, TLS, timeout) into
// an error that names the host and says what to check.
ServiceError transportError(QNetworkReply::NetworkError code, const QString &errorString,
                            const QUrl &url, const QList<QSslError> &sslErrors, bool timedOut,
                            int timeoutMs);

} // namespace ivs
