// libFuzzer target: aws::SharedConfig::parse on arbitrary ~/.aws/config and ~/.aws/credentials
// text. Input layout: the config file, a NUL byte, the credentials file.

#include "aws/shared_config.h"
#include "fuzz_support.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> files = fuzz::fields(fuzz::bytes(data, size), 2);
    const aws::SharedConfig config = aws::SharedConfig::parse(files.at(0), files.at(1));

    const QStringList names = config.profileNames();
    FUZZ_CHECK(QSet<QString>(names.cbegin(), names.cend()).size() == names.size());
    if (names.contains(QStringLiteral("default")))
        FUZZ_CHECK(names.first() == QStringLiteral("default"));
    for (const QString &name : names) {
        const std::optional<aws::SharedProfile> profile = config.profile(name);
        FUZZ_CHECK(profile.has_value());
        FUZZ_CHECK(profile->name == name);
        FUZZ_CHECK(!profile->sourceDescription.isEmpty());
        (void)profile->hasStaticKeys();
        FUZZ_CHECK(config.value(name, QStringLiteral("REGION")) == profile->region);
        (void)config.value(name, QStringLiteral("sso_session"));
        (void)config.serviceEndpointUrl(name, QStringLiteral("ivs_realtime"));
        (void)config.serviceEndpointUrl(name, QStringLiteral("IVS_REALTIME"));
    }
    const QStringList warnings = config.warnings();
    for (const QString &warning : warnings)
        FUZZ_CHECK(!warning.isEmpty());
    return 0;
}
