#pragma once

#include <QString>

namespace testsupport {

// ARNs of the demo endpoint's sample stages (app/demo/demo_stages.cpp).
inline const QString kFullyConfiguredDemoArn =
    QStringLiteral("arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh");
inline const QString kDefaultsDemoArn =
    QStringLiteral("arn:aws:ivs:eu-central-1:123456789012:stage/Qx7Rk2LmPz9W");
inline const QString kOlderDemoArn =
    QStringLiteral("arn:aws:ivs:ap-northeast-1:123456789012:stage/Tn4Hall2026x");

} // namespace testsupport
