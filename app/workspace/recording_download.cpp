#include "workspace/recording_download.h"

#include "s3/s3_client.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace workspace {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::RecordingDownload)
};

// Whether `path` is a complete copy of `file`: its size, and its MD5 when the ETag is one.
bool alreadyComplete(const QString &path, const recordings::RecordingFile &file)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.isSymLink() || info.size() != file.size)
        return false;
    const QByteArray md5 = recordings::md5FromEtag(file.etag);
    if (md5.isEmpty())
        return true;
    QFile existing(path);
    if (!existing.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash hash(QCryptographicHash::Md5);
    if (!hash.addData(&existing))
        return false;
    return hash.result().toHex() == md5;
}

// Makes `relative`'s folder under `root` and checks that it is still inside `root` once links
// are resolved. Returns the file's path there, or empty and the reason in `problem`.
QString placeInside(const QString &canonicalRoot, const QString &relative, QString *problem)
{
    const QString target = canonicalRoot + QLatin1Char('/') + relative;
    const QString folder = QFileInfo(target).path();
    if (!QDir().mkpath(folder)) {
        *problem = Text::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    if (canonicalFolder != canonicalRoot &&
        !canonicalFolder.startsWith(canonicalRoot + QLatin1Char('/'))) {
        *problem = Text::tr("the folder %1 leads outside the chosen folder (a symbolic link)")
                       .arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QFileInfo existing(target);
    if (existing.isSymLink() || (existing.exists() && !existing.isFile())) {
        *problem =
            Text::tr("%1 is there already and is not a file").arg(QDir::toNativeSeparators(target));
        return {};
    }
    return target;
}

} // namespace

QList<recordings::RecordingFile> filesToDownload(const recordings::ParticipantRecording &recording,
                                                 bool hlsOnly)
{
    if (!hlsOnly)
        return recording.files;
    QList<recordings::RecordingFile> files;
    for (const recordings::RecordingFile &file : recording.files) {
        const recordings::FileKind kind = recordings::fileKind(file.path);
        if (kind == recordings::FileKind::HlsPlaylist || kind == recordings::FileKind::HlsMedia)
            files.append(file);
    }
    return files;
}

struct RecordingDownload::Run {
    std::unique_ptr<QObject> context = std::make_unique<QObject>();
    DownloadPlan plan;
    QString root; // the folder, canonical
    DownloadOutcome outcome;
    QList<qint64> received; // per file, for the totals
    int next = 0;
    int inFlight = 0;
};

RecordingDownload::RecordingDownload(s3::S3Client &s3, QObject *parent)
    : QObject(parent)
    , m_s3(s3)
{
}

RecordingDownload::~RecordingDownload()
{
    cancel();
}

bool RecordingDownload::start(const DownloadPlan &plan, QString *error)
{
    const QFileInfo folder(plan.folder);
    if (!folder.isDir()) {
        *error = Text::tr("%1 is not a folder.").arg(QDir::toNativeSeparators(plan.folder));
        return false;
    }
    if (!folder.isWritable()) {
        *error = Text::tr("The folder %1 cannot be written to.")
                     .arg(QDir::toNativeSeparators(plan.folder));
        return false;
    }
    cancel();
    auto run = std::make_shared<Run>();
    run->plan = plan;
    run->root = folder.canonicalFilePath();
    run->outcome.totals.filesTotal = static_cast<int>(plan.files.size());
    for (const recordings::RecordingFile &file : plan.files)
        run->outcome.totals.bytesTotal += file.size;
    run->received.fill(0, plan.files.size());
    m_run = run;
    startNext(run);
    return true;
}

void RecordingDownload::cancel()
{
    if (!m_run)
        return;
    const std::shared_ptr<Run> run = m_run;
    // Later, not now: cancel() may be called from a progress slot, within a request's answer.
    run->context.release()->deleteLater();
    run->outcome.cancelled = true;
    run->inFlight = 0;
    run->next = static_cast<int>(run->plan.files.size());
    finish(run);
}

void RecordingDownload::startNext(const std::shared_ptr<Run> &run)
{
    while (run->context && run->inFlight < kParallelFiles && run->next < run->plan.files.size()) {
        const int index = run->next++;
        const recordings::RecordingFile &file = run->plan.files.at(index);
        QString problem;
        const QString target = placeInside(run->root, file.path, &problem);
        if (target.isEmpty()) {
            run->outcome.failures.append(QStringLiteral("%1: %2").arg(file.path, problem));
            continue;
        }
        if (alreadyComplete(target, file)) {
            ++run->outcome.filesSkipped;
            ++run->outcome.totals.filesDone;
            run->received[index] = file.size;
            run->outcome.totals.bytesDone += file.size;
            emit progress(run->outcome.totals);
            continue;
        }
        ++run->inFlight;
        m_s3.downloadObject(
            run->plan.region, run->plan.bucket, recordings::objectKey(run->plan.prefix, file.path),
            target, file.size, file.etag, run->context.get(),
            [this, run, index](const s3::DownloadProgress &progressed) {
                if (m_run != run)
                    return; // cancelled
                run->outcome.totals.bytesDone += progressed.bytesReceived - run->received[index];
                run->received[index] = progressed.bytesReceived;
                emit progress(run->outcome.totals);
            },
            [this, run, index](const s3::DownloadResult &result) {
                if (m_run != run)
                    return; // cancelled
                const qint64 size = run->plan.files.at(index).size;
                run->outcome.totals.bytesDone += (result.error ? 0 : size) - run->received[index];
                run->received[index] = result.error ? 0 : size;
                if (result.error) {
                    run->outcome.failures.append(QStringLiteral("%1: %2").arg(
                        run->plan.files.at(index).path, result.error->oneLine()));
                    if (!run->outcome.firstError)
                        run->outcome.firstError = result.error;
                    run->outcome.verificationFailed |= result.verificationFailed;
                } else {
                    ++run->outcome.totals.filesDone;
                }
                emit progress(run->outcome.totals);
                fileDone(run);
            });
    }
    if (run->inFlight == 0 && run->next >= run->plan.files.size())
        finish(run);
}

void RecordingDownload::fileDone(const std::shared_ptr<Run> &run)
{
    --run->inFlight;
    startNext(run);
}

void RecordingDownload::finish(const std::shared_ptr<Run> &run)
{
    if (m_run != run)
        return;
    m_run.reset();
    if (run->context)
        run->context.release()->deleteLater();
    emit finished(run->outcome);
}

} // namespace workspace
