#include "ivs/stage_resources.h"

#include <QCoreApplication>

namespace ivs {

namespace {

// A class rather than a function so that lupdate files the messages below under the
// same context as Text::tr() looks them up in.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ivs::StageResources)
};

} // namespace

QString noStorageConfigurationIn(const QString &region)
{
    return Text::tr("No storage configuration in %1: create one in the AWS console (IVS › "
                    "Real-time › Storage configurations) or with `aws ivs-realtime "
                    "create-storage-configuration --region %1`.")
        .arg(region);
}

QString StorageConfiguration::region() const
{
    return arn.section(QLatin1Char(':'), 3, 3);
}

} // namespace ivs
