#pragma once

#include <QByteArray>
#include <QString>

namespace testsupport {

// Absolute path of a file under tests/data.
QString testDataPath(const QString &relative);
// Contents of a file under tests/data; fails the current test when it cannot be read.
QByteArray readTestData(const QString &relative);

} // namespace testsupport
