#include "cli/exit_codes.h"
#include "cli/export_command.h"
#include "files/atomic_file.h"
#include "support/command_runs.h"
#include "support/scripted_endpoint.h"
#include "support/test_data.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace testsupport;

namespace {

const QString kSeedArn = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What is at `path` itself, links not followed: S_IFREG, S_IFLNK, S_IFIFO, …; 0 when nothing.
unsigned kindAt(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & S_IFMT;
}

unsigned permissionsOf(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 0777;
}

// The test's own environment (a sandboxed HOME) with keys of its own and a single attempt.
QProcessEnvironment binaryEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QProcessEnvironment keys =
        environmentWith(QStringLiteral("AKIDEXPORT"), QStringLiteral("export-secret"));
    const QStringList names = keys.keys();
    for (const QString &name : names)
        environment.insert(name, keys.value(name));
    return environment;
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                  QDir::System);
}

} // namespace

// export --file and the window's Export: a file the user names is replaced in one step, and only
// a regular file is replaced. A link planted at the name never redirects the write elsewhere, a
// FIFO, a device or a socket is never replaced, and refusals cost no request.
class TestExportFile : public QObject {
    Q_OBJECT
private slots:
    void aNewFileIsWritten();
    void aRegularFileIsReplacedKeepingItsPermissions();
    void aLinkToAnotherFileIsRefusedNamingItsTarget();
    void aDanglingLinkIsRefusedAndNothingIsCreated();
    void aFifoIsNeitherReplacedNorWaitedOn();
    void aDeviceIsNotReplaced();
    void aSocketIsNotReplaced();
    void aMissingDirectoryIsNamed();
    void exportRefusesALinkBeforeAnyRequest();
    void exportRefusesAFifoBeforeAnyRequest();
    void exportWritesThroughNothingButAFile();
};

void TestExportFile::aNewFileIsWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.json"));
    QCOMPARE(files::writeProblem(path), QString());
    QString error;
    QVERIFY2(files::writeAtomically(path, "{}\n", &error), qPrintable(error));
    QCOMPARE(readFile(path), QByteArray("{}\n"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("new.json")});
}

void TestExportFile::aRegularFileIsReplacedKeepingItsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.json"));
    QVERIFY(writeFile(path, "previous, and longer than what replaces it\n"));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    struct stat before {};
    QVERIFY(::lstat(QFile::encodeName(path).constData(), &before) == 0);

    QString error;
    QVERIFY2(files::writeAtomically(path, "new\n", &error), qPrintable(error));
    QCOMPARE(readFile(path), QByteArray("new\n"));
    QCOMPARE(permissionsOf(path), 0640u);
    // Replaced by another file (a rename), not rewritten in place.
    struct stat after {};
    QVERIFY(::lstat(QFile::encodeName(path).constData(), &after) == 0);
    QVERIFY(after.st_ino != before.st_ino);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("old.json")});
}

void TestExportFile::aLinkToAnotherFileIsRefusedNamingItsTarget()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("bashrc"));
    QVERIFY(writeFile(target, "precious\n"));
    const QString link = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(QFile::link(target, link));

    QString error;
    QVERIFY(!files::writeAtomically(link, "export\n", &error));
    QVERIFY2(error.contains(QStringLiteral("symbolic link to %1").arg(target)), qPrintable(error));
    QCOMPARE(files::writeProblem(link), error);
    // Neither the target nor the link changed, and nothing was left beside them.
    QCOMPARE(readFile(target), QByteArray("precious\n"));
    QCOMPARE(kindAt(link), unsigned(S_IFLNK));
    QCOMPARE(QFile::symLinkTarget(link), target);
    QCOMPARE(entries(dir.path()).size(), 2);

    // Named knowingly, the target itself is written.
    QVERIFY2(files::writeAtomically(target, "export\n", &error), qPrintable(error));
    QCOMPARE(readFile(target), QByteArray("export\n"));
}

void TestExportFile::aDanglingLinkIsRefusedAndNothingIsCreated()
{
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString target = elsewhere.filePath(QStringLiteral("planted"));
    const QString link = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(QFile::link(target, link));

    QString error;
    QVERIFY(!files::writeAtomically(link, "export\n", &error));
    QVERIFY2(error.contains(target) && error.contains(QLatin1String("does not exist")),
             qPrintable(error));
    QVERIFY(!QFile::exists(target));
    QVERIFY(entries(elsewhere.path()).isEmpty());
    QCOMPARE(kindAt(link), unsigned(S_IFLNK));
}

void TestExportFile::aFifoIsNeitherReplacedNorWaitedOn()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // No reader will ever come: opening it for writing would block forever.
    QString error;
    QVERIFY(!files::writeAtomically(fifo, "export\n", &error));
    QVERIFY2(error.contains(QLatin1String("pipe")), qPrintable(error));
    QCOMPARE(kindAt(fifo), unsigned(S_IFIFO));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("stage.json")});
}

void TestExportFile::aDeviceIsNotReplaced()
{
    QVERIFY(QFile::exists(QStringLiteral("/dev/null")));
    const QString problem = files::writeProblem(QStringLiteral("/dev/null"));
    QVERIFY2(problem.contains(QLatin1String("device")), qPrintable(problem));
    QString error;
    QVERIFY(!files::writeAtomically(QStringLiteral("/dev/null"), "export\n", &error));
    QCOMPARE(kindAt(QStringLiteral("/dev/null")), unsigned(S_IFCHR));
}

void TestExportFile::aSocketIsNotReplaced()
{
    QTemporaryDir dir;
    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption);
    const QString socketPath = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY2(server.listen(socketPath), qPrintable(server.errorString()));
    QCOMPARE(kindAt(socketPath), unsigned(S_IFSOCK));
    QString error;
    QVERIFY(!files::writeAtomically(socketPath, "export\n", &error));
    QVERIFY2(error.contains(QLatin1String("socket")), qPrintable(error));
    QCOMPARE(kindAt(socketPath), unsigned(S_IFSOCK));
}

void TestExportFile::aMissingDirectoryIsNamed()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("missing"));
    const QString path = folder + QStringLiteral("/stage.json");
    QString error;
    QVERIFY(!files::writeAtomically(path, "export\n", &error));
    QVERIFY2(error.contains(folder), qPrintable(error));
    QVERIFY(entries(dir.path()).isEmpty());
    QVERIFY(!files::writeAtomically(dir.path(), "export\n", &error));
    QVERIFY2(error.contains(QLatin1String("directory")), qPrintable(error));
}

void TestExportFile::exportRefusesALinkBeforeAnyRequest()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("authorized_keys"));
    QVERIFY(writeFile(target, "ssh-ed25519 AAAA precious\n"));
    const QString link = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(QFile::link(target, link));

    const Run run = runInProcess(
        &cli::runExport,
        {QStringLiteral("--arn"), kSeedArn, QStringLiteral("--file"), link,
         QStringLiteral("--endpoint-url"), endpoint.url().toString()},
        environmentWith(QStringLiteral("AKIDEXPORT"), QStringLiteral("export-secret")));
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QStringLiteral("Cannot write %1").arg(link)) &&
                 run.err.contains(QStringLiteral("symbolic link to %1").arg(target)),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(endpoint.requests().isEmpty());
    QCOMPARE(readFile(target), QByteArray("ssh-ed25519 AAAA precious\n"));
}

void TestExportFile::exportRefusesAFifoBeforeAnyRequest()
{
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Run run = runAppBinary({QStringLiteral("export"), QStringLiteral("--arn"), kSeedArn,
                                  QStringLiteral("--file"), fifo, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()},
                                 binaryEnvironment());
    QCOMPARE(run.exitCode, int(cli::UsageError));
    QVERIFY2(run.err.contains(QLatin1String("pipe")), qPrintable(run.err));
    QVERIFY(endpoint.requests().isEmpty());
    QCOMPARE(kindAt(fifo), unsigned(S_IFIFO));
}

void TestExportFile::exportWritesThroughNothingButAFile()
{
    // The binary, end to end: a regular file is replaced with the export, atomically.
    ScriptedEndpoint endpoint;
    QVERIFY(endpoint.start());
    endpoint.setFallback(
        net::HttpResponse::json(200, readTestData(QStringLiteral("get_stage_seed_response.json"))));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(writeFile(path, "previous export\n"));
    const Run run = runAppBinary({QStringLiteral("export"), QStringLiteral("--arn"), kSeedArn,
                                  QStringLiteral("--file"), path, QStringLiteral("--endpoint-url"),
                                  endpoint.url().toString()},
                                 binaryEnvironment());
    QCOMPARE(run.exitCode, int(cli::Success));
    QVERIFY2(readFile(path).contains("\"sourceArn\""), readFile(path).constData());
    QCOMPARE(kindAt(path), unsigned(S_IFREG));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("stage.json")});
}

QTEST_GUILESS_MAIN(TestExportFile)
#include "tst_export_file.moc"
