#include "platform/keychain_hints.h"
#include "platform/obs_settings.h"
#include "platform/process_start.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

// What differs by operating system, in app/platform/: here as it behaves on Linux, from the
// environment the test sets up.
class TestPlatform : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void obsSettingsFollowXdgConfigHome();
    void obsSettingsDefaultToTheHomeFolder();
    void startTicksAreReadAfterTheCommandName_data();
    void startTicksAreReadAfterTheCommandName();
    void processAgeComesFromTheKernel();
    void keychainHintsNameTheSecretService();

private:
    QTemporaryDir m_home;
    QElapsedTimer m_sinceStart;
};

void TestPlatform::initTestCase()
{
    m_sinceStart.start();
#ifndef Q_OS_LINUX
    QSKIP("These are the Linux branches of the platform unit.");
#endif
    QVERIFY(m_home.isValid());
}

void TestPlatform::init()
{
    qputenv("HOME", m_home.path().toUtf8());
    qunsetenv("XDG_CONFIG_HOME");
}

void TestPlatform::obsSettingsFollowXdgConfigHome()
{
    const QString config = m_home.filePath(QStringLiteral("elsewhere/config"));
    qputenv("XDG_CONFIG_HOME", config.toUtf8());
    QCOMPARE(platform::obsSettingsFolders(),
             (QStringList{config + QStringLiteral("/obs-studio"),
                          m_home.filePath(QStringLiteral(
                              ".var/app/com.obsproject.Studio/config/obs-studio"))}));
}

void TestPlatform::obsSettingsDefaultToTheHomeFolder()
{
    // Without XDG_CONFIG_HOME the native build's folder is ~/.config/obs-studio; the Flatpak
    // build keeps its own under ~/.var whatever the variable says.
    QCOMPARE(platform::obsSettingsFolders(),
             (QStringList{m_home.filePath(QStringLiteral(".config/obs-studio")),
                          m_home.filePath(QStringLiteral(
                              ".var/app/com.obsproject.Studio/config/obs-studio"))}));
}

void TestPlatform::startTicksAreReadAfterTheCommandName_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<qlonglong>("ticks"); // -1: none

    // Fields 3 to 21, then the start time (22) and what follows it.
    const QByteArray fields = "S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654 19 20\n";
    QTest::newRow("plain name") << QByteArray("4242 (ivs-stage-browser) " + fields)
                                << qlonglong(987654);
    QTest::newRow("name with spaces and parentheses")
        << QByteArray("4242 (a ) b (c)) " + fields) << qlonglong(987654);
    QTest::newRow("no name") << QByteArray("4242 " + fields) << qlonglong(-1);
    QTest::newRow("cut short") << QByteArray("4242 (ivs) S 1 2 3\n") << qlonglong(-1);
    QTest::newRow("not a number")
        << QByteArray("4242 (ivs) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 soon 19\n")
        << qlonglong(-1);
}

void TestPlatform::startTicksAreReadAfterTheCommandName()
{
    QFETCH(QByteArray, line);
    QFETCH(qlonglong, ticks);
    const std::optional<qulonglong> read = platform::startTicksFromStat(line);
    QCOMPARE(read.has_value(), ticks >= 0);
    if (read)
        QCOMPARE(qlonglong(*read), ticks);
}

void TestPlatform::processAgeComesFromTheKernel()
{
    const qint64 sinceTestStart = m_sinceStart.elapsed();
    const std::optional<double> first = platform::processAgeMilliseconds();
    QVERIFY(first.has_value());
    // The process started before this test did, and the kernel's record errs high, never low.
    QVERIFY2(*first >= double(sinceTestStart),
             qPrintable(QStringLiteral("%1 ms old, %2 ms since the test started")
                            .arg(*first)
                            .arg(sinceTestStart)));
    const std::optional<double> second = platform::processAgeMilliseconds();
    QVERIFY(second.has_value());
    QVERIFY(*second >= *first);
}

void TestPlatform::keychainHintsNameTheSecretService()
{
    const QString hint = platform::keychainServiceHint();
    QVERIFY2(hint.contains(QLatin1String("Secret Service")), qPrintable(hint));
    QVERIFY2(hint.contains(QLatin1String("gnome-keyring")), qPrintable(hint));
    QVERIFY2(hint.contains(QLatin1String("D-Bus")), qPrintable(hint));
    QCOMPARE(platform::keyringManagerName(), QStringLiteral("Passwords and Keys"));
}

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"
