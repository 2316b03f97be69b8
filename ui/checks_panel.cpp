#include "checks_panel.h"

#include "ivs/field_path.h"
#include "model/findings_model.h"
#include "row_icon_proxy.h"
#include "workspace/stage_inspector.h"
#include "wrapping_table_view.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace ui {

using model::FindingsModel;

ChecksPanel::ChecksPanel(workspace::StageInspector &inspector, QWidget *parent)
    : QWidget(parent)
    , m_inspector(inspector)
    , m_icon(new QLabel)
    , m_summary(new QLabel)
    , m_checkedAt(new QLabel)
    , m_recheck(new QPushButton(tr("Check Again")))
    , m_table(new WrappingTableView)
{
    m_summary->setObjectName(QStringLiteral("checksSummary"));
    m_summary->setWordWrap(true);
    m_checkedAt->setObjectName(QStringLiteral("checkedAt"));
    m_recheck->setObjectName(QStringLiteral("recheck"));
    m_recheck->setToolTip(tr("Read the storage configuration, sessions and participants again "
                             "and repeat the checks"));
    m_table->setObjectName(QStringLiteral("findingsTable"));
    m_table->setAccessibleName(tr("Findings"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_icon);
    top->addWidget(m_summary, 1);
    top->addWidget(m_checkedAt);
    top->addWidget(m_recheck);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    m_table->setModel(new RowIconProxy(m_inspector.findings(), m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::ActionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::FieldColumn, QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    m_table->setToolTip(tr("Double-click a finding to show its field in the stage tree"));

    connect(m_table, &QAbstractItemView::activated, this, &ChecksPanel::showFinding);
    connect(m_recheck, &QPushButton::clicked, &m_inspector, &workspace::StageInspector::recheck);
    connect(&m_inspector, &workspace::StageInspector::checksStarted, this, [this] {
        showSummary(tr("Checking %1…")
                        .arg(m_inspector.stageName().isEmpty() ? m_inspector.stageArn()
                                                               : m_inspector.stageName()),
                    false);
        m_icon->clear();
        m_checkedAt->clear();
    });
    connect(&m_inspector, &workspace::StageInspector::checksFinished, this,
            [this](const QString &, const QString &summary, bool problems) {
                showSummary(summary, problems);
                // The same findings again would look as if Check Again did nothing.
                m_checkedAt->setText(
                    tr("Checked at %1").arg(QTime::currentTime().toString(Qt::TextDate)));
            });
    connect(&m_inspector, &workspace::StageInspector::cleared, this, [this] {
        showSummary(tr("Look up a stage to check it."), false);
        m_icon->clear();
        m_checkedAt->clear();
    });
    if (!m_inspector.checksSummary().isEmpty())
        showSummary(m_inspector.checksSummary(), m_inspector.findings()->problemCount() > 0);
    else if (m_inspector.isChecking())
        showSummary(tr("Checking…"), false);
    else
        showSummary(tr("Look up a stage to check it."), false);
    if (m_inspector.checksSummary().isEmpty())
        m_icon->clear();
}

ChecksPanel::~ChecksPanel()
{
    disconnect(&m_inspector, nullptr, this, nullptr);
}

void ChecksPanel::showFinding(const QModelIndex &index)
{
    const QString path = index.data(FindingsModel::FieldPathRole).toString();
    if (const auto participant = ivs::fieldpath::participantId(path)) {
        if (!m_inspector.activeSessionId().isEmpty())
            m_inspector.selectSession(m_inspector.activeSessionId());
        m_inspector.selectParticipant(*participant);
        emit participantRequested(*participant);
        return;
    }
    if (!path.isEmpty())
        emit fieldRequested(path);
}

void ChecksPanel::showSummary(const QString &text, bool problems)
{
    m_summary->setText(text);
    m_recheck->setEnabled(!m_inspector.stageArn().isEmpty());
    // A tick would say all is well; with recording off, nothing is being recorded.
    QStyle::StandardPixmap picture = m_inspector.isRecordingOff() ? QStyle::SP_MessageBoxInformation
                                                                  : QStyle::SP_DialogApplyButton;
    if (problems) {
        const auto &findings = m_inspector.findings()->findings();
        const bool errors = std::any_of(findings.begin(), findings.end(), [](const auto &finding) {
            return finding.severity == ivs::Finding::Severity::Error;
        });
        picture = errors ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(picture, nullptr, this).pixmap(size, size));
}

} // namespace ui
