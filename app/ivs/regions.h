#pragma once

#include <QStringList>

namespace ivs {

// The AWS Regions where Amazon IVS Real-Time is offered. Kept here alone, so that when AWS adds
// one, one line changes.
QStringList realTimeRegions();

} // namespace ivs
