#include "ivs/participant_actions.h"

#include "ivs/ivs_client.h"
#include "ivs/stage_arn.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::ParticipantActions)
};

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

qsizetype characterCount(const QString &text)
{
    return text.toUcs4().size();
}

} // namespace

QString participantIdProblem(const QString &participantId)
{
    if (participantId.isEmpty())
        return Text::tr("The participant id is empty.");
    if (characterCount(participantId) > kMaxParticipantIdLength)
        return Text::tr("The participant id is longer than %1 characters.")
            .arg(kMaxParticipantIdLength);
    for (const QChar c : participantId) {
        if (c.isSpace())
            return Text::tr("The participant id contains a space; participant ids have none.");
    }
    if (hasControlCharacter(participantId))
        return Text::tr("The participant id contains a control character.");
    return {};
}

QString disconnectReasonProblem(const QString &reason)
{
    const qsizetype length = characterCount(reason);
    if (length > kMaxDisconnectReasonLength)
        return Text::tr("The reason is %1 characters long; DisconnectParticipant accepts at most "
                        "%2.")
            .arg(length)
            .arg(kMaxDisconnectReasonLength);
    if (hasControlCharacter(reason))
        return Text::tr("The reason contains a control character (a line break, say); write it "
                        "on one line.");
    return {};
}

void disconnectParticipant(IvsClient &client, const StageArn &stage, const QString &participantId,
                           const QString &reason, QObject *context,
                           std::function<void(const DisconnectResult &)> done)
{
    QJsonObject request{{QStringLiteral("stageArn"), stage.text()},
                        {QStringLiteral("participantId"), participantId}};
    if (!reason.isEmpty())
        request.insert(QStringLiteral("reason"), reason);
    client.postJson(stage.region(), QStringLiteral("DisconnectParticipant"),
                    QJsonDocument(request).toJson(QJsonDocument::Compact), context,
                    [done = std::move(done)](const JsonCallResult &call) {
                        DisconnectResult result;
                        result.error = call.error;
                        done(result);
                    });
}

} // namespace ivs
