#include "model/findings_model.h"

#include "ivs/field_path.h"

#include <algorithm>

namespace model {

namespace {

bool sameRows(const QList<ivs::Finding> &a, const QList<ivs::Finding> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ivs::Finding &x, const ivs::Finding &y) {
                          return x.id == y.id && x.fieldPath == y.fieldPath;
                      });
}

RowIcon iconFor(ivs::Finding::Severity severity)
{
    switch (severity) {
    case ivs::Finding::Severity::Error:
        return RowIcon::Error;
    case ivs::Finding::Severity::Warning:
        return RowIcon::Warning;
    case ivs::Finding::Severity::Info:
        break;
    }
    return RowIcon::Info;
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FindingsModel::setFindings(const QList<ivs::Finding> &findings)
{
    if (sameRows(m_findings, findings)) {
        m_findings = findings;
        if (!m_findings.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

void FindingsModel::clear()
{
    if (m_findings.isEmpty())
        return;
    beginResetModel();
    m_findings.clear();
    endResetModel();
}

int FindingsModel::problemCount() const
{
    return static_cast<int>(
        std::count_if(m_findings.begin(), m_findings.end(), [](const ivs::Finding &finding) {
            return finding.severity != ivs::Finding::Severity::Info;
        }));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ivs::Finding &finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            switch (finding.severity) {
            case ivs::Finding::Severity::Error:
                return tr("Error");
            case ivs::Finding::Severity::Warning:
                return tr("Warning");
            case ivs::Finding::Severity::Info:
                return tr("Note");
            }
            return {};
        case TitleColumn:
            return finding.title;
        case ActionColumn:
            return finding.action;
        case FieldColumn:
            // A participant by its path, participants["id"]; a field by the name the tree shows
            // (the whole path is in the tooltip).
            if (ivs::fieldpath::participantId(finding.fieldPath))
                return finding.fieldPath;
            return finding.fieldPath.section(QLatin1Char('.'), -1);
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip =
            finding.title + QStringLiteral("\n\n") + tr("What to do: %1").arg(finding.action);
        if (const auto participant = ivs::fieldpath::participantId(finding.fieldPath))
            tip += QStringLiteral("\n\n") +
                   tr("Double-click to show participant %1 and its events in Sessions.")
                       .arg(*participant);
        else if (!finding.fieldPath.isEmpty())
            tip += QStringLiteral("\n\n") +
                   tr("Double-click to show %1 in the stage tree.").arg(finding.fieldPath);
        return tip;
    }
    case RowIconRole:
        return static_cast<int>(iconFor(finding.severity));
    case KeyRole:
        return finding.id;
    case FieldPathRole:
        return finding.fieldPath;
    case SeverityRole:
        return static_cast<int>(finding.severity);
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Finding");
    case ActionColumn:
        return tr("What to do");
    case FieldColumn:
        return tr("Field");
    }
    return {};
}

} // namespace model
