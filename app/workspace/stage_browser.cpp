#include "workspace/stage_browser.h"

#include "document/stage_document.h"
#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"

namespace workspace {

StageBrowser::StageBrowser(ivs::IvsClient &client, document::StageDocument &document,
                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
{
    connect(&m_client, &ivs::IvsClient::retrying, this, &StageBrowser::notice);
    connect(&m_client, &ivs::IvsClient::clockSkewCorrected, this,
            [this](qint64, const QString &text) { emit notice(text); });
}

bool StageBrowser::isStale() const
{
    return m_document.isStale();
}

QString StageBrowser::shownArn() const
{
    return m_document.arn();
}

void StageBrowser::cancel()
{
    if (!m_pending)
        return;
    delete m_pending.data();
    emit busyChanged(false);
    emit lookupCancelled(m_pendingArn);
}

void StageBrowser::lookUp(const QString &text)
{
    QString problem;
    const auto arn = ivs::StageArn::parse(text, &problem);
    if (!arn) {
        emit inputRejected(problem);
        return;
    }
    // Enter and a pick from the list can both fire for one action: one request is enough.
    if (isBusy() && m_pendingArn == arn->text())
        return;
    start(*arn);
}

void StageBrowser::refresh()
{
    const QString text = isBusy() ? m_pendingArn : shownArn();
    if (text.isEmpty())
        return;
    // A request in flight was signed for the old connection: its answer must not be shown.
    if (const auto arn = ivs::StageArn::parse(text, nullptr))
        start(*arn);
}

void StageBrowser::start(const ivs::StageArn &arn)
{
    const bool wasBusy = isBusy();
    delete m_pending.data();
    auto *context = new QObject(this);
    m_pending = context;
    m_pendingArn = arn.text();
    emit lookupStarted(arn.text());
    if (!wasBusy)
        emit busyChanged(true);

    m_client.getStage(arn, QString(), context,
                      [this, context, arnText = arn.text()](const ivs::GetStageResult &result) {
                          context->deleteLater();
                          m_pending = nullptr;
                          if (result.stage) {
                              m_retrievedAt = QDateTime::currentDateTime();
                              m_document.setStage(*result.stage);
                              emit stageShown(arnText, result.stage->name());
                              if (!result.mismatch.isEmpty()) {
                                  emit answerMismatch(arnText, result.mismatch);
                                  emit notice(result.mismatch);
                              }
                          } else {
                              // The tree stays, but no longer claims to be current.
                              if (m_document.stage())
                                  m_document.setStale(true);
                              emit lookupFailed(arnText, result.error ? result.error->userMessage()
                                                                      : QString());
                          }
                          emit busyChanged(false);
                      });
}

} // namespace workspace
