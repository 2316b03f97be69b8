#pragma once

#include "ivs/stage_arn.h"
#include "workspace/recordings_inspector.h"

#include <memory>
#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QTableView;

namespace model {
class RecordingsModel;
}
namespace workspace {
class RecordingDownload;
class ThumbnailLoader;
class Workspace;
struct DownloadOutcome;
struct DownloadTotals;
} // namespace workspace

namespace ui {

// What a session's recordings left in S3: a row per participant (outcome, start, duration,
// renditions, size, objects, thumbnails), the selected one's details and thumbnails as a
// filmstrip (loaded as they scroll into view), the outcome checks, and Download… with progress
// and Cancel. Not modal: it stays open beside the window while the show goes on.
class RecordingsWindow final : public QDialog {
    Q_OBJECT
public:
    RecordingsWindow(workspace::Workspace &workspace, const ivs::StageArn &stage,
                     const QString &sessionId, QWidget *parent = nullptr);
    ~RecordingsWindow() override;

    // Reads the session's recordings again.
    void refresh();
    // Downloads the selected participant's recording into `folder` (what Download… asks for).
    void downloadInto(const QString &folder);

    QTableView *recordingsView() const { return m_table; }
    QListWidget *filmstrip() const { return m_filmstrip; }
    QListWidget *findingsList() const { return m_findings; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *detailsLabel() const { return m_details; }
    QPushButton *downloadButton() const { return m_download; }
    QPushButton *cancelButton() const { return m_cancel; }
    QCheckBox *hlsOnlyBox() const { return m_hlsOnly; }
    QProgressBar *progressBar() const { return m_progress; }
    const workspace::RecordingsReport &report() const { return m_report; }

private:
    void showReport(const workspace::RecordingsReport &report);
    void showParticipant(int row);
    void requestVisibleThumbnails();
    void onDownloadProgress(const workspace::DownloadTotals &totals);
    void onDownloadFinished(const workspace::DownloadOutcome &outcome);
    void chooseFolderAndDownload();
    const recordings::ParticipantRecording *selectedRecording() const;

    ivs::StageArn m_stage;
    QString m_sessionId;
    std::unique_ptr<workspace::RecordingsInspector> m_inspector;
    std::unique_ptr<workspace::RecordingDownload> m_downloader;
    std::unique_ptr<workspace::ThumbnailLoader> m_thumbnails;
    model::RecordingsModel *m_model;
    workspace::RecordingsReport m_report;
    QHash<QString, QListWidgetItem *> m_thumbnailItems; // by key
    QLabel *m_status;
    QPushButton *m_refresh;
    QTableView *m_table;
    QLabel *m_details;
    QPushButton *m_copyLocation;
    QListWidget *m_filmstrip;
    QListWidget *m_findings;
    QCheckBox *m_hlsOnly;
    QPushButton *m_download;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
};

} // namespace ui
