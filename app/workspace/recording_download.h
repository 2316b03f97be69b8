#pragma once

#include "ivs/service_error.h"
#include "recordings/participant_recording.h"

#include <memory>
#include <optional>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace s3 {
class S3Client;
}

namespace workspace {

// What to download: a participant's files (see filesToDownload) from `bucket` under `prefix`,
// into `folder`, keeping their paths below the prefix.
struct DownloadPlan {
    QString region;
    QString bucket;
    QString prefix;
    QList<recordings::RecordingFile> files;
    QString folder;
};

struct DownloadTotals {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int filesDone = 0;
    int filesTotal = 0;
};

struct DownloadOutcome {
    DownloadTotals totals;
    int filesSkipped = 0; // already there, complete and verified
    bool cancelled = false;
    bool verificationFailed = false; // a file's size or MD5 was not what S3 listed
    QStringList failures;            // "media/hls/high/3.ts: …", one per file that failed
    std::optional<ivs::ServiceError> firstError;
    bool ok() const { return !cancelled && failures.isEmpty(); }
};

// The files of a recording to download: all of them, or only the HLS media and playlists.
QList<recordings::RecordingFile> filesToDownload(const recordings::ParticipantRecording &recording,
                                                 bool hlsOnly);

// Downloads a recording's files into a folder, kParallelFiles at a time. Each file is written
// beside its place as NAME.part, resumed from there (Range) when a previous download stopped,
// verified (size, and the MD5 of a single-part ETag) and only then renamed into place; a file
// already there and complete is kept. Nothing is written outside the folder: every path was made
// safe from its key (recordings::safeRelativePath), and every folder created on the way must
// still be inside the chosen one once symbolic links are resolved.
class RecordingDownload final : public QObject {
    Q_OBJECT
public:
    explicit RecordingDownload(s3::S3Client &s3, QObject *parent = nullptr);
    ~RecordingDownload() override;

    static constexpr int kParallelFiles = 4;

    // Refuses (false, with the reason) a folder that does not exist or cannot be written to.
    bool start(const DownloadPlan &plan, QString *error);
    // Stops sending requests and aborts those under way; .part files stay for a resume.
    void cancel();
    bool isBusy() const { return m_run != nullptr; }

signals:
    void progress(const workspace::DownloadTotals &totals);
    void finished(const workspace::DownloadOutcome &outcome);

private:
    struct Run;
    void startNext(const std::shared_ptr<Run> &run);
    void fileDone(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);

    s3::S3Client &m_s3;
    std::shared_ptr<Run> m_run;
};

} // namespace workspace
