#include "ivs/regions.h"

namespace ivs {

QStringList realTimeRegions()
{
    return {QStringLiteral("us-east-1"),      QStringLiteral("us-west-2"),
            QStringLiteral("eu-west-1"),      QStringLiteral("eu-central-1"),
            QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"),
            QStringLiteral("ap-south-1")};
}

} // namespace ivs
