#pragma once

#include <QString>

class QAbstractItemModel;

namespace model {

// The model's rows as indented text for a terminal: "field  value  [note]". Notes mark
// documented defaults and fields the service did not return.
QString renderTreeText(const QAbstractItemModel &model);

} // namespace model
