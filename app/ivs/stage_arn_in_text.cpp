#include "ivs/stage_arn_in_text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace ivs {

namespace {

// A clipboard can hold anything; an ARN worth finding is near the start of what was copied.
constexpr qsizetype kMaxSearchedLength = 64 * 1024;
// Console links may encode the ARN twice (a link inside a link's query).
constexpr int kMaxDecodingRounds = 2;
const QString kExample = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// A class rather than a function so that lupdate files the messages below under the same
// context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::StageArnInText)
};

// Any IVS resource ARN, so that a channel ARN can be named as such rather than ignored. The
// resource part stops where an ARN cannot go on: at "?", "&", "#", quotes, spaces, etc.
const QRegularExpression &ivsArnPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("arn:[a-z0-9-]+:ivs:[a-z0-9-]*:[0-9]*:[a-z-]+(?:/[A-Za-z0-9-]*)?"));
    return pattern;
}

// The text as pasted, then decoded once and twice: each spelling the ARN may hide in.
QStringList spellings(const QString &text)
{
    QStringList result{text};
    QString decoded = text;
    for (int round = 0; round < kMaxDecodingRounds; ++round) {
        // "+" is a space only in form data; in a console link it is never part of an ARN.
        decoded = QUrl::fromPercentEncoding(decoded.toUtf8());
        if (result.contains(decoded))
            break;
        result.append(decoded);
    }
    return result;
}

bool looksLikeConsoleLink(const QString &text)
{
    return text.contains(QLatin1String("console.aws.amazon.com"), Qt::CaseInsensitive);
}

QString nothingFound(const QString &text)
{
    if (looksLikeConsoleLink(text))
        return Text::tr(
                   "This console link does not contain a stage ARN. Open the stage in the Amazon "
                   "IVS console and copy its ARN (%1), or a link that includes it.")
            .arg(kExample);
    return Text::tr("No stage ARN found: expected a stage ARN such as %1, or an Amazon IVS console "
                    "link that contains one.")
        .arg(kExample);
}

} // namespace

std::optional<StageArn> findStageArnInText(const QString &text, QString *problem)
{
    QString asWhole;
    if (auto arn = StageArn::parse(text, &asWhole))
        return arn;

    QString otherArnProblem;
    for (const QString &spelling : spellings(text.left(kMaxSearchedLength))) {
        auto matches = ivsArnPattern().globalMatch(spelling);
        while (matches.hasNext()) {
            QString why;
            if (auto arn = StageArn::parse(matches.next().captured(), &why))
                return arn;
            if (otherArnProblem.isEmpty())
                otherArnProblem = why;
        }
    }
    if (!problem)
        return std::nullopt;
    // Something that is one nearly-right ARN gets StageArn's precise complaint ("Region
    // \"US-WEST-2\" is not valid", "a low-latency channel ARN").
    const QString trimmed = text.trimmed();
    static const QRegularExpression oneToken(QStringLiteral("^\\S+$"));
    if (trimmed.startsWith(QLatin1String("arn:")) && oneToken.match(trimmed).hasMatch())
        *problem = asWhole;
    else
        *problem = otherArnProblem.isEmpty() ? nothingFound(text) : otherArnProblem;
    return std::nullopt;
}

} // namespace ivs
