#include "workspace/stage_editor.h"

#include "document/stage_document.h"
#include "ivs/browse_operations.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"
#include "ivs/stage_changes.h"

#include <functional>

namespace workspace {

// One apply: the requests still to send and what happened to those already sent.
struct StageEditor::Run {
    ivs::StageArn arn;
    ivs::StageChanges changes;
    QList<QPair<QString, std::function<void(const std::shared_ptr<Run> &)>>> steps;
    QStringList done;
    QString failure;
    QStringList notSent;
    std::optional<ivs::ServiceError> error; // of the request that failed
};

StageEditor::StageEditor(ivs::IvsClient &client, document::StageDocument &document, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
{
}

void StageEditor::loadStorageChoices()
{
    delete m_storageContext; // aborts a listing for the stage shown before
    m_document.forgetStorageChoices();
    const auto arn = ivs::StageArn::parse(m_document.arn());
    if (!arn)
        return;
    m_storageContext = new QObject(this);
    ivs::listStorageConfigurations(
        m_client, arn->region(), m_storageContext,
        [this, region = arn->region()](const ivs::ListStorageConfigurationsResult &result) {
            m_storageContext->deleteLater();
            m_storageContext = nullptr;
            if (result.error) {
                // The ARN can still be typed: the picker is a convenience.
                emit storageChoicesFailed(
                    tr("The storage configurations in %1 could not be listed, so the recording "
                       "picker offers none; a storage configuration ARN can still be typed. %2")
                        .arg(region, result.error->userMessage()));
                return;
            }
            QList<document::StageDocument::StorageChoice> choices;
            for (const auto &configuration : result.configurations)
                choices.append(
                    {tr("%1 (bucket %2)")
                         .arg(configuration.name.isEmpty() ? configuration.arn : configuration.name,
                              configuration.bucketName),
                     configuration.arn});
            m_document.setStorageChoices(choices);
        });
}

void StageEditor::apply()
{
    if (isApplying() || !m_document.stage() || !m_document.hasPendingEdits())
        return;
    m_lastError.reset();
    m_lastOutcome = {};
    const QStringList problems = ivs::configProblems(m_document.editedConfig());
    if (!problems.isEmpty()) {
        emit applyFinished(false, tr("Nothing was sent: %1").arg(problems.join(QLatin1Char(' '))));
        return;
    }
    auto run = std::make_shared<Run>(Run{
        *ivs::StageArn::parse(m_document.arn()), m_document.pendingChanges(), {}, {}, {}, {}, {}});
    auto report = [this](const std::shared_ptr<Run> &current, const QString &operation,
                         const std::optional<ivs::ServiceError> &error) {
        if (!error) {
            current->done.append(operation);
            return runStep(current);
        }
        QString why = error->userMessage();
        if (error->category == ivs::ErrorCategory::Conflict)
            why = tr("The recording settings cannot change while a participant is being "
                     "recorded. Apply again when the recording has ended. (%1)")
                      .arg(why);
        current->failure = tr("%1 failed: %2").arg(operation, why);
        current->error = error;
        for (const auto &[name, step] : std::as_const(current->steps))
            current->notSent.append(name);
        finish(current);
    };
    if (run->changes.updateStageBody)
        run->steps.append(
            {QStringLiteral("UpdateStage"), [this, report](const std::shared_ptr<Run> &current) {
                 m_client.updateStage(current->arn, *current->changes.updateStageBody, m_context,
                                      [report, current](const ivs::GetStageResult &result) {
                                          report(current, QStringLiteral("UpdateStage"),
                                                 result.error);
                                      });
             }});
    if (!run->changes.tagsToSet.isEmpty())
        run->steps.append(
            {QStringLiteral("TagResource"), [this, report](const std::shared_ptr<Run> &current) {
                 m_client.tagResource(current->arn, current->changes.tagsToSet, m_context,
                                      [report, current](const ivs::JsonCallResult &result) {
                                          report(current, QStringLiteral("TagResource"),
                                                 result.error);
                                      });
             }});
    if (!run->changes.tagKeysToRemove.isEmpty())
        run->steps.append(
            {QStringLiteral("UntagResource"), [this, report](const std::shared_ptr<Run> &current) {
                 m_client.untagResource(current->arn, current->changes.tagKeysToRemove, m_context,
                                        [report, current](const ivs::JsonCallResult &result) {
                                            report(current, QStringLiteral("UntagResource"),
                                                   result.error);
                                        });
             }});

    m_context = new QObject(this);
    emit applyStarted();
    runStep(run);
}

void StageEditor::runStep(const std::shared_ptr<Run> &run)
{
    if (run->steps.isEmpty())
        return finish(run);
    const auto [name, step] = run->steps.takeFirst();
    emit progress(tr("Sending %1 for %2…").arg(name, run->arn.text()));
    step(run);
}

void StageEditor::finish(const std::shared_ptr<Run> &run)
{
    // Re-read whatever happened, so the tree shows the service's truth and only what did not
    // take stays pending.
    m_client.getStage(
        run->arn, QString(), m_context, [this, run](const ivs::GetStageResult &fresh) {
            QString report;
            if (run->failure.isEmpty()) {
                report = tr("Applied: %1.").arg(run->done.join(QStringLiteral(", ")));
                if (fresh.stage)
                    m_document.setStage(*fresh.stage); // nothing left pending
            } else {
                report = run->done.isEmpty()
                             ? tr("Nothing was applied. %1").arg(run->failure)
                             : tr("Applied: %1. %2")
                                   .arg(run->done.join(QStringLiteral(", ")), run->failure);
                if (!run->notSent.isEmpty())
                    report += QLatin1Char(' ') +
                              tr("Not sent: %1.").arg(run->notSent.join(QStringLiteral(", ")));
                report += QLatin1Char(' ') + tr("Your other changes are still pending.");
                if (fresh.stage)
                    m_document.replaceStageKeepingEdits(*fresh.stage);
            }
            const QString rereadError =
                fresh.stage ? QString()
                            : (fresh.error ? fresh.error->userMessage() : tr("No answer."));
            if (!fresh.stage)
                report += QLatin1Char(' ') +
                          tr("The stage could not be read again (%1); the tree may be out of date.")
                              .arg(rereadError);
            m_lastOutcome = {run->done, run->failure, run->notSent, rereadError};
            m_lastError = run->error;
            m_context->deleteLater();
            m_context = nullptr;
            emit applyFinished(run->failure.isEmpty(), report);
        });
}

} // namespace workspace
