#include "model/stage_tree_node.h"

namespace model {

StageTreeNode *StageTreeNode::addChild(std::unique_ptr<StageTreeNode> child)
{
    child->parent = this;
    child->row = static_cast<int>(children.size());
    children.push_back(std::move(child));
    return children.back().get();
}

bool StageTreeNode::hasPendingEdit() const
{
    if (editState != EditState::Unchanged)
        return true;
    for (const auto &child : children) {
        if (child->hasPendingEdit())
            return true;
    }
    return false;
}

} // namespace model
