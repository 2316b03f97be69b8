#pragma once

#include <functional>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace workspace {
class PublishController;
}

namespace ui {

// "Publish to this stage…": what an encoder needs to send to the shown stage. WHIP: a
// participant token with the stage's WHIP server. RTMP(S): an ingest configuration's stream key
// with the stage's RTMP or RTMPS server. Either can be copied or saved as OBS's service.json.
//
// Tokens and stream keys are secrets: masked until Reveal, copied only by their Copy buttons,
// and wiped from the fields — and from the controller — when the dialog closes.
class PublishDialog final : public QDialog {
    Q_OBJECT
public:
    // Picks where to save OBS's service.json; empty when the user cancels. The default is a
    // file dialog starting at `suggestion`; tests answer without one.
    using PathChooser = std::function<QString(const QString &suggestion)>;

    explicit PublishDialog(workspace::PublishController &controller, QWidget *parent = nullptr);
    ~PublishDialog() override;

    void setPathChooser(PathChooser chooser);
    // <OBS settings>/basic/profiles/<Profile>/service.json when OBS has exactly one profile,
    // else the profiles folder; the home folder when OBS is not set up on this computer.
    static QString suggestedObsServicePath();

    enum Tab { WhipTab, RtmpTab };
    QTabWidget *tabs() const { return m_tabs; }
    int lifetimeMinutes() const;

    // The parts tests drive, as a user would.
    QLineEdit *userIdEdit() const { return m_userId; }
    QSpinBox *lifetimeSpin() const { return m_lifetime; }
    QComboBox *lifetimeUnitCombo() const { return m_lifetimeUnit; }
    QLineEdit *attributesEdit() const { return m_attributes; }
    QPushButton *createTokenButton() const { return m_createToken; }
    QLineEdit *whipServerEdit() const { return m_whipServer; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *revealTokenButton() const { return m_revealToken; }
    QLabel *expiryLabel() const { return m_expiry; }
    QPushButton *copyWhipServerButton() const { return m_copyWhipServer; }
    QPushButton *copyTokenButton() const { return m_copyToken; }
    QPushButton *copyWhipBothButton() const { return m_copyWhipBoth; }
    QPushButton *saveWhipButton() const { return m_saveWhip; }
    QLabel *whipStatusLabel() const { return m_whipStatus; }
    QTreeWidget *ingestList() const { return m_ingestList; }
    QLineEdit *rtmpServerEdit() const { return m_rtmpServer; }
    QLineEdit *streamKeyEdit() const { return m_streamKey; }
    QPushButton *revealStreamKeyButton() const { return m_revealKey; }
    QPushButton *copyRtmpServerButton() const { return m_copyRtmpServer; }
    QPushButton *copyStreamKeyButton() const { return m_copyKey; }
    QPushButton *copyRtmpBothButton() const { return m_copyRtmpBoth; }
    QPushButton *saveRtmpButton() const { return m_saveRtmp; }
    QLabel *rtmpWarningLabel() const { return m_rtmpWarning; }
    QLabel *rtmpStatusLabel() const { return m_rtmpStatus; }
    QWidget *checklist() const { return m_checklist; }

    enum IngestColumn { NameColumn, ProtocolColumn, StateColumn, UserIdColumn };

    void done(int result) override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createWhipTab();
    QWidget *createRtmpTab();
    QWidget *createChecklist();
    void showStage();
    void onLifetimeUnitChanged();
    void createToken();
    void onTokenCreated(const QString &server, const QString &token, const QString &expiry,
                        const QString &warning);
    void onTokenFailed(const QString &message);
    void loadIngestConfigurations();
    void onIngestLoaded();
    void onIngestFailed(const QString &message);
    void onIngestSelected();
    void onStreamKeyFetched(const QString &name, const QString &server, const QString &streamKey,
                            const QString &warning);
    void saveWhip();
    void saveRtmp();
    void save(bool whip);
    void clearWhip();
    void clearRtmp();
    void updateButtons();
    static void showStatus(QLabel *label, const QString &text, bool error);

    workspace::PublishController &m_controller;
    PathChooser m_pathChooser;
    bool m_creatingToken = false;
    bool m_ingestLoaded = false;
    int m_lifetimeUnitShown = 1; // the unit the spin box value is in: index of m_lifetimeUnit

    QLabel *m_stage;
    QTabWidget *m_tabs;
    QWidget *m_checklist = nullptr;

    QLineEdit *m_userId = nullptr;
    QSpinBox *m_lifetime = nullptr;
    QComboBox *m_lifetimeUnit = nullptr;
    QLineEdit *m_attributes = nullptr;
    QPushButton *m_createToken = nullptr;
    QLineEdit *m_whipServer = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_revealToken = nullptr;
    QLabel *m_expiry = nullptr;
    QPushButton *m_copyWhipServer = nullptr;
    QPushButton *m_copyToken = nullptr;
    QPushButton *m_copyWhipBoth = nullptr;
    QPushButton *m_saveWhip = nullptr;
    QLabel *m_whipStatus = nullptr;

    QTreeWidget *m_ingestList = nullptr;
    QPushButton *m_reloadIngest = nullptr;
    QLineEdit *m_rtmpServer = nullptr;
    QLineEdit *m_streamKey = nullptr;
    QPushButton *m_revealKey = nullptr;
    QPushButton *m_copyRtmpServer = nullptr;
    QPushButton *m_copyKey = nullptr;
    QPushButton *m_copyRtmpBoth = nullptr;
    QPushButton *m_saveRtmp = nullptr;
    QLabel *m_rtmpWarning = nullptr;
    QLabel *m_rtmpStatus = nullptr;
};

} // namespace ui
