#pragma once

#include "obs_service_file.h"

#include <QDialog>

class QLabel;
class QTabWidget;

namespace workspace {
class PublishController;
}

namespace ui {

class EncoderChecklist;
class ObsSendBox;
class RtmpPublishTab;
class WhipPublishTab;

// "Publish to this stage…": what an encoder needs to send to the shown stage. The WHIP tab
// (WhipPublishTab): a participant token with the stage's WHIP server. The RTMP(S) tab
// (RtmpPublishTab): an ingest configuration's stream key with the stage's RTMP or RTMPS server.
// Either can be copied, saved as OBS's service.json (ObsServiceFile) or sent to the running OBS
// (Send to OBS, through the ObsSendBox under the tabs); beside them, the encoder checklist. On the
// WHIP tab Enter presses Send to OBS while OBS is wanted, else Create Token. The dialog puts these
// together and tells them when the stage changes or it closes.
//
// Tokens and stream keys are secrets: masked until Reveal, copied only by their Copy buttons
// (SecretField), and wiped from the fields — and from the controller — when the dialog closes.
class PublishDialog final : public QDialog {
    Q_OBJECT
public:
    using PathChooser = ObsServiceFile::PathChooser;

    explicit PublishDialog(workspace::PublishController &controller, QWidget *parent = nullptr);
    ~PublishDialog() override;

    void setPathChooser(PathChooser chooser);

    enum Tab { WhipTab, RtmpTab };
    QTabWidget *tabs() const { return m_tabs; }
    WhipPublishTab *whipTab() const { return m_whip; }
    RtmpPublishTab *rtmpTab() const { return m_rtmp; }
    ObsSendBox *obsBox() const { return m_obsBox; }
    QWidget *checklist() const;

    void done(int result) override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showStage();
    void updateDefaultButton();

    workspace::PublishController &m_controller;
    ObsServiceFile m_obsFile;
    QLabel *m_stage;
    QTabWidget *m_tabs;
    ObsSendBox *m_obsBox;
    WhipPublishTab *m_whip;
    RtmpPublishTab *m_rtmp;
    EncoderChecklist *m_checklist;
};

} // namespace ui
