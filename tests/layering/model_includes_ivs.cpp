// The control for the probes beside it: the same include path accepts a lower layer's header, so
// their refusals come from the layering and not from a broken probe.
#include "ivs/stage.h"

#include <QJsonObject>

int layeringProbeModelIncludesService()
{
    QString error;
    return ivs::Stage::fromJson(QJsonObject(), &error) ? 1 : 0;
}
