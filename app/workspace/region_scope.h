#pragma once

#include <QStringList>

namespace workspace {

class ProfilesController;

// Which regions the stage list covers.
enum class RegionScope {
    ServiceRegion, // the region of the connection in use (the profile's, or the one chosen)
    AllRegions,    // every region where stages can be listed
    ChosenRegions, // a set the user picked
};

// Every region where stages can be listed: where Amazon IVS Real-Time is offered or, on the
// demo endpoint, the regions of the demo's own stages (it knows no others).
QStringList listableRegions(const ProfilesController &profiles);

// The regions `scope` covers, in the order of listableRegions() where it applies; empty when it
// covers none (no region configured, nothing chosen).
QStringList regionsInScope(RegionScope scope, const ProfilesController &profiles,
                           const QStringList &chosen);

// The scope to start with: the connection's region when there is one (and it is not the demo,
// whose stages are spread over several), else every region.
RegionScope defaultRegionScope(const ProfilesController &profiles);

} // namespace workspace
