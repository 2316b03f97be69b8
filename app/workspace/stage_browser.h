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
    // Things worth telling while a lookup goes on: a retry, a corrected clock; and, after
    // stageShown, an answer about another stage than the one asked for (see answerMismatch).
    void notice(const QString &text);
    // The answer for `arn` describes another stage (another account, region or id): it is shown
    // all the same, and `warning` says so, for a banner. Also emitted as notice().
    void answerMismatch(const QString &arn, const QString &warning);

private:
    void start(const ivs::StageArn &arn);

    ivs::IvsClient &m_client;
    document::StageDocument &m_document;
    QPointer<QObject> m_pending; // context of the request in flight; deleting it aborts
    QString m_pendingArn;
    QDateTime m_retrievedAt;
};

} // namespace workspace
