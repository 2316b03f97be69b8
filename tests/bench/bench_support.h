#pragma once

#include <QByteArray>

namespace bench {

// A GetStage answer with every field set and `tagCount` tags: the largest stage the service can
// return (50 tags) is what the goals are about.
QByteArray stageResponse(int tagCount);

// Runs the Qt event loop until `done` is true (or a few seconds pass).
void spinUntil(const bool &done);

} // namespace bench
