// What a participant's recording left in S3: keys made safe to use as paths, the events files and
// playlists read, and the whole summed up and checked.
#include "recordings/hls_playlist.h"
#include "recordings/participant_recording.h"
#include "recordings/recording_checks.h"
#include "recordings/recording_files.h"
#include "recordings/recording_metadata.h"

#include <QTest>
#include <QTimeZone>

using namespace recordings;

namespace {

const QString kPrefix = QStringLiteral("abcdABCDefgh/st-1/p-1");

RecordingFile file(const QString &path, qint64 size = 100)
{
    return RecordingFile{path, size, "0123456789abcdef0123456789abcdef", {}};
}

QByteArray endedMetadata()
{
    return R"({"version":"v1","stage_arn":"arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh",
        "session_id":"st-1","participant_id":"p-1",
        "recording_started_at":"2026-12-01T10:00:00Z","recording_ended_at":"2026-12-01T10:30:00Z",
        "recording_status":"RECORDING_ENDED","recording_status_message":"",
        "media":{"hls":{"duration_ms":1799500,"path":"media/hls","playlist":"multivariant.m3u8",
          "renditions":[{"path":"high","playlist":"playlist.m3u8","resolution_width":1280,"resolution_height":720}]},
          "thumbnails":{"path":"media/thumbnails","renditions":[{"path":"high","resolution_width":1280,"resolution_height":720}]}}})";
}

RecordingEvidence endedEvidence()
{
    RecordingEvidence evidence;
    evidence.participantId = QStringLiteral("p-1");
    evidence.userId = QStringLiteral("host-ana");
    evidence.recordingState = QStringLiteral("STOPPED");
    evidence.bucket = QStringLiteral("recordings");
    evidence.prefix = kPrefix;
    evidence.listed = true;
    evidence.files = {file(QStringLiteral("events/recording-started.json"), 500),
                      file(QStringLiteral("events/recording-ended.json"), 600),
                      file(QStringLiteral("media/hls/multivariant.m3u8"), 200),
                      file(QStringLiteral("media/hls/high/playlist.m3u8"), 300),
                      file(QStringLiteral("media/hls/high/1.mp4"), 1000),
                      file(QStringLiteral("media/hls/high/2.mp4"), 2000),
                      file(QStringLiteral("media/hls/low/playlist.m3u8"), 300),
                      file(QStringLiteral("media/hls/low/1.mp4"), 400),
                      file(QStringLiteral("media/thumbnails/high/10.jpg"), 50),
                      file(QStringLiteral("media/thumbnails/high/2.jpg"), 50),
                      file(QStringLiteral("media/thumbnails/high/1.jpg"), 50)};
    evidence.metadata = parseRecordingMetadata(endedMetadata());
    evidence.variants =
        QList<HlsVariant>{{QStringLiteral("high/playlist.m3u8"), 2500000, 1280, 720},
                          {QStringLiteral("low/playlist.m3u8"), 500000, 426, 240}};
    evidence.mediaPlaylists.insert(QStringLiteral("high"), HlsMediaPlaylist{1800.25, 300, true});
    evidence.mediaPlaylists.insert(QStringLiteral("low"), HlsMediaPlaylist{1799.0, 300, true});
    return evidence;
}

} // namespace

class TestRecordingLayout : public QObject {
    Q_OBJECT

private slots:
    void safePathsAreRelativeToThePrefix()
    {
        QCOMPARE(safeRelativePath(kPrefix, kPrefix + QStringLiteral("/media/hls/a b/ü.m3u8")),
                 std::optional<QString>(QStringLiteral("media/hls/a b/ü.m3u8")));
        // The prefix as the service gives it may or may not end with '/'.
        QCOMPARE(safeRelativePath(kPrefix + QLatin1Char('/'), kPrefix + QStringLiteral("/x")),
                 std::optional<QString>(QStringLiteral("x")));
    }

    void keysThatWouldEscapeTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("dot-dot") << kPrefix + QStringLiteral("/../../etc/passwd");
        QTest::newRow("dot-dot inside") << kPrefix + QStringLiteral("/media/../../x");
        QTest::newRow("absolute") << kPrefix + QStringLiteral("//etc/passwd");
        QTest::newRow("dot") << kPrefix + QStringLiteral("/./x");
        QTest::newRow("empty component") << kPrefix + QStringLiteral("/a//b");
        QTest::newRow("backslash") << kPrefix + QStringLiteral("/..\\..\\x");
        QTest::newRow("control") << kPrefix + QStringLiteral("/a\nb");
        QTest::newRow("outside the prefix") << QStringLiteral("other/p-1/x");
        QTest::newRow("a longer sibling") << kPrefix + QStringLiteral("2/x");
        QTest::newRow("the prefix itself") << kPrefix + QLatin1Char('/');
        QTest::newRow("too long") << kPrefix + QLatin1Char('/') + QString(1100, QLatin1Char('a'));
    }
    void keysThatWouldEscapeTheFolderAreRefused()
    {
        QFETCH(QString, key);
        QString problem;
        QVERIFY(!safeRelativePath(kPrefix, key, &problem).has_value());
        QVERIFY(!problem.isEmpty());
    }

    void filesAreClassifiedByWhereIvsWritesThem()
    {
        QCOMPARE(fileKind(QStringLiteral("events/recording-failed.json")), FileKind::FailedEvent);
        QCOMPARE(fileKind(QStringLiteral("events/recording-ended.json")), FileKind::EndedEvent);
        QCOMPARE(fileKind(QStringLiteral("events/other.json")), FileKind::OtherEvent);
        QCOMPARE(fileKind(QStringLiteral("media/hls/high/playlist.m3u8")), FileKind::HlsPlaylist);
        QCOMPARE(fileKind(QStringLiteral("media/hls/high/3.mp4")), FileKind::HlsMedia);
        QCOMPARE(fileKind(QStringLiteral("media/thumbnails/high/3.jpg")), FileKind::Thumbnail);
        QCOMPARE(fileKind(QStringLiteral("media/latest_thumbnail/high/thumb.jpg")),
                 FileKind::LatestThumbnail);
        QCOMPARE(fileKind(QStringLiteral("notes.txt")), FileKind::Other);
    }

    void pathsSortAsPeopleCount()
    {
        QStringList paths{QStringLiteral("t/10.jpg"), QStringLiteral("t/9.jpg"),
                          QStringLiteral("t/100.jpg"), QStringLiteral("t/1.jpg")};
        sortNaturally(paths);
        QCOMPARE(paths, (QStringList{QStringLiteral("t/1.jpg"), QStringLiteral("t/9.jpg"),
                                     QStringLiteral("t/10.jpg"), QStringLiteral("t/100.jpg")}));
    }

    void onlySinglePartEtagsAreMd5s()
    {
        QCOMPARE(md5FromEtag("9B2CF535F27731C974343645A3985328"),
                 QByteArray("9b2cf535f27731c974343645a3985328"));
        QVERIFY(md5FromEtag("9b2cf535f27731c974343645a3985328-3").isEmpty());
        QVERIFY(md5FromEtag("abc").isEmpty());
    }

    void metadataIsRead()
    {
        const auto metadata = parseRecordingMetadata(endedMetadata());
        QVERIFY(metadata);
        QCOMPARE(metadata->status, RecordingMetadata::Status::Ended);
        QCOMPARE(metadata->startedAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(metadata->hlsDurationMs, 1799500);
        QCOMPARE(metadata->hlsRenditions.size(), 1);
        QCOMPARE(metadata->hlsRenditions.first().height, 720);
        QCOMPARE(metadata->thumbnailsPath, QStringLiteral("media/thumbnails"));
    }

    void badMetadataIsRefusedWithTheReason()
    {
        QString problem;
        QVERIFY(!parseRecordingMetadata("[1,2]", &problem));
        QCOMPARE(problem, QStringLiteral("it is not a JSON object"));
        QVERIFY(!parseRecordingMetadata("{\"a\":", &problem));
        QVERIFY(problem.startsWith(QStringLiteral("it is not JSON")));
        QVERIFY(!parseRecordingMetadata(QByteArray(kMaxMetadataBytes + 1, ' '), &problem));
        QVERIFY(problem.contains(QStringLiteral("larger than")));
        // Wrong types are left empty rather than trusted.
        const auto odd = parseRecordingMetadata(
            R"({"recording_status":7,"media":{"hls":{"duration_ms":"long","renditions":{}}}})");
        QVERIFY(odd);
        QCOMPARE(odd->status, RecordingMetadata::Status::Unknown);
        QCOMPARE(odd->hlsDurationMs, -1);
        QVERIFY(odd->hlsRenditions.isEmpty());
    }

    void playlistsAreRead()
    {
        const auto variants = parseMultivariantPlaylist(
            "#EXTM3U\r\n#EXT-X-VERSION:3\n"
            "#EXT-X-STREAM-INF:BANDWIDTH=2500000,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION="
            "1280x720\n"
            "high/playlist.m3u8\n"
            "#EXT-X-STREAM-INF:RESOLUTION=426x240,BANDWIDTH=400000\nlow/playlist.m3u8\n");
        QVERIFY(variants);
        QCOMPARE(variants->size(), 2);
        QCOMPARE(variants->at(0).uri, QStringLiteral("high/playlist.m3u8"));
        QCOMPARE(variants->at(0).bandwidth, 2500000);
        QCOMPARE(variants->at(0).width, 1280);
        QCOMPARE(variants->at(1).height, 240);

        const auto media =
            parseMediaPlaylist("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.0,\n1.mp4\n"
                               "#EXTINF:5.5,\n2.mp4\n#EXTINF:bogus,\n3.mp4\n"
                               "#EXT-X-ENDLIST\n");
        QVERIFY(media);
        QCOMPARE(media->segments, 2);
        QCOMPARE(media->durationSeconds, 11.5);
        QVERIFY(media->ended);

        QString problem;
        QVERIFY(!parseMediaPlaylist("<html>", &problem));
        QCOMPARE(problem, QStringLiteral("it does not start with #EXTM3U"));
        QVERIFY(!parseMultivariantPlaylist(QByteArray(kMaxPlaylistBytes + 1, '#'), &problem));
    }

    void whatToReadFollowsTheMetadataAndTheListing()
    {
        RecordingEvidence evidence = endedEvidence();
        QCOMPARE(eventsFileToRead(evidence), QStringLiteral("events/recording-ended.json"));
        QCOMPARE(multivariantPlaylistPath(evidence), QStringLiteral("media/hls/multivariant.m3u8"));
        const QMap<QString, QString> renditions = renditionPlaylistPaths(evidence);
        QCOMPARE(renditions.value(QStringLiteral("high")),
                 QStringLiteral("media/hls/high/playlist.m3u8"));
        QCOMPARE(renditions.value(QStringLiteral("low")),
                 QStringLiteral("media/hls/low/playlist.m3u8"));

        evidence.files.append(file(QStringLiteral("events/recording-failed.json")));
        QCOMPARE(eventsFileToRead(evidence), QStringLiteral("events/recording-failed.json"));
    }

    void anEndedRecordingIsSummedUp()
    {
        const ParticipantRecording recording = summarize(endedEvidence());
        QCOMPARE(recording.outcome, ParticipantRecording::Outcome::Ended);
        QCOMPARE(recording.objectCount, 11);
        QCOMPARE(recording.totalBytes, 500 + 600 + 200 + 300 + 1000 + 2000 + 300 + 400 + 150);
        QCOMPARE(recording.durationSeconds, 1800.25);
        QCOMPARE(recording.renditions.size(), 2);
        QCOMPARE(recording.renditions.at(0).name, QStringLiteral("high"));
        QCOMPARE(recording.renditions.at(0).height, 720);
        QCOMPARE(recording.renditions.at(0).bytes, 3300);
        QCOMPARE(recording.renditions.at(0).segments, 300);
        QCOMPARE(recording.renditions.at(1).width, 426);
        QCOMPARE(recording.thumbnails,
                 (QStringList{QStringLiteral("media/thumbnails/high/1.jpg"),
                              QStringLiteral("media/thumbnails/high/2.jpg"),
                              QStringLiteral("media/thumbnails/high/10.jpg")}));
        QCOMPARE(formatDuration(recording.durationSeconds), QStringLiteral("30 min 0 s"));
    }

    void withoutPlaylistsTheDurationComesFromTheMetadata()
    {
        RecordingEvidence evidence = endedEvidence();
        evidence.mediaPlaylists.clear();
        QCOMPARE(summarize(evidence).durationSeconds, 1799.5);
        evidence.metadata->hlsDurationMs = -1;
        QCOMPARE(summarize(evidence).durationSeconds, 1800.0);
    }

    void eachOutcomeIsTold()
    {
        RecordingEvidence failed = endedEvidence();
        failed.metadata->status = RecordingMetadata::Status::Failed;
        failed.metadata->statusMessage = QStringLiteral("Access denied writing to the bucket");
        const ParticipantRecording failure = summarize(failed);
        QCOMPARE(failure.outcome, ParticipantRecording::Outcome::Failed);
        QCOMPARE(failure.reason, QStringLiteral("Access denied writing to the bucket"));

        RecordingEvidence empty = endedEvidence();
        empty.files.clear();
        empty.metadata.reset();
        const ParticipantRecording nothing = summarize(empty);
        QCOMPARE(nothing.outcome, ParticipantRecording::Outcome::Empty);
        QVERIFY(nothing.reason.contains(QStringLiteral("STOPPED")));

        RecordingEvidence noEvents = endedEvidence();
        noEvents.metadata.reset();
        noEvents.metadataProblem = QStringLiteral("it is not a JSON object");
        const ParticipantRecording incomplete = summarize(noEvents);
        QCOMPARE(incomplete.outcome, ParticipantRecording::Outcome::Incomplete);
        QVERIFY(incomplete.reason.contains(QStringLiteral("it is not a JSON object")));

        RecordingEvidence off = endedEvidence();
        off.recordingState = QStringLiteral("DISABLED");
        QCOMPARE(summarize(off).outcome, ParticipantRecording::Outcome::NotRecorded);

        RecordingEvidence denied = endedEvidence();
        denied.files.clear();
        denied.listingError = ivs::localError(ivs::ErrorCategory::AccessDenied,
                                              QStringLiteral("Access denied"), {}, {});
        QCOMPARE(summarize(denied).outcome, ParticipantRecording::Outcome::Unreadable);
    }

    void outcomeChecksNameWhatWentWrong()
    {
        RecordingOutcome outcome;
        outcome.stageRegion = QStringLiteral("us-west-2");
        outcome.bucketRegion = QStringLiteral("eu-west-1");
        outcome.thumbnailsConfigured = true;

        RecordingEvidence empty = endedEvidence();
        empty.files.clear();
        empty.metadata.reset();
        outcome.recordings.append(summarize(empty));

        RecordingEvidence noThumbnails = endedEvidence();
        noThumbnails.participantId = QStringLiteral("p-2");
        noThumbnails.files.removeIf(
            [](const RecordingFile &f) { return fileKind(f.path) == FileKind::Thumbnail; });
        noThumbnails.refusedKeys = {
            QStringLiteral("../x: the key holds an empty, \".\" or \"..\" component")};
        outcome.recordings.append(summarize(noThumbnails));

        RecordingEvidence denied = endedEvidence();
        denied.participantId = QStringLiteral("p-3");
        denied.files.clear();
        denied.listingError = ivs::localError(ivs::ErrorCategory::AccessDenied,
                                              QStringLiteral("Access denied"), {}, {});
        outcome.recordings.append(summarize(denied));

        const QList<ivs::Finding> findings = checkRecordingOutcome(outcome);
        QStringList ids;
        for (const ivs::Finding &f : findings)
            ids.append(f.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("bucket-other-region"),
                                   QStringLiteral("recorded-but-empty"),
                                   QStringLiteral("recording-keys-refused"),
                                   QStringLiteral("recordings-unreadable"),
                                   QStringLiteral("thumbnails-missing")}));
        QVERIFY(findings.at(0).title.contains(QStringLiteral("eu-west-1")));
        QCOMPARE(findings.at(1).fieldPath, QStringLiteral("participants[\"p-1\"]"));
        QVERIFY(findings.at(3).action.contains(QStringLiteral("s3:ListBucket")));
        QVERIFY(findings.at(3).action.contains(QStringLiteral("s3:GetObject")));

        // Nothing to say about a good recording in the stage's own region.
        RecordingOutcome good;
        good.stageRegion = QStringLiteral("us-west-2");
        good.bucketRegion = QStringLiteral("us-west-2");
        good.thumbnailsConfigured = true;
        good.recordings = {summarize(endedEvidence())};
        QVERIFY(checkRecordingOutcome(good).isEmpty());
    }

    void sizesAndDurationsReadWell()
    {
        QCOMPARE(formatBytes(512), QStringLiteral("512 B"));
        QCOMPARE(formatBytes(1500000), QStringLiteral("1.5 MB"));
        QCOMPARE(formatDuration(3725), QStringLiteral("1 h 02 min 05 s"));
        QCOMPARE(formatDuration(-1), QStringLiteral("—"));
    }
};

QTEST_GUILESS_MAIN(TestRecordingLayout)
#include "tst_recording_layout.moc"
