#include "recordings_window.h"

#include "model/recordings_model.h"
#include "row_icon_proxy.h"
#include "workspace/recording_download.h"
#include "workspace/thumbnail_loader.h"
#include "workspace/workspace.h"
#include "wrapping_table_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kThumbnailWidth = 160;
constexpr int kThumbnailHeight = 90;

QIcon severityIcon(const QWidget *widget, ivs::Finding::Severity severity)
{
    switch (severity) {
    case ivs::Finding::Severity::Error:
        return widget->style()->standardIcon(QStyle::SP_MessageBoxCritical);
    case ivs::Finding::Severity::Warning:
        return widget->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case ivs::Finding::Severity::Info:
        break;
    }
    return widget->style()->standardIcon(QStyle::SP_MessageBoxInformation);
}

QPixmap placeholder(const QPalette &palette)
{
    QPixmap pixmap(kThumbnailWidth, kThumbnailHeight);
    pixmap.fill(palette.color(QPalette::Mid));
    return pixmap;
}

} // namespace

RecordingsWindow::RecordingsWindow(workspace::Workspace &workspace, const ivs::StageArn &stage,
                                   const QString &sessionId, QWidget *parent)
    : QDialog(parent)
    , m_stage(stage)
    , m_sessionId(sessionId)
    , m_inspector(workspace.makeRecordingsInspector())
    , m_downloader(workspace.makeRecordingDownload())
    , m_thumbnails(workspace.makeThumbnailLoader())
    , m_model(new model::RecordingsModel(this))
    , m_status(new QLabel)
    , m_refresh(new QPushButton(tr("&Refresh")))
    , m_table(new QTableView)
    , m_details(new QLabel)
    , m_copyLocation(new QPushButton(tr("Copy &Location")))
    , m_filmstrip(new QListWidget)
    , m_findings(new QListWidget)
    , m_hlsOnly(new QCheckBox(tr("&HLS only")))
    , m_download(new QPushButton(tr("&Download…")))
    , m_cancel(new QPushButton(tr("Cancel Download")))
    , m_progress(new QProgressBar)
{
    setObjectName(QStringLiteral("recordingsWindow"));
    setWindowTitle(tr("Recordings — %1").arg(stage.stageId()));
    setAttribute(Qt::WA_DeleteOnClose);
    m_status->setObjectName(QStringLiteral("recordingsStatus"));
    m_status->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("recordingDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("recordingsTable"));
    setUpReadOnlyTable(m_table);
    m_table->setAccessibleName(tr("Recordings"));
    m_table->setModel(new RowIconProxy(m_model, m_table));
    m_filmstrip->setObjectName(QStringLiteral("filmstrip"));
    m_filmstrip->setAccessibleName(tr("Thumbnails"));
    m_filmstrip->setViewMode(QListView::IconMode);
    m_filmstrip->setFlow(QListView::LeftToRight);
    m_filmstrip->setWrapping(false);
    m_filmstrip->setMovement(QListView::Static);
    m_filmstrip->setIconSize(QSize(kThumbnailWidth, kThumbnailHeight));
    m_filmstrip->setUniformItemSizes(true);
    m_filmstrip->setFixedHeight(kThumbnailHeight + fontMetrics().height() * 2 +
                                m_filmstrip->horizontalScrollBar()->sizeHint().height() + 8);
    m_findings->setObjectName(QStringLiteral("recordingFindings"));
    m_findings->setAccessibleName(tr("Recording checks"));
    m_findings->setWordWrap(true);
    m_hlsOnly->setToolTip(tr("Only the HLS playlists and media, not the events files and "
                             "thumbnails"));
    m_download->setObjectName(QStringLiteral("downloadRecording"));
    m_download->setToolTip(tr("Download the selected participant's recording into a folder, "
                              "verified against what S3 lists"));
    m_cancel->setObjectName(QStringLiteral("cancelDownload"));
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setVisible(false);
    m_cancel->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refresh);
    auto *details = new QHBoxLayout;
    details->addWidget(m_details, 1);
    details->addWidget(m_copyLocation, 0, Qt::AlignTop);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancel);
    bottom->addStretch();
    bottom->addWidget(m_hlsOnly);
    bottom->addWidget(m_download);

    auto *upper = new QWidget;
    auto *upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(m_table, 1);
    upperLayout->addLayout(details);
    upperLayout->addWidget(m_filmstrip);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(upper);
    split->addWidget(m_findings);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 34);

    connect(m_refresh, &QPushButton::clicked, this, &RecordingsWindow::refresh);
    connect(m_inspector.get(), &workspace::RecordingsInspector::progress, m_status,
            &QLabel::setText);
    connect(m_inspector.get(), &workspace::RecordingsInspector::finished, this,
            &RecordingsWindow::showReport);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showParticipant(current.row()); });
    connect(m_copyLocation, &QPushButton::clicked, this, [this] {
        if (const auto *recording = selectedRecording())
            QApplication::clipboard()->setText(
                QStringLiteral("s3://%1/%2").arg(recording->bucket, recording->prefix));
    });
    connect(m_filmstrip->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &RecordingsWindow::requestVisibleThumbnails);
    connect(m_thumbnails.get(), &workspace::ThumbnailLoader::loaded, this,
            [this](const QString &key, const QImage &image) {
                if (QListWidgetItem *item = m_thumbnailItems.value(key))
                    item->setIcon(QPixmap::fromImage(image.scaled(kThumbnailWidth, kThumbnailHeight,
                                                                  Qt::KeepAspectRatio,
                                                                  Qt::SmoothTransformation)));
            });
    connect(m_thumbnails.get(), &workspace::ThumbnailLoader::failed, this,
            [this](const QString &key, const QString &reason) {
                if (QListWidgetItem *item = m_thumbnailItems.value(key))
                    item->setToolTip(tr("Could not be shown: %1").arg(reason));
            });
    connect(m_download, &QPushButton::clicked, this, &RecordingsWindow::chooseFolderAndDownload);
    connect(m_cancel, &QPushButton::clicked, m_downloader.get(),
            &workspace::RecordingDownload::cancel);
    connect(m_downloader.get(), &workspace::RecordingDownload::progress, this,
            &RecordingsWindow::onDownloadProgress);
    connect(m_downloader.get(), &workspace::RecordingDownload::finished, this,
            &RecordingsWindow::onDownloadFinished);
    showParticipant(-1);
    refresh();
}

RecordingsWindow::~RecordingsWindow()
{
    // The download and the loads stop before the widgets they report to go.
    m_downloader->disconnect(this);
    m_downloader->cancel();
    m_thumbnails->disconnect(this);
    m_inspector->disconnect(this);
}

void RecordingsWindow::refresh()
{
    m_refresh->setEnabled(false);
    m_inspector->inspect(m_stage, m_sessionId);
}

void RecordingsWindow::showReport(const workspace::RecordingsReport &report)
{
    m_refresh->setEnabled(true);
    const QString previous = selectedRecording() ? selectedRecording()->participantId : QString();
    m_report = report;
    if (report.error) {
        m_status->setText(report.error->userMessage());
        m_model->setRecordings({});
        showParticipant(-1);
        return;
    }
    m_sessionId = report.sessionId;
    int recorded = 0;
    for (const recordings::ParticipantRecording &recording : report.recordings) {
        if (recording.objectCount > 0)
            ++recorded;
    }
    m_status->setText(
        tr("Session %1 (%2): %n participant(s), %3 with files in S3.", nullptr,
           static_cast<int>(report.recordings.size()))
            .arg(report.sessionId, report.sessionEnd.isValid() ? tr("ended") : tr("in progress"))
            .arg(recorded));
    m_model->setRecordings(report.recordings);
    m_table->resizeColumnsToContents();
    m_findings->clear();
    for (const ivs::Finding &finding : report.findings) {
        auto *item = new QListWidgetItem(severityIcon(this, finding.severity),
                                         finding.title + QLatin1Char('\n') + finding.action);
        item->setData(Qt::UserRole, finding.id);
        m_findings->addItem(item);
    }
    if (report.findings.isEmpty())
        m_findings->addItem(tr("No problems found with what landed in S3."));
    // The same participant as before, else the first one with files.
    int row = m_model->rowOf(previous);
    for (int i = 0; row < 0 && i < report.recordings.size(); ++i) {
        if (report.recordings.at(i).objectCount > 0)
            row = i;
    }
    if (row < 0 && !report.recordings.isEmpty())
        row = 0;
    if (row >= 0)
        m_table->setCurrentIndex(m_table->model()->index(row, 0));
    showParticipant(row);
}

const recordings::ParticipantRecording *RecordingsWindow::selectedRecording() const
{
    return m_model->recordingAt(m_table->currentIndex().row());
}

void RecordingsWindow::showParticipant(int row)
{
    m_thumbnails->clear();
    m_thumbnailItems.clear();
    m_filmstrip->clear();
    const recordings::ParticipantRecording *recording = m_model->recordingAt(row);
    m_copyLocation->setEnabled(recording && !recording->bucket.isEmpty());
    m_download->setEnabled(recording && !recording->files.isEmpty() && !m_downloader->isBusy());
    if (!recording) {
        m_details->clear();
        m_filmstrip->setVisible(false);
        return;
    }
    QStringList lines;
    const QString name = recording->userId.isEmpty() ? recording->participantId : recording->userId;
    lines.append(tr("%1: %2").arg(name, recordings::outcomeText(recording->outcome)));
    if (!recording->reason.isEmpty())
        lines.append(recording->reason);
    if (!recording->bucket.isEmpty())
        lines.append(QStringLiteral("s3://%1/%2").arg(recording->bucket, recording->prefix));
    for (const recordings::RenditionSummary &rendition : recording->renditions)
        lines.append(tr("%1: %2×%3, %4 segments, %5, %6")
                         .arg(rendition.name)
                         .arg(rendition.width)
                         .arg(rendition.height)
                         .arg(rendition.segments)
                         .arg(recordings::formatDuration(rendition.durationSeconds),
                              recordings::formatBytes(rendition.bytes)));
    m_details->setText(lines.join(QLatin1Char('\n')));

    QStringList thumbnails = recording->thumbnails;
    if (!recording->latestThumbnail.isEmpty())
        thumbnails.append(recording->latestThumbnail);
    m_filmstrip->setVisible(!thumbnails.isEmpty());
    const QPixmap blank = placeholder(palette());
    for (const QString &path : std::as_const(thumbnails)) {
        const QString key = recordings::objectKey(recording->prefix, path);
        auto *item = new QListWidgetItem(QIcon(blank), path.section(QLatin1Char('/'), -1));
        item->setData(Qt::UserRole, key);
        item->setToolTip(key);
        m_filmstrip->addItem(item);
        m_thumbnailItems.insert(key, item);
    }
    requestVisibleThumbnails();
}

void RecordingsWindow::requestVisibleThumbnails()
{
    const recordings::ParticipantRecording *recording = selectedRecording();
    if (!recording)
        return;
    const QRect visible = m_filmstrip->viewport()->rect();
    for (int i = 0; i < m_filmstrip->count(); ++i) {
        QListWidgetItem *item = m_filmstrip->item(i);
        // Not yet laid out (hidden window): the first few are asked for anyway.
        const QRect rect = m_filmstrip->visualItemRect(item);
        if (!rect.intersects(visible) && !(rect.isEmpty() && i < 8))
            continue;
        const QString key = item->data(Qt::UserRole).toString();
        const QString path = key.mid(recordings::objectKey(recording->prefix, QString()).size());
        QByteArray etag;
        for (const recordings::RecordingFile &file : recording->files) {
            if (file.path == path)
                etag = file.etag;
        }
        m_thumbnails->request(
            {m_report.bucketRegion.value_or(m_report.stageRegion), recording->bucket, key, etag});
    }
}

void RecordingsWindow::chooseFolderAndDownload()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Download the Recording Into"));
    if (!folder.isEmpty())
        downloadInto(folder);
}

void RecordingsWindow::downloadInto(const QString &folder)
{
    const recordings::ParticipantRecording *recording = selectedRecording();
    if (!recording)
        return;
    workspace::DownloadPlan plan{
        m_report.bucketRegion.value_or(m_report.stageRegion), recording->bucket, recording->prefix,
        workspace::filesToDownload(*recording, m_hlsOnly->isChecked()), folder};
    QString error;
    if (!m_downloader->start(plan, &error)) {
        m_status->setText(error);
        return;
    }
    if (!m_downloader->isBusy())
        return; // nothing to fetch: finished() has been reported
    m_download->setEnabled(false);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
}

void RecordingsWindow::onDownloadProgress(const workspace::DownloadTotals &totals)
{
    // Kilobytes, so that the bar's range holds recordings of any size.
    m_progress->setRange(0, static_cast<int>(std::max<qint64>(1, totals.bytesTotal / 1024)));
    m_progress->setValue(static_cast<int>(totals.bytesDone / 1024));
    m_progress->setFormat(tr("%1 of %2 files, %3 of %4")
                              .arg(totals.filesDone)
                              .arg(totals.filesTotal)
                              .arg(recordings::formatBytes(totals.bytesDone),
                                   recordings::formatBytes(totals.bytesTotal)));
}

void RecordingsWindow::onDownloadFinished(const workspace::DownloadOutcome &outcome)
{
    onDownloadProgress(outcome.totals);
    m_cancel->setVisible(false);
    m_download->setEnabled(selectedRecording() != nullptr);
    if (outcome.cancelled)
        m_status->setText(tr("Download cancelled after %n file(s); what was fetched is kept, and "
                             "a new download resumes from it.",
                             nullptr, outcome.totals.filesDone));
    else if (outcome.ok())
        m_status->setText(tr("Downloaded %n file(s), each verified (%1 already there).", nullptr,
                             outcome.totals.filesDone)
                              .arg(outcome.filesSkipped));
    else
        m_status->setText(
            tr("%n file(s) failed: %1", nullptr, static_cast<int>(outcome.failures.size()))
                .arg(outcome.failures.constFirst()));
}

} // namespace ui
