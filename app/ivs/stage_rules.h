#pragma once

#include <optional>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace ivs {

// What an editor for a field must offer, and what the service accepts (ivs-realtime 2020-07-14).
struct FieldRule {
    enum class Kind { Text, Choice, MultiChoice, Integer, Boolean, StorageConfiguration };

    QString path; // "name", "autoParticipantRecordingConfiguration.mediaTypes", …
    Kind kind = Kind::Text;
    QStringList choices; // Choice, MultiChoice
    int minimum = 0;     // Integer: inclusive range; MultiChoice: fewest choices
    int maximum = 0;     // Integer: inclusive; MultiChoice: most choices; Text: longest
    QString pattern;     // Text: a regular expression the whole value must match
    QString patternHint; // the pattern in words, for messages
};

// The rule for an editable field, or nullopt when the field cannot be edited.
std::optional<FieldRule> ruleForPath(const QString &path);
QStringList editablePaths();

// Empty when `value` is acceptable for `rule`; otherwise a sentence saying why not.
QString valueProblem(const FieldRule &rule, const QJsonValue &value);

// Tags: at most 50; key 1–128 characters, not starting with "aws:", value at most 256; both only
// letters, digits and spaces (any script) and _ . : / = + - @, as AWS documents for tags.
constexpr int kMaxTags = 50;
QString tagKeyProblem(const QString &key);
QString tagValueProblem(const QString &value);

} // namespace ivs
