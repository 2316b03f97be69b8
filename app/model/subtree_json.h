#pragma once

#include <QJsonObject>

class QModelIndex;

namespace model {

// The row of a StageTreeModel at `index` (any column) and every row under it, as the tree shows
// them now — pending edits included, tags marked for deletion left out — as
// {"<field>": <value>}, a group's value being the object its rows make up. Empty for an invalid
// index.
QJsonObject subtreeAsJson(const QModelIndex &index);

} // namespace model
