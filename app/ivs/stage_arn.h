#pragma once

#include <optional>
#include <QString>

namespace ivs {

// A validated Amazon IVS Real-Time stage ARN:
// arn:aws:ivs:<region>:<account>:stage/<id>
class StageArn {
public:
    // Accepts surrounding whitespace and quotes (common when pasting from JSON or a shell).
    // On failure returns nullopt and sets `error` to a sentence saying what is wrong.
    static std::optional<StageArn> parse(const QString &text, QString *error = nullptr);

    const QString &text() const { return m_text; }
    const QString &region() const { return m_region; }
    const QString &accountId() const { return m_accountId; }
    const QString &stageId() const { return m_stageId; }

    friend bool operator==(const StageArn &, const StageArn &) = default;

private:
    StageArn() = default;
    QString m_text;
    QString m_region;
    QString m_accountId;
    QString m_stageId;
};

// Whether `region` has the shape of an AWS region name: "us-west-2", "eu-central-1",
// "us-gov-west-1", "cn-north-1" (two letters, an optional "-gov", a direction, a number).
bool isRegionName(const QString &region);
// Why `region` is not a region name, as a sentence; empty when it is one.
QString regionProblem(const QString &region);

} // namespace ivs
