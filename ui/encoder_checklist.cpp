#include "encoder_checklist.h"

#include "publish_parts.h"
#include "workspace/publish_controller.h"

#include <QGridLayout>
#include <QLabel>

namespace ui {

EncoderChecklist::EncoderChecklist(QWidget *parent)
    : QGroupBox(tr("Encoder checklist"), parent)
{
    setObjectName(QStringLiteral("encoderChecklist"));
    auto *grid = new QGridLayout(this);
    int row = 0;
    for (const workspace::EncoderCheck &check : workspace::PublishController::encoderChecklist()) {
        auto *setting = new QLabel(tr("%1:").arg(check.setting), this);
        QLabel *value = publish_parts::makeNote(QString(), this);
        value->setText(
            tr("%1 <i>(%2)</i>").arg(check.value.toHtmlEscaped(), check.appliesTo.toHtmlEscaped()));
        grid->addWidget(setting, row, 0, Qt::AlignTop);
        grid->addWidget(value, row, 1);
        ++row;
    }
    grid->setRowStretch(row, 1);
    setMaximumWidth(320);
}

} // namespace ui
