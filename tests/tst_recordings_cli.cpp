// recordings and download-recording against the demo endpoint's buckets: what the table and the
// JSON say of each participant, the outcome checks' exit code, and a download that is verified,
// kept when complete, and refused where it cannot go.
#include "cli/recordings_command.h"
#include "demo/demo_endpoint.h"
#include "support/command_runs.h"
#include "support/demo_stage_fixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

const QString kYesterday = QStringLiteral("st-Old2Session0002");
const QString kHostYesterday = QStringLiteral("pE5hostAnna00005");

QProcessEnvironment demoEnvironment()
{
    const aws::Credentials credentials = demo::DemoEndpoint::credentials();
    return environmentWith(credentials.accessKeyId, credentials.secretAccessKey);
}

Run recordings(QStringList arguments)
{
    arguments.prepend(QStringLiteral("--demo"));
    return runInProcess(&cli::runRecordings, arguments, demoEnvironment());
}

Run download(QStringList arguments)
{
    arguments.prepend(QStringLiteral("--demo"));
    return runInProcess(&cli::runDownloadRecording, arguments, demoEnvironment());
}

QJsonObject participantIn(const QJsonObject &document, const QString &userId)
{
    const QJsonArray participants = document.value(QStringLiteral("participants")).toArray();
    for (const QJsonValue &value : participants) {
        if (value.toObject().value(QStringLiteral("userId")).toString() == userId)
            return value.toObject();
    }
    return {};
}

// "…; 715 already there." → 715
qsizetype alreadyThere(const QString &out)
{
    static const QRegularExpression count(QStringLiteral("(\\d+) already there"));
    const QRegularExpressionMatch match = count.match(out);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDir dir(root);
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir()) {
            const QStringList inner = filesUnder(entry.filePath());
            for (const QString &file : inner)
                files.append(entry.fileName() + QLatin1Char('/') + file);
        } else {
            files.append(entry.fileName());
        }
    }
    files.sort();
    return files;
}

} // namespace

class TestRecordingsCli : public QObject {
    Q_OBJECT

private slots:
    void theLatestSessionIsShownParticipantByParticipant()
    {
        const Run run = recordings({QStringLiteral("--arn"), kFullyConfiguredDemoArn});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QLatin1String("st-a1b2C3d4E5f6G7h")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("still active")), qPrintable(run.out));
        const QStringList lines = run.out.split(QLatin1Char('\n'));
        auto rowOf = [&lines](const QString &user) {
            for (const QString &line : lines) {
                if (line.startsWith(user + QLatin1Char(' ')))
                    return line;
            }
            return QString();
        };
        QVERIFY2(rowOf(QStringLiteral("host-anna")).contains(QLatin1String("Recording")),
                 qPrintable(run.out));
        QVERIFY2(rowOf(QStringLiteral("obs-rtmps")).contains(QLatin1String("Recorded")),
                 qPrintable(run.out));
        QVERIFY2(rowOf(QStringLiteral("obs-rtmps")).contains(QLatin1String("10 min 0 s")),
                 qPrintable(run.out));
        QVERIFY2(rowOf(QStringLiteral("obs-rtmps")).contains(QLatin1String("720p 360p")),
                 qPrintable(run.out));
        QVERIFY2(rowOf(QStringLiteral("replica-eu")).contains(QLatin1String("Not recorded")),
                 qPrintable(run.out));
        // guest-ben never published: nothing to record, and that is no storage problem.
        QVERIFY2(rowOf(QStringLiteral("guest-ben")).contains(QLatin1String("Nothing in S3")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("No problems found.")), qPrintable(run.out));
    }

    void problemsFoundInTheBucketEndWithOne()
    {
        const Run run = recordings({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                                    QStringLiteral("--session-id"), kYesterday,
                                    QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("sessionId")).toString(), kYesterday);
        const QJsonObject host = participantIn(document, QStringLiteral("host-anna"));
        QCOMPARE(host.value(QStringLiteral("outcome")).toString(), QStringLiteral("ended"));
        QCOMPARE(host.value(QStringLiteral("durationSeconds")).toDouble(), 3500.0);
        QCOMPARE(host.value(QStringLiteral("thumbnails")).toArray().size(), 12);
        QCOMPARE(host.value(QStringLiteral("renditions")).toArray().size(), 2);
        QVERIFY(host.value(QStringLiteral("totalBytes")).toDouble() > 0);
        const QJsonObject cara = participantIn(document, QStringLiteral("guest-cara"));
        QCOMPARE(cara.value(QStringLiteral("outcome")).toString(), QStringLiteral("empty"));
        const QJsonObject dan = participantIn(document, QStringLiteral("guest-dan"));
        QCOMPARE(dan.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QVERIFY(dan.value(QStringLiteral("reason"))
                    .toString()
                    .contains(QLatin1String("access denied")));

        QStringList ids;
        const QJsonArray findings = document.value(QStringLiteral("findings")).toArray();
        for (const QJsonValue &finding : findings)
            ids.append(finding.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids, (QStringList{QStringLiteral("recorded-but-empty"),
                                   QStringLiteral("recording-failed-file")}));
    }

    void badInputIsRefusedBeforeAnyRequest()
    {
        Run run = recordings({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                              QStringLiteral("--output"), QStringLiteral("xml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("--output must be")));
        run = recordings({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                          QStringLiteral("--session-id"), QStringLiteral("st-NoSuchSession")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QLatin1String("Session st-NoSuchSession not found")),
                 qPrintable(run.err));

        QTemporaryDir folder;
        run = download({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                        QStringLiteral("--session-id"), kYesterday, QStringLiteral("--dir"),
                        folder.path()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--participant-id is required")),
                 qPrintable(run.err));
        run = download({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                        QStringLiteral("--session-id"), kYesterday,
                        QStringLiteral("--participant-id"), kHostYesterday, QStringLiteral("--dir"),
                        folder.filePath(QStringLiteral("missing"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("is not a folder")), qPrintable(run.err));
        QVERIFY(filesUnder(folder.path()).isEmpty());
        // Nothing landed for guest-cara: nothing to download, said as not found.
        run = download({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                        QStringLiteral("--session-id"), kYesterday,
                        QStringLiteral("--participant-id"), QStringLiteral("pF6guestCara0006"),
                        QStringLiteral("--dir"), folder.path()});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(QLatin1String("Nothing to download")), qPrintable(run.err));
    }

    void aRecordingIsDownloadedVerifiedAndKept()
    {
        QTemporaryDir folder;
        const QStringList arguments{QStringLiteral("--arn"),
                                    kFullyConfiguredDemoArn,
                                    QStringLiteral("--session-id"),
                                    kYesterday,
                                    QStringLiteral("--participant-id"),
                                    kHostYesterday,
                                    QStringLiteral("--dir"),
                                    folder.path()};
        Run run = download(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QStringList files = filesUnder(folder.path());
        // Events, playlists, 350 segments a rendition, 12 thumbnails; no part file is left.
        QVERIFY(files.contains(QStringLiteral("events/recording-ended.json")));
        QVERIFY(files.contains(QStringLiteral("media/hls/multivariant.m3u8")));
        QVERIFY(files.contains(QStringLiteral("media/hls/high/349.ts")));
        QVERIFY(files.contains(QStringLiteral("media/thumbnails/high/11.jpg")));
        QCOMPARE(files.size(), 2 + 1 + 2 * (1 + 350) + 12);
        for (const QString &file : files)
            QVERIFY2(!file.endsWith(QLatin1String(".part")), qPrintable(file));
        QVERIFY2(run.out.contains(QStringLiteral("%1 of %1 files").arg(files.size())),
                 qPrintable(run.out));
        QFile playlist(folder.filePath(QStringLiteral("media/hls/high/playlist.m3u8")));
        QVERIFY(playlist.open(QIODevice::ReadOnly));
        QVERIFY(playlist.readAll().endsWith("#EXT-X-ENDLIST\n"));

        // Again: the files there and complete are kept. The demo writes its events files anew
        // at each start (their times follow the clock), so those two are fetched again.
        run = download(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(alreadyThere(run.out) >= files.size() - 2, qPrintable(run.out));

        // A damaged file is fetched again; a stray one is left alone.
        QFile segment(folder.filePath(QStringLiteral("media/hls/low/7.ts")));
        QVERIFY(segment.open(QIODevice::ReadWrite));
        segment.write("damaged");
        segment.close();
        QFile stray(folder.filePath(QStringLiteral("notes.txt")));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("mine");
        stray.close();
        run = download(arguments);
        QCOMPARE(run.exitCode, 0);
        const qsizetype kept = alreadyThere(run.out);
        QVERIFY2(kept >= files.size() - 3 && kept < files.size(), qPrintable(run.out));
        QFile repaired(folder.filePath(QStringLiteral("media/hls/low/7.ts")));
        QVERIFY(repaired.open(QIODevice::ReadOnly));
        QVERIFY(!repaired.readAll().startsWith("damaged"));
        QVERIFY(QFile::exists(folder.filePath(QStringLiteral("notes.txt"))));
    }

    void hlsOnlyLeavesTheRestOut()
    {
        QTemporaryDir folder;
        const Run run = download(
            {QStringLiteral("--arn"), kFullyConfiguredDemoArn, QStringLiteral("--session-id"),
             kYesterday, QStringLiteral("--participant-id"), kHostYesterday,
             QStringLiteral("--dir"), folder.path(), QStringLiteral("--hls-only")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QStringList files = filesUnder(folder.path());
        QCOMPARE(files.size(), 1 + 2 * (1 + 350));
        for (const QString &file : files)
            QVERIFY2(file.startsWith(QLatin1String("media/hls/")), qPrintable(file));
    }

    void aSymbolicLinkCannotLeadTheDownloadOutside()
    {
        QTemporaryDir folder;
        QTemporaryDir elsewhere;
        QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("media")));
        // media/hls leads elsewhere: nothing may be written through it.
        QVERIFY(QFile::link(elsewhere.path(), folder.filePath(QStringLiteral("media/hls"))));
        const Run run = download({QStringLiteral("--arn"), kFullyConfiguredDemoArn,
                                  QStringLiteral("--session-id"), kYesterday,
                                  QStringLiteral("--participant-id"), kHostYesterday,
                                  QStringLiteral("--dir"), folder.path()});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("leads outside the chosen folder")),
                 qPrintable(run.err));
        QVERIFY(filesUnder(elsewhere.path()).isEmpty());
        // What could go in its place did.
        QVERIFY(QFile::exists(folder.filePath(QStringLiteral("events/recording-ended.json"))));
    }

    void helpSaysWhatIsRead()
    {
        QVERIFY(cli::recordingsHelpText().contains(QLatin1String("s3:ListBucket")));
        QVERIFY(cli::downloadRecordingHelpText().contains(QLatin1String("--hls-only")));
    }
};

QTEST_GUILESS_MAIN(TestRecordingsCli)
#include "tst_recordings_cli.moc"
