#pragma once

#include "ivs/service_error.h"

#include <optional>
#include <QObject>
#include <QPointer>
#include <QString>

namespace ivs {
class IvsClient;
}
namespace model {
class StageTreeModel;
}

namespace session {

// Sends the tree's pending edits to the service — UpdateStage, then TagResource, then
// UntagResource — and re-reads the stage afterwards, so the tree never shows what the service
// does not hold. Whatever did not take stays pending; nothing typed is lost.
class StageEditor final : public QObject {
    Q_OBJECT
public:
    StageEditor(ivs::IvsClient &client, model::StageTreeModel &model, QObject *parent = nullptr);

    bool isApplying() const { return m_context != nullptr; }
    // The error of the request that made the last apply fail; nullopt after a success, or when
    // nothing was sent. The command line turns it into its exit code.
    const std::optional<ivs::ServiceError> &lastError() const { return m_lastError; }
    // A plain-text review of what apply() would send; "No changes." when there is nothing.
    QString review() const;

    // The editable configuration as a JSON document, for File → Export.
    QByteArray exportDocument() const;
    // Loads an exported document as pending edits (one undo step).
    bool loadDocument(const QByteArray &json, QString *error);

public slots:
    void apply();
    // Fills the storage configuration picker from the stage's region.
    void loadStorageChoices();

signals:
    void applyStarted();
    void progress(const QString &text);
    // `report` says exactly what was applied and what was not, and why.
    void applyFinished(bool ok, const QString &report);

private:
    struct Run;
    void runStep(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run);

    ivs::IvsClient &m_client;
    model::StageTreeModel &m_model;
    QPointer<QObject> m_context; // of the apply in progress
    std::optional<ivs::ServiceError> m_lastError;
};

} // namespace session
