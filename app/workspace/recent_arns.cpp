#include "workspace/recent_arns.h"

#include "ivs/stage_arn.h"

#include <QSettings>

namespace workspace {

namespace {

const QString kRecentArnsKey = QStringLiteral("recentStageArns");

QStringList cleaned(const QStringList &arns)
{
    QStringList result;
    for (const QString &text : arns) {
        const auto arn = ivs::StageArn::parse(text);
        if (arn && !result.contains(arn->text()))
            result.append(arn->text());
        if (result.size() == RecentArns::kMaxCount)
            break;
    }
    return result;
}

} // namespace

RecentArns::RecentArns(QSettings &settings)
    : m_settings(settings)
{
}

QStringList RecentArns::arns() const
{
    return cleaned(m_settings.value(kRecentArnsKey).toStringList());
}

QStringList RecentArns::remember(const QString &arn)
{
    QStringList list = arns();
    list.prepend(arn);
    list = cleaned(list);
    store(list);
    return list;
}

void RecentArns::clear()
{
    m_settings.remove(kRecentArnsKey);
    m_settings.sync();
}

void RecentArns::store(const QStringList &arns)
{
    m_settings.setValue(kRecentArnsKey, arns);
    // Another window, or a crash, must not lose what was just looked up.
    m_settings.sync();
}

} // namespace workspace
