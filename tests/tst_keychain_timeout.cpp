#include "keychain/keychain_store.h"
#include "support/keyring_session.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QTest>

namespace {

// Owns the Secret Service name but never answers, like a keyring stuck behind an unlock prompt.
class SilentSecretService final : public QDBusVirtualObject {
public:
    int messagesSwallowed = 0;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        ++messagesSwallowed;
        message.setDelayedReply(true); // and no reply ever follows
        return true;
    }
    QString introspect(const QString &) const override { return {}; }
};

} // namespace

// The time box around keychain calls, and the "no Secret Service" path, each on a bus of its
// own (libsecret keeps one bus per process, hence a separate test executable).
class TestKeychainTimeout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void silentServiceIsCutOffByTheTimeBox();

private:
    testsupport::KeyringSession m_bus;
    SilentSecretService m_silent;
};

void TestKeychainTimeout::initTestCase()
{
    QString error;
    QVERIFY2(m_bus.start(&error, testsupport::KeyringSession::Service::None), qPrintable(error));
    m_bus.exportToThisProcess();
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));
    QVERIFY(bus.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &m_silent,
                                      QDBusConnection::SubPath));
}

void TestKeychainTimeout::silentServiceIsCutOffByTheTimeBox()
{
    keychain::KeychainStore store(QStringLiteral("ivs-stage-browser-test"));
    store.setTimeout(400);
    QObject context;
    std::optional<keychain::ReadResult> result;
    QElapsedTimer timer;
    timer.start();
    store.read(QStringLiteral("profile/any"), &context,
               [&result](const keychain::ReadResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(m_silent.messagesSwallowed > 0, "the call reached the stand-in service");
    const auto *error = std::get_if<keychain::KeychainError>(&*result);
    QVERIFY(error);
    QCOMPARE(error->kind, keychain::KeychainErrorKind::Timeout);
    QVERIFY2(error->message.contains(QLatin1String("0.4 seconds")), qPrintable(error->message));
    QVERIFY2(elapsed >= 350 && elapsed < 3000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "tst_keychain_timeout.moc"
