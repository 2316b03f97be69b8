#include "keychain/keychain_store.h"

#include "keychain/keychain_errors.h"

#include <memory>
#include <QPointer>
#include <QTimer>

namespace keychain {

namespace {

// Runs `job` with a deadline. Whichever comes first — the job's answer or the deadline — is
// delivered; the other is dropped. A job that outlives its deadline deletes itself when done.
template <typename Deliver>
void runTimeBoxed(QKeychain::Job *job, int timeoutMs, QObject *context, Deliver deliver)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    auto delivered = std::make_shared<bool>(false);
    auto *deadline = new QTimer(context);
    deadline->setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [delivered, deadline, deliver](QKeychain::Job *finished) {
                         if (*delivered)
                             return;
                         *delivered = true;
                         deadline->deleteLater();
                         deliver(finished, std::optional<KeychainError>());
                     });
    QObject::connect(deadline, &QTimer::timeout, context,
                     [delivered, deadline, deliver, timeoutMs] {
                         if (*delivered)
                             return;
                         *delivered = true;
                         deadline->deleteLater();
                         deliver(nullptr, std::optional<KeychainError>(keychainTimeout(timeoutMs)));
                     });
    deadline->start(timeoutMs);
    job->start();
}

std::optional<KeychainError> errorOf(const QKeychain::Job &job)
{
    if (job.error() == QKeychain::NoError)
        return std::nullopt;
    return classifyKeychainError(job.error(), job.errorString());
}

} // namespace

KeychainStore::KeychainStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

void KeychainStore::read(const QString &key, QObject *context,
                         std::function<void(const ReadResult &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runTimeBoxed(job, m_timeoutMs, context,
                 [done](QKeychain::Job *finished, const std::optional<KeychainError> &timeout) {
                     if (timeout)
                         return done(*timeout);
                     if (const auto error = errorOf(*finished))
                         return done(*error);
                     done(static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData());
                 });
}

void KeychainStore::write(const QString &key, const QByteArray &secret, QObject *context,
                          std::function<void(const std::optional<KeychainError> &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    runTimeBoxed(job, m_timeoutMs, context,
                 [done](QKeychain::Job *finished, const std::optional<KeychainError> &timeout) {
                     done(timeout ? timeout : errorOf(*finished));
                 });
}

void KeychainStore::remove(const QString &key, QObject *context,
                           std::function<void(const std::optional<KeychainError> &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runTimeBoxed(job, m_timeoutMs, context,
                 [done](QKeychain::Job *finished, const std::optional<KeychainError> &timeout) {
                     if (timeout)
                         return done(timeout);
                     std::optional<KeychainError> error = errorOf(*finished);
                     if (error && error->kind == KeychainErrorKind::NotFound)
                         error.reset();
                     done(error);
                 });
}

} // namespace keychain
