#pragma once

#include "model/stage_tree_node.h"

namespace ivs {
class Stage;
}

namespace model {

// Lays a stage over the API schema: every documented field becomes a node, holding what the
// service returned or, when it omitted the field, the documented default (or nothing).
std::unique_ptr<StageTreeNode> buildStageTree(const ivs::Stage &stage);

} // namespace model
