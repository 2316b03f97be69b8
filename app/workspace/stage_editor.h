#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace ivs {
class IvsClient;
}
namespace document {
class StageDocument;
}

namespace workspace {

// Sends the document's pending edits to the service — UpdateStage, then TagResource, then
// UntagResource — and re-reads the stage afterwards, so the document never holds what the
// service does not. Whatever did not take stays pending; nothing typed is lost.
class StageEditor final : public QObject {
    Q_OBJECT
public:
    StageEditor(ivs::IvsClient &client, document::StageDocument &document,
                QObject *parent = nullptr);

    bool isApplying() const { return m_context != nullptr; }
    // The error of the request that made the last apply fail; nullopt after a success, or when
    // nothing was sent. The command line turns it into its exit code.
    const std::optional<ivs::ServiceError> &lastError() const { return m_lastError; }
    // What the last apply did, piece by piece, for a caller that words its own report (the
    // command line, which has no pending edits to speak of).
    struct Outcome {
        QStringList applied; // the requests that took, in order
        QString failure;     // "TagResource failed: …"; empty when every request took
        QStringList notSent; // the requests left unsent after the failure
        QString rereadError; // why the stage could not be read again; empty when it was
    };
    const Outcome &lastOutcome() const { return m_lastOutcome; }
public slots:
    void apply();
    // Fills the storage configuration picker from the stage's region, in place of what it
    // offered before; a listing still under way for an earlier stage is abandoned.
    void loadStorageChoices();

signals:
    // The picker could not be filled (and offers none); `message` says why. A storage
    // configuration ARN can still be typed.
    void storageChoicesFailed(const QString &message);
    void applyStarted();
    void progress(const QString &text);
    // `report` says exactly what was applied and what was not, and why.
    void applyFinished(bool ok, const QString &report);

private:
    struct Run;
    void runStep(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);

    ivs::IvsClient &m_client;
    document::StageDocument &m_document;
    QPointer<QObject> m_context;        // of the apply in progress
    QPointer<QObject> m_storageContext; // of the storage listing in progress
    std::optional<ivs::ServiceError> m_lastError;
    Outcome m_lastOutcome;
};

} // namespace workspace
