#include "keychain/keychain_errors.h"
#include "keychain/keychain_store.h"
#include "profiles/profile_secrets.h"
#include "support/keyring_session.h"

#include <QElapsedTimer>
#include <QTest>

using keychain::KeychainErrorKind;
using keychain::KeychainStore;

namespace {

const QString kService = QStringLiteral("ivs-stage-browser-test");

struct Outcome {
    bool done = false;
    keychain::ReadResult read;
    std::optional<keychain::KeychainError> error;
};

Outcome readEntry(KeychainStore &store, const QString &key)
{
    Outcome outcome;
    QObject context;
    store.read(key, &context, [&outcome](const keychain::ReadResult &result) {
        outcome.read = result;
        outcome.done = true;
    });
    // Callers check `done`: a helper returning a value cannot use QVERIFY.
    static_cast<void>(QTest::qWaitFor([&outcome] { return outcome.done; }, 20000));
    return outcome;
}

Outcome writeEntry(KeychainStore &store, const QString &key, const QByteArray &secret)
{
    Outcome outcome;
    QObject context;
    store.write(key, secret, &context, [&outcome](const std::optional<keychain::KeychainError> &e) {
        outcome.error = e;
        outcome.done = true;
    });
    // Callers check `done`: a helper returning a value cannot use QVERIFY.
    static_cast<void>(QTest::qWaitFor([&outcome] { return outcome.done; }, 20000));
    return outcome;
}

Outcome removeEntry(KeychainStore &store, const QString &key)
{
    Outcome outcome;
    QObject context;
    store.remove(key, &context, [&outcome](const std::optional<keychain::KeychainError> &e) {
        outcome.error = e;
        outcome.done = true;
    });
    // Callers check `done`: a helper returning a value cannot use QVERIFY.
    static_cast<void>(QTest::qWaitFor([&outcome] { return outcome.done; }, 20000));
    return outcome;
}

bool succeeded(const Outcome &outcome)
{
    return outcome.done && !outcome.error;
}

} // namespace

// KeychainStore against a real gnome-keyring on a private session bus.
class TestKeychainStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void storesReadsUpdatesAndDeletes();
    void storedEntryIsReadableWithSecretTool();
    void missingEntryIsNotFound();
    void removingAMissingEntryIsFine();
    void backendMessagesAreExplained_data();
    void backendMessagesAreExplained();
    void lockedKeyringRefusesWritesWithAClearMessage();

private:
    testsupport::KeyringSession m_keyring;
};

void TestKeychainStore::initTestCase()
{
    QString error;
    QVERIFY2(m_keyring.start(&error), qPrintable(error));
    m_keyring.exportToThisProcess();
}

void TestKeychainStore::storesReadsUpdatesAndDeletes()
{
    KeychainStore store(kService);
    QVERIFY(succeeded(writeEntry(store, QStringLiteral("profile/a"), "first-secret")));
    Outcome read = readEntry(store, QStringLiteral("profile/a"));
    QVERIFY(read.done);
    QCOMPARE(std::get<QByteArray>(read.read), QByteArray("first-secret"));

    QVERIFY(succeeded(writeEntry(store, QStringLiteral("profile/a"), "second-secret")));
    read = readEntry(store, QStringLiteral("profile/a"));
    QCOMPARE(std::get<QByteArray>(read.read), QByteArray("second-secret"));

    QVERIFY(succeeded(removeEntry(store, QStringLiteral("profile/a"))));
    read = readEntry(store, QStringLiteral("profile/a"));
    QCOMPARE(std::get<keychain::KeychainError>(read.read).kind, KeychainErrorKind::NotFound);
}

void TestKeychainStore::storedEntryIsReadableWithSecretTool()
{
    KeychainStore store(kService);
    const profiles::ProfileSecrets secrets{
        QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), QStringLiteral("token-123")};
    QVERIFY(succeeded(
        writeEntry(store, QStringLiteral("profile/independent"), secrets.toKeychainData())));
    // QtKeychain stores binary data base64-encoded under the org.qt.keychain schema.
    const QByteArray stored = QByteArray::fromBase64(
        m_keyring.lookupWithSecretTool(kService, QStringLiteral("profile/independent")));
    const auto decoded = profiles::ProfileSecrets::fromKeychainData(stored);
    QVERIFY2(decoded, stored.constData());
    QCOMPARE(decoded->secretAccessKey, secrets.secretAccessKey);
    QCOMPARE(decoded->sessionToken, secrets.sessionToken);
}

void TestKeychainStore::missingEntryIsNotFound()
{
    KeychainStore store(kService);
    const Outcome read = readEntry(store, QStringLiteral("profile/never-written"));
    QVERIFY(read.done);
    const auto &error = std::get<keychain::KeychainError>(read.read);
    QCOMPARE(error.kind, KeychainErrorKind::NotFound);
    QVERIFY2(error.message.contains(QLatin1String("locked")), qPrintable(error.message));
}

void TestKeychainStore::removingAMissingEntryIsFine()
{
    KeychainStore store(kService);
    const Outcome removal = removeEntry(store, QStringLiteral("profile/never-written"));
    QVERIFY(removal.done);
    QVERIFY(!removal.error);
}

void TestKeychainStore::backendMessagesAreExplained_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    const int noService = int(KeychainErrorKind::NoService);
    QTest::newRow("no dbus-launch")
        << QStringLiteral("Failed to execute child process \u201cdbus-launch\u201d (No such file "
                          "or directory)")
        << noService << QStringLiteral("no D-Bus session bus");
    QTest::newRow("autolaunch") << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                << noService << QStringLiteral("no D-Bus session bus");
    QTest::newRow("no secret service")
        << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
        << noService << QStringLiteral("no Secret Service");
    QTest::newRow("locked") << QStringLiteral("Cannot create an item in a locked collection")
                            << int(KeychainErrorKind::Locked) << QStringLiteral("Unlock");
}

void TestKeychainStore::backendMessagesAreExplained()
{
    QFETCH(QString, backend);
    QFETCH(int, kind);
    QFETCH(QString, says);
    const keychain::KeychainError error =
        keychain::classifyKeychainError(QKeychain::OtherError, backend);
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
    // Said in the app's words, not the backend's.
    QVERIFY2(!error.message.contains(backend), qPrintable(error.message));
}

void TestKeychainStore::lockedKeyringRefusesWritesWithAClearMessage()
{
    // Last: the keyring stays locked for the rest of this process.
    KeychainStore store(kService);
    QString error;
    QVERIFY2(m_keyring.lockLoginCollection(&error), qPrintable(error));
    QElapsedTimer timer;
    timer.start();
    const Outcome write = writeEntry(store, QStringLiteral("profile/locked"), "secret");
    QVERIFY(write.done);
    QVERIFY(write.error);
    QCOMPARE(write.error->kind, KeychainErrorKind::Locked);
    QVERIFY2(write.error->message.contains(QLatin1String("Unlock")),
             qPrintable(write.error->message));
    QVERIFY2(timer.elapsed() < store.timeout(), "answered before the time box");
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychain_store.moc"
