#include "support/test_data.h"

#include <QFile>
#include <QTest>

namespace testsupport {

QString testDataPath(const QString &relative)
{
    return QStringLiteral(IVS_TEST_DATA_DIR "/") + relative;
}

QByteArray readTestData(const QString &relative)
{
    QFile file(testDataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read test data %1").arg(file.fileName())),
                     __FILE__, __LINE__);
        return {};
    }
    return file.readAll();
}

} // namespace testsupport
