#include "ivs/stage_resources.h"

namespace ivs {

QString StorageConfiguration::region() const
{
    return arn.section(QLatin1Char(':'), 3, 3);
}

} // namespace ivs
