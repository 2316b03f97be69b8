#include "ivs/stage_rules.h"

#include <cmath>
#include <cstring>
#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::StageRules)
};

const QString kRecording = QStringLiteral("autoParticipantRecordingConfiguration.");

QList<FieldRule> buildRules()
{
    using Kind = FieldRule::Kind;
    return {
        {QStringLiteral("name"),
         Kind::Text,
         {},
         0,
         128,
         QStringLiteral("[a-zA-Z0-9-_]*"),
         Text::tr("letters, digits, \"-\" and \"_\"")},
        {kRecording + QStringLiteral("storageConfigurationArn"),
         Kind::StorageConfiguration,
         {},
         0,
         128,
         QStringLiteral("(|arn:aws:ivs:[a-z0-9-]+:[0-9]+:storage-configuration/[a-zA-Z0-9-]+)"),
         Text::tr("empty (recording off) or a storage configuration ARN")},
        {kRecording + QStringLiteral("mediaTypes"),
         Kind::MultiChoice,
         {QStringLiteral("AUDIO_VIDEO"), QStringLiteral("AUDIO_ONLY"), QStringLiteral("NONE")},
         1,
         1,
         {},
         {}},
        {kRecording + QStringLiteral("thumbnailConfiguration.recordingMode"),
         Kind::Choice,
         {QStringLiteral("INTERVAL"), QStringLiteral("DISABLED")},
         0,
         0,
         {},
         {}},
        {kRecording + QStringLiteral("thumbnailConfiguration.targetIntervalSeconds"),
         Kind::Integer,
         {},
         1,
         86400,
         {},
         {}},
        {kRecording + QStringLiteral("thumbnailConfiguration.storage"),
         Kind::MultiChoice,
         {QStringLiteral("SEQUENTIAL"), QStringLiteral("LATEST")},
         1,
         2,
         {},
         {}},
        {kRecording + QStringLiteral("recordingReconnectWindowSeconds"),
         Kind::Integer,
         {},
         0,
         300,
         {},
         {}},
        {kRecording + QStringLiteral("hlsConfiguration.targetSegmentDurationSeconds"),
         Kind::Integer,
         {},
         2,
         10,
         {},
         {}},
        {kRecording + QStringLiteral("recordParticipantReplicas"), Kind::Boolean, {}, 0, 0, {}, {}},
    };
}

const QList<FieldRule> &rules()
{
    static const QList<FieldRule> all = buildRules();
    return all;
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
}

} // namespace

std::optional<FieldRule> ruleForPath(const QString &path)
{
    for (const FieldRule &rule : rules()) {
        if (rule.path == path)
            return rule;
    }
    return std::nullopt;
}

QStringList editablePaths()
{
    QStringList paths;
    for (const FieldRule &rule : rules())
        paths.append(rule.path);
    return paths;
}

QString valueProblem(const FieldRule &rule, const QJsonValue &value)
{
    using Kind = FieldRule::Kind;
    switch (rule.kind) {
    case Kind::Text:
    case Kind::StorageConfiguration: {
        if (!value.isString())
            return Text::tr("Expected text.");
        const QString text = value.toString();
        if (text.size() > rule.maximum)
            return Text::tr("At most %1 characters; this has %2.")
                .arg(rule.maximum)
                .arg(text.size());
        if (!QRegularExpression(QRegularExpression::anchoredPattern(rule.pattern))
                 .match(text)
                 .hasMatch())
            return Text::tr("Use %1.").arg(rule.patternHint);
        return {};
    }
    case Kind::Choice:
        if (!rule.choices.contains(value.toString()))
            return Text::tr("Choose one of %1.").arg(rule.choices.join(QStringLiteral(", ")));
        return {};
    case Kind::MultiChoice: {
        if (!value.isArray())
            return Text::tr("Expected a list.");
        QStringList picked;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items) {
            if (!rule.choices.contains(item.toString()))
                return Text::tr("\"%1\" is not one of %2.")
                    .arg(item.toString(), rule.choices.join(QStringLiteral(", ")));
            if (picked.contains(item.toString()))
                return Text::tr("\"%1\" is listed twice.").arg(item.toString());
            picked.append(item.toString());
        }
        if (picked.size() < rule.minimum || picked.size() > rule.maximum)
            return rule.minimum == rule.maximum
                       ? Text::tr("Choose exactly %1.").arg(rule.minimum)
                       : Text::tr("Choose from %1 to %2.").arg(rule.minimum).arg(rule.maximum);
        return {};
    }
    case Kind::Integer:
        if (!isWholeNumber(value))
            return Text::tr("Expected a whole number.");
        if (value.toDouble() < rule.minimum || value.toDouble() > rule.maximum)
            return Text::tr("Must be from %1 to %2.").arg(rule.minimum).arg(rule.maximum);
        return {};
    case Kind::Boolean:
        if (!value.isBool())
            return Text::tr("Expected on or off.");
        return {};
    }
    return {};
}

namespace {

// What AWS allows in tag keys and values ("Tag naming limits and requirements", to which the
// Amazon IVS API defers): letters, numbers and spaces of any script, and _ . : / = + - @.
bool isTagCharacter(char32_t c)
{
    if (QChar::isLetter(c) || QChar::isNumber(c) || QChar::category(c) == QChar::Separator_Space)
        return true;
    return c != 0 && c < 0x80 && std::strchr("_.:/=+-@", static_cast<char>(c)) != nullptr;
}

// The first character of `text` that a tag may not hold, named for a message: "&" (U+0026), or
// just U+001B for one that must not be shown as it is. Empty when there is none.
QString forbiddenTagCharacter(const QString &text)
{
    const QList<uint> characters = text.toUcs4();
    for (const uint c : characters) {
        if (isTagCharacter(char32_t(c)))
            continue;
        const char32_t character = c;
        const QString code =
            QStringLiteral("U+%1").arg(c, c > 0xffff ? 6 : 4, 16, QLatin1Char('0')).toUpper();
        const QChar::Category category = QChar::category(char32_t(c));
        const bool printable =
            category != QChar::Other_Control && category != QChar::Other_Format &&
            category != QChar::Other_Surrogate && category != QChar::Other_NotAssigned &&
            category != QChar::Separator_Line && category != QChar::Separator_Paragraph;
        return printable ? QStringLiteral("\"%1\" (%2)").arg(QString::fromUcs4(&character, 1), code)
                         : code;
    }
    return {};
}

} // namespace

QString tagKeyProblem(const QString &key)
{
    if (key.isEmpty())
        return Text::tr("A tag key cannot be empty.");
    if (key.size() > 128)
        return Text::tr("A tag key has at most 128 characters; this has %1.").arg(key.size());
    if (key.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive))
        return Text::tr("Tag keys starting with \"aws:\" are reserved for AWS.");
    if (const QString forbidden = forbiddenTagCharacter(key); !forbidden.isEmpty())
        return Text::tr("A tag key may hold only letters, digits, spaces and _ . : / = + - @; "
                        "this one holds %1.")
            .arg(forbidden);
    return {};
}

QString tagValueProblem(const QString &value)
{
    if (value.size() > 256)
        return Text::tr("A tag value has at most 256 characters; this has %1.").arg(value.size());
    if (const QString forbidden = forbiddenTagCharacter(value); !forbidden.isEmpty())
        return Text::tr("A tag value may hold only letters, digits, spaces and _ . : / = + - @; "
                        "this one holds %1.")
            .arg(forbidden);
    return {};
}

} // namespace ivs
