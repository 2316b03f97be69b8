#include "workspace/profile_validation.h"

#include "profiles/profile_store.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>

namespace workspace {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(workspace::ProfileValidation)
};

bool containsWhitespace(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

QStringList commonIvsRegions()
{
    return {QStringLiteral("us-east-1"),      QStringLiteral("us-west-2"),
            QStringLiteral("eu-west-1"),      QStringLiteral("eu-central-1"),
            QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"),
            QStringLiteral("ap-south-1")};
}

QString regionProblem(const QString &region)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$"));
    if (region.isEmpty() || shape.match(region).hasMatch())
        return {};
    return Text::tr("\"%1\" is not a region name; regions look like us-east-1 or eu-central-1.")
        .arg(region);
}

ProfileDraft normalizedDraft(const ProfileDraft &draft)
{
    return {draft.name.trimmed(), draft.region.trimmed(), draft.accessKeyId.trimmed(),
            draft.secretAccessKey.trimmed(), draft.sessionToken.trimmed()};
}

DraftProblems checkDraftFields(const ProfileDraft &draft)
{
    static const QRegularExpression keyIdShape(QStringLiteral("^[A-Za-z0-9]{1,128}$"));
    DraftProblems problems;
    if (draft.name.isEmpty())
        problems.name = Text::tr("Enter a name for the profile.");
    else
        problems.name = profiles::ProfileStore::nameProblem(draft.name);
    problems.region = regionProblem(draft.region);
    if (draft.accessKeyId.isEmpty())
        problems.accessKeyId = Text::tr("Enter the access key ID.");
    else if (!keyIdShape.match(draft.accessKeyId).hasMatch())
        problems.accessKeyId = Text::tr("An access key ID has only letters and digits, like "
                                        "AKIAIOSFODNN7EXAMPLE.");
    // The messages never quote a secret: it might be shown over someone's shoulder.
    if (draft.secretAccessKey.isEmpty())
        problems.secretAccessKey = Text::tr("Enter the secret access key.");
    else if (containsWhitespace(draft.secretAccessKey))
        problems.secretAccessKey =
            Text::tr("The secret access key contains a space; check that it was pasted whole.");
    if (containsWhitespace(draft.sessionToken))
        problems.sessionToken =
            Text::tr("The session token contains a space; check that it was pasted whole.");
    return problems;
}

} // namespace workspace
