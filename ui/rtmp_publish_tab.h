#pragma once

#include "secret_field.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace workspace {
class PublishController;
}

namespace ui {

class ObsSendBox;
class ObsServiceFile;

// The RTMP(S) tab of "Publish to this stage": lists the stage's ingest configurations as the
// controller loads them and, for the one chosen, shows its stream key with the RTMP or RTMPS
// server, to copy or to save as OBS's service settings. The list and the key are the
// controller's; the tab only shows them, the key masked.
class RtmpPublishTab final : public QWidget {
    Q_OBJECT
public:
    enum IngestColumn { NameColumn, ProtocolColumn, StateColumn, UserIdColumn };

    RtmpPublishTab(workspace::PublishController &controller, const ObsServiceFile &obsFile,
                   ObsSendBox &obsBox, QWidget *parent = nullptr);

    // Asks the controller for the list; it costs a request, so only when someone looks at it.
    void load();
    // Whether the list has been asked for since the last reset().
    bool isLoaded() const { return m_loaded; }
    // Back to no list and no key: after the stage changed or the dialog closed.
    void reset();

    // The parts tests drive, as a user would.
    QTreeWidget *ingestList() const { return m_ingestList; }
    QPushButton *reloadButton() const { return m_reload; }
    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *streamKeyEdit() const { return m_streamKey.edit(); }
    QPushButton *revealStreamKeyButton() const { return m_streamKey.revealButton(); }
    QPushButton *copyServerButton() const { return m_copyServer; }
    QPushButton *copyStreamKeyButton() const { return m_copyKey; }
    QPushButton *copyBothButton() const { return m_copyBoth; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *sendToObsButton() const { return m_sendToObs; }
    QLabel *warningLabel() const { return m_warning; }
    QLabel *statusLabel() const { return m_status; }

private:
    QWidget *createResultBox();
    void onIngestLoaded();
    void onIngestFailed(const QString &message);
    void onIngestSelected();
    void onStreamKeyFetched(const QString &name, const QString &server, const QString &streamKey,
                            const QString &warning);
    void onStreamKeyFailed(const QString &message);
    void save();
    void sendToObs(bool evenIfStreaming);
    void clear();
    void updateButtons();

    workspace::PublishController &m_controller;
    const ObsServiceFile &m_obsFile;
    ObsSendBox &m_obsBox;
    bool m_loaded = false;
    bool m_sendingToObs = false; // this tab started the hand-off in progress

    // In the order they are made, which is the order the keyboard reaches them in.
    QTreeWidget *m_ingestList;
    QPushButton *m_reload;
    QLineEdit *m_server;
    SecretField m_streamKey;
    QPushButton *m_copyServer;
    QPushButton *m_copyKey;
    QPushButton *m_copyBoth;
    QPushButton *m_save;
    QPushButton *m_sendToObs;
    QLabel *m_warning;
    QLabel *m_status;
};

} // namespace ui
