#pragma once

#include <QStringList>

class QSettings;

namespace workspace {

// The stage ARNs looked up most recently, kept in the settings so they are offered again after a
// restart: most recent first, no duplicates, at most kMaxCount. Entries that are not stage ARNs
// (a hand-edited settings file) are dropped when read.
class RecentArns {
public:
    static constexpr int kMaxCount = 10;

    explicit RecentArns(QSettings &settings);

    QStringList arns() const;
    // Puts `arn` first and returns the new list.
    QStringList remember(const QString &arn);
    void clear();

private:
    void store(const QStringList &arns);

    QSettings &m_settings;
};

} // namespace workspace
