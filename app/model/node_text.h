#pragma once

#include <QString>

namespace model {

struct StageTreeNode;

// How a node reads in the tree, on the clipboard and on the command line.
QString displayText(const StageTreeNode &node);
QString copyText(const StageTreeNode &node); // a leaf's bare value, a group's JSON
QString noteText(const StageTreeNode &node); // "default — recording is off", "not returned", …
QString toolTipText(const StageTreeNode &node);

} // namespace model
