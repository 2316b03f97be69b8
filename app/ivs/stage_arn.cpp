#include "ivs/stage_arn.h"

#include <algorithm>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QRegularExpression>

namespace ivs {

namespace {

constexpr qsizetype kMaxArnLength = 128;
const QString kExample = QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::StageArn)
};

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

QString describeOtherResource(const QString &resourceType)
{
    if (resourceType == QLatin1String("channel"))
        return Text::tr("This is an IVS low-latency channel ARN, not a Real-Time stage ARN.");
    if (resourceType == QLatin1String("storage-configuration"))
        return Text::tr("This is a storage configuration ARN, not a stage ARN.");
    if (resourceType == QLatin1String("encoder-configuration"))
        return Text::tr("This is an encoder configuration ARN, not a stage ARN.");
    if (resourceType == QLatin1String("ingest-configuration"))
        return Text::tr("This is an ingest configuration ARN, not a stage ARN.");
    return Text::tr("The resource part must be \"stage/<id>\", but it is of type \"%1\".")
        .arg(resourceType);
}

} // namespace

bool isRegionName(const QString &region)
{
    // us-west-2, eu-central-1, ap-southeast-3, cn-north-1, us-gov-west-1, …: the shape of every
    // region name, without a list of today's regions that a new one would be missing from.
    return matches(QStringLiteral("[a-z]{2}(-gov)?-[a-z]+-[1-9][0-9]?"), region);
}

QString regionProblem(const QString &region)
{
    if (region.isEmpty())
        return Text::tr("Enter a region, for example us-west-2.");
    if (isRegionName(region))
        return {};
    if (region != region.toLower() && isRegionName(region.toLower()))
        return Text::tr("Region \"%1\" is not valid: region names are lower case (\"%2\").")
            .arg(region, region.toLower());
    return Text::tr("Region \"%1\" is not valid: a region is written like \"us-west-2\", "
                    "\"eu-central-1\" or \"us-gov-west-1\" (area, direction, number).")
        .arg(region);
}

namespace {

// Returns an empty string when the text is a valid stage ARN.
QString validate(const QString &arn, const QStringList &fields)
{
    if (arn.isEmpty())
        return Text::tr("Enter a stage ARN, for example %1.").arg(kExample);
    if (!arn.startsWith(QLatin1String("arn:"))) {
        if (matches(QStringLiteral("[a-zA-Z0-9-]{1,64}"), arn))
            return Text::tr(
                       "\"%1\" looks like a stage ID. Paste the full stage ARN, for example %2.")
                .arg(arn, kExample);
        return Text::tr("Not an ARN: a stage ARN starts with \"arn:aws:ivs:\", for example %1.")
            .arg(kExample);
    }
    if (arn.size() > kMaxArnLength)
        return Text::tr("A stage ARN is at most %1 characters; this one has %2.")
            .arg(kMaxArnLength)
            .arg(arn.size());
    if (fields.size() < 6)
        return Text::tr("Incomplete ARN: expected arn:aws:ivs:<region>:<account>:stage/<id>.");
    if (fields.at(1) != QLatin1String("aws"))
        return Text::tr(
                   "Unsupported partition \"%1\": Amazon IVS stages are in the \"aws\" partition.")
            .arg(fields.at(1));
    if (fields.at(2) != QLatin1String("ivs"))
        return Text::tr("This ARN belongs to the \"%1\" service, not Amazon IVS (\"ivs\").")
            .arg(fields.at(2));
    if (fields.at(3).isEmpty())
        return Text::tr(
            "The ARN has no region: expected arn:aws:ivs:<region>:<account>:stage/<id>.");
    if (const QString problem = regionProblem(fields.at(3)); !problem.isEmpty())
        return problem;
    if (fields.at(4).isEmpty())
        return Text::tr("The ARN has no account: expected a 12-digit account ID after the region, "
                        "for example %1.")
            .arg(kExample);
    if (!matches(QStringLiteral("[0-9]{12}"), fields.at(4)))
        return Text::tr("Account \"%1\" is not valid: an AWS account ID is a 12-digit number; "
                        "this one has %2 characters.")
            .arg(fields.at(4))
            .arg(fields.at(4).size());
    if (fields.size() > 6)
        return Text::tr(
            "Too many \":\" separators: expected arn:aws:ivs:<region>:<account>:stage/<id>.");
    const QString resource = fields.at(5);
    const qsizetype slash = resource.indexOf(QLatin1Char('/'));
    const QString resourceType = slash < 0 ? resource : resource.left(slash);
    if (resourceType != QLatin1String("stage"))
        return describeOtherResource(resourceType);
    const QString stageId = resource.mid(slash + 1);
    if (slash < 0 || stageId.isEmpty())
        return Text::tr("The ARN has no stage ID after \"stage/\".");
    if (!matches(QStringLiteral("[a-zA-Z0-9-]+"), stageId))
        return Text::tr("Stage ID \"%1\" is not valid: only letters, digits and \"-\" are allowed.")
            .arg(stageId);
    return {};
}

// Quotes a pasted ARN may come in: a shell's or JSON's, Markdown's backticks, and the curly ones
// a chat or a document turns them into.
bool isQuoted(const QString &text)
{
    static const QList<QPair<QChar, QChar>> pairs{
        {u'"', u'"'},
        {u'\'', u'\''},
        {u'`', u'`'},
        {QChar(0x201C), QChar(0x201D)},
        {QChar(0x2018), QChar(0x2019)},
        {QChar(0x201E), QChar(0x201C)},
        {QChar(0x00AB), QChar(0x00BB)},
    };
    if (text.size() < 2)
        return false;
    return std::any_of(pairs.begin(), pairs.end(), [&text](const QPair<QChar, QChar> &pair) {
        return text.front() == pair.first && text.back() == pair.second;
    });
}

QString stripPasteNoise(const QString &text)
{
    QString arn = text.trimmed();
    while (isQuoted(arn))
        arn = arn.mid(1, arn.size() - 2).trimmed();
    return arn;
}

} // namespace

std::optional<StageArn> StageArn::parse(const QString &text, QString *error)
{
    const QString arn = stripPasteNoise(text);
    const QStringList fields = arn.split(QLatin1Char(':'));
    const QString problem = validate(arn, fields);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    StageArn parsed;
    parsed.m_text = arn;
    parsed.m_region = fields.at(3);
    parsed.m_accountId = fields.at(4);
    parsed.m_stageId = fields.at(5).mid(QStringLiteral("stage/").size());
    return parsed;
}

} // namespace ivs
