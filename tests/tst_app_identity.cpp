#include "identity/app_identity.h"
#include "identity/settings_migration.h"
#include "profiles/profile_storage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The app's names, and settings carried over from where earlier versions kept them.
class TestAppIdentity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void everyKeyIsCopiedIntoEmptySettings();
    void copyingHappensOnlyOnce();
    void settingsInUseAreLeftAlone();
    void nothingIsWrittenWithoutOldSettings();
    void namesFollowTheAppId();
    void savedProfilesMoveToTheNewPlace();
    void settingsFileIsReadableByItsOwnerOnly();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void writeOldSettings(QSettings &old);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
};

void TestAppIdentity::initTestCase()
{
    // Settings paths are fixed at first use: the scratch home must be in place before that.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
}

void TestAppIdentity::init()
{
    for (const QString &name :
         QDir(m_dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden))
        QVERIFY(QFile::remove(path(name)));
}

void TestAppIdentity::writeOldSettings(QSettings &old)
{
    old.setValue(QStringLiteral("activeProfile"), QStringLiteral("prod"));
    old.setValue(QStringLiteral("profiles/prod/region"), QStringLiteral("eu-west-1"));
    old.setValue(QStringLiteral("profiles/prod/accessKeyId"), QStringLiteral("AKIDOLD"));
    old.setValue(QStringLiteral("profiles/prod/hasSessionToken"), true);
    old.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\x00\xd9\xd0", 4));
    old.setValue(QStringLiteral("recentArns"),
                 QStringList{QStringLiteral("arn:a"), QStringLiteral("arn:b")});
    old.sync();
    QCOMPARE(old.status(), QSettings::NoError);
}

void TestAppIdentity::everyKeyIsCopiedIntoEmptySettings()
{
    QSettings old(path(QStringLiteral("old.ini")), QSettings::IniFormat);
    writeOldSettings(old);
    QSettings fresh(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    QVERIFY(!QFile::exists(fresh.fileName()));

    QVERIFY(identity::copyLegacySettings(old, fresh));

    // Read back from the file, as the next start would.
    const QSettings reread(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    for (const QString &key : old.allKeys())
        QCOMPARE(reread.value(key), old.value(key));
    QCOMPARE(reread.value(QStringLiteral("window/geometry")).toByteArray(),
             QByteArray("\x01\x00\xd9\xd0", 4));
    QCOMPARE(reread.value(QStringLiteral("profiles/prod/hasSessionToken")).toBool(), true);
    // The old file stays, for an older version still installed elsewhere.
    QCOMPARE(QSettings(path(QStringLiteral("old.ini")), QSettings::IniFormat).allKeys().size(), 6);
}

void TestAppIdentity::copyingHappensOnlyOnce()
{
    QSettings old(path(QStringLiteral("old.ini")), QSettings::IniFormat);
    writeOldSettings(old);
    QSettings fresh(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    QVERIFY(identity::copyLegacySettings(old, fresh));

    // The user removes the carried-over profile; it must not come back from the old file.
    fresh.remove(QStringLiteral("profiles"));
    fresh.remove(QStringLiteral("activeProfile"));
    fresh.sync();
    QVERIFY(!identity::copyLegacySettings(old, fresh));
    QSettings reread(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    QVERIFY(!reread.contains(QStringLiteral("profiles/prod/accessKeyId")));
    QVERIFY(!reread.contains(QStringLiteral("activeProfile")));
}

void TestAppIdentity::settingsInUseAreLeftAlone()
{
    QSettings old(path(QStringLiteral("old.ini")), QSettings::IniFormat);
    writeOldSettings(old);
    QSettings current(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    current.setValue(QStringLiteral("activeProfile"), QStringLiteral("staging"));
    current.sync();

    QVERIFY(!identity::copyLegacySettings(old, current));
    const QSettings reread(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    QCOMPARE(reread.allKeys(), QStringList{QStringLiteral("activeProfile")});
    QCOMPARE(reread.value(QStringLiteral("activeProfile")).toString(), QStringLiteral("staging"));
}

void TestAppIdentity::nothingIsWrittenWithoutOldSettings()
{
    const QSettings old(path(QStringLiteral("missing.ini")), QSettings::IniFormat);
    QSettings fresh(path(QStringLiteral("new.ini")), QSettings::IniFormat);
    QVERIFY(!identity::copyLegacySettings(old, fresh));
    fresh.sync();
    QVERIFY(!QFile::exists(path(QStringLiteral("new.ini"))));
    QVERIFY(!QFile::exists(path(QStringLiteral("missing.ini"))));
}

void TestAppIdentity::namesFollowTheAppId()
{
    identity::applyAppIdentity();
    QCOMPARE(identity::appId(), QStringLiteral("org.ivsstagebrowser.StageBrowser"));
    QCOMPARE(QGuiApplication::desktopFileName(), identity::appId());
    QCOMPARE(QCoreApplication::applicationVersion(), identity::version());
    // --version, the window class and the User-Agent keep the program's name...
    QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("ivs-stage-browser"));
    // ...and so does the keychain service: secrets saved by earlier versions stay found.
    QCOMPARE(QString::fromLatin1(profiles::ProfileStorage::kKeychainService),
             QStringLiteral("ivs-stage-browser"));
    // The settings directory is named by the app id.
    QCOMPARE(QSettings().fileName(),
             m_home.filePath(QStringLiteral(".config/org.ivsstagebrowser.StageBrowser/"
                                            "ivs-stage-browser.conf")));
    QVERIFY(QFile::exists(identity::iconResource())); // compiled into ivs_ui
}

void TestAppIdentity::savedProfilesMoveToTheNewPlace()
{
    // Where version 0.1 kept them: ~/.config/IVS Stage Browser/ivs-stage-browser.conf.
    {
        QSettings old(QSettings::NativeFormat, QSettings::UserScope,
                      QStringLiteral("IVS Stage Browser"), QStringLiteral("ivs-stage-browser"));
        QCOMPARE(old.fileName(), m_home.filePath(QStringLiteral(
                                     ".config/IVS Stage Browser/ivs-stage-browser.conf")));
        writeOldSettings(old);
    }
    identity::applyAppIdentity();
    QVERIFY(!QFile::exists(QSettings().fileName()));
    identity::carryOverLegacySettings();

    profiles::ProfileStorage storage;
    const auto profile = storage.store.find(QStringLiteral("prod"));
    QVERIFY(profile.has_value());
    QCOMPARE(profile->region, QStringLiteral("eu-west-1"));
    QCOMPARE(profile->accessKeyId, QStringLiteral("AKIDOLD"));
    QCOMPARE(storage.store.activeProfile(), QStringLiteral("prod"));
    QVERIFY(QFile::exists(QSettings().fileName()));
}

void TestAppIdentity::settingsFileIsReadableByItsOwnerOnly()
{
    identity::applyAppIdentity();
    const QString file = QSettings().fileName();
    const QString directory = QFileInfo(file).absolutePath();
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    const QFile::Permissions mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                    QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                    QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    // Left as a default umask makes it: readable by all.
    QVERIFY(QFile::remove(file) || !QFile::exists(file));
    {
        QSettings settings;
        settings.setValue(QStringLiteral("recentArns"), QStringList{QStringLiteral("arn:x")});
        settings.sync();
    }
    QVERIFY(QFile::setPermissions(file, ownerOnly | QFile::ReadGroup | QFile::ReadOther));

    QVERIFY(identity::protectSettingsFile());
    QCOMPARE(QFile::permissions(file) & mask, ownerOnly);
    QCOMPARE(QFile::permissions(directory) & mask, ownerOnly | QFile::ExeOwner);
    // Rewritten by QSettings (a new file moved into place), it keeps the mode.
    {
        QSettings settings;
        settings.setValue(QStringLiteral("recentArns"), QStringList{QStringLiteral("arn:y")});
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QCOMPARE(QFile::permissions(file) & mask, ownerOnly);
    QCOMPARE(QSettings().value(QStringLiteral("recentArns")).toStringList(),
             QStringList{QStringLiteral("arn:y")});

    // A first start makes the file with that mode before anything is written to it.
    QVERIFY(QFile::remove(file));
    QVERIFY(identity::protectSettingsFile());
    QVERIFY(QFile::exists(file));
    QCOMPARE(QFile::permissions(file) & mask, ownerOnly);
}

QTEST_GUILESS_MAIN(TestAppIdentity)
#include "tst_app_identity.moc"
