#include "workspace/region_scope.h"

#include "ivs/regions.h"
#include "ivs/stage_arn.h"
#include "workspace/profiles_controller.h"

#include <algorithm>

namespace workspace {

QStringList listableRegions(const ProfilesController &profiles)
{
    const QStringList known = ivs::realTimeRegions();
    if (!profiles.isDemo())
        return known;
    QStringList regions;
    const QStringList arns = profiles.suggestedArns();
    for (const QString &text : arns) {
        const auto arn = ivs::StageArn::parse(text);
        if (arn && !regions.contains(arn->region()))
            regions.append(arn->region());
    }
    // The usual order, so the list reads the same with the demo as with AWS.
    std::sort(regions.begin(), regions.end(), [&known](const QString &a, const QString &b) {
        return known.indexOf(a) < known.indexOf(b);
    });
    return regions;
}

QStringList regionsInScope(RegionScope scope, const ProfilesController &profiles,
                           const QStringList &chosen)
{
    switch (scope) {
    case RegionScope::ServiceRegion: {
        const QString region = profiles.serviceRegion();
        return region.isEmpty() ? QStringList() : QStringList{region};
    }
    case RegionScope::AllRegions:
        return listableRegions(profiles);
    case RegionScope::ChosenRegions: {
        QStringList regions;
        const QStringList listable = listableRegions(profiles);
        for (const QString &region : listable) {
            if (chosen.contains(region))
                regions.append(region);
        }
        return regions;
    }
    }
    return {};
}

RegionScope defaultRegionScope(const ProfilesController &profiles)
{
    return profiles.isDemo() || profiles.serviceRegion().isEmpty() ? RegionScope::AllRegions
                                                                   : RegionScope::ServiceRegion;
}

} // namespace workspace
