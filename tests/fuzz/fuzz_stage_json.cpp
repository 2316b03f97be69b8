// libFuzzer target: a GetStage response body through ivs::Stage::fromGetStageResponse and, when it
// is accepted, through the tree model the window and `get-stage --output tree` show: every index,
// every role, the model's consistency (QAbstractItemModelTester, fatal on failure) and the
// terminal rendering.

#include "document/stage_document.h"
#include "fuzz_support.h"
#include "ivs/stage.h"
#include "model/stage_tree_model.h"
#include "model/tree_text.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QMimeData>

namespace {

void walk(const model::StageTreeModel &tree, const QModelIndex &parent, QModelIndexList *all)
{
    const int rows = tree.rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < tree.columnCount(parent); ++column) {
            const QModelIndex index = tree.index(row, column, parent);
            FUZZ_CHECK(index.isValid());
            FUZZ_CHECK(tree.parent(index) == parent);
            all->append(index);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::FontRole),
                             int(Qt::ForegroundRole), int(model::StageTreeModel::CopyTextRole),
                             int(model::StageTreeModel::ValueOriginRole),
                             int(model::StageTreeModel::IsDefaultRole),
                             int(model::StageTreeModel::IsEndpointRole),
                             int(model::StageTreeModel::JsonValueRole)})
                (void)tree.data(index, role);
        }
        const QModelIndex field = tree.index(row, model::StageTreeModel::FieldColumn, parent);
        // Every row can be found again by its path.
        const QString path = field.data(model::StageTreeModel::FieldPathRole).toString();
        FUZZ_CHECK(!path.isEmpty());
        FUZZ_CHECK(tree.indexForPath(path) == field);
        walk(tree, field, all);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureGuiApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const std::optional<ivs::Stage> stage =
        ivs::Stage::fromGetStageResponse(fuzz::bytes(data, size), &error);
    if (!stage) {
        FUZZ_CHECK(!error.isEmpty()); // a refusal always says why
        return 0;
    }
    FUZZ_CHECK(!stage->arn().isEmpty());
    (void)stage->name();

    document::StageDocument document;
    model::StageTreeModel tree(document);
    const QAbstractItemModelTester tester(&tree,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    document.setStage(*stage);
    FUZZ_CHECK(tree.rowCount() > 0);

    QModelIndexList all;
    walk(tree, {}, &all);
    const std::unique_ptr<QMimeData> mime(tree.mimeData(all));
    const QString text = model::renderTreeText(tree);
    FUZZ_CHECK(!text.isEmpty());

    document.clear();
    FUZZ_CHECK(tree.rowCount() == 0);
    return 0;
}
