#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ivs {
class IvsClient;
class StageArn;
} // namespace ivs
namespace document {
class StageDocument;
}

namespace workspace {

// What the main window talks to: takes typed ARN text, looks the stage up and puts it in the
// stage document. The window needs no AWS knowledge; it shows the strings this class emits. A
// failed lookup never clears the last good tree.
class StageBrowser final : public QObject {
    Q_OBJECT
public:
    StageBrowser(ivs::IvsClient &client, document::StageDocument &document,
                 QObject *parent = nullptr);

    bool isBusy() const { return m_pending != nullptr; }
    QString shownArn() const;
    // True when the tree still shows a stage but the latest lookup failed.
    bool isStale() const;
    QDateTime shownRetrievedAt() const { return m_retrievedAt; }

public slots:
    // Validates `text` before any request; a newer request supersedes an older one.
    void lookUp(const QString &text);
    // Looks the stage up again — the one in flight, else the one shown — after the credentials,
    // endpoint or region changed. Nothing happens when no stage was asked for yet.
    void refresh();
    void cancel();

signals:
    void inputRejected(const QString &message);
    void lookupStarted(const QString &arn);
    void stageShown(const QString &arn, const QString &name);
    void lookupFailed(const QString &arn, const QString &message);
    void lookupCancelled(const QString &arn);
    void busyChanged(bool busy);
    // Things worth telling while a lookup goes on: a retry, a corrected clock.
    void notice(const QString &text);

private:
    void start(const ivs::StageArn &arn);

    ivs::IvsClient &m_client;
    document::StageDocument &m_document;
    QPointer<QObject> m_pending; // context of the request in flight; deleting it aborts
    QString m_pendingArn;
    QDateTime m_retrievedAt;
};

} // namespace workspace
