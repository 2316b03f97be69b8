#include "model/tree_text.h"

#include "model/stage_tree_model.h"

#include <algorithm>
#include <QAbstractItemModel>

namespace model {

namespace {

struct Line {
    QString field;
    QString value;
    QString note;
};

void collect(const QAbstractItemModel &model, const QModelIndex &parent, int depth,
             QList<Line> &lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex field = model.index(row, StageTreeModel::FieldColumn, parent);
        const QString indent(depth * 2, QLatin1Char(' '));
        lines.append(
            {indent + field.data().toString().simplified(),
             model.index(row, StageTreeModel::ValueColumn, parent).data().toString().simplified(),
             model.index(row, StageTreeModel::NoteColumn, parent).data().toString()});
        collect(model, field, depth + 1, lines);
    }
}

} // namespace

QString renderTreeText(const QAbstractItemModel &model)
{
    QList<Line> lines;
    collect(model, {}, 0, lines);
    qsizetype fieldWidth = 0;
    for (const Line &line : std::as_const(lines))
        fieldWidth = std::max(fieldWidth, line.field.size());

    QString text;
    for (const Line &line : std::as_const(lines)) {
        QString row = line.field.leftJustified(fieldWidth + 2) + line.value;
        if (!line.note.isEmpty())
            row += QStringLiteral("  [%1]").arg(line.note);
        while (row.endsWith(QLatin1Char(' ')))
            row.chop(1);
        text += row + QLatin1Char('\n');
    }
    return text;
}

} // namespace model
