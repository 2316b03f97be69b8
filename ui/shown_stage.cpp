#include "shown_stage.h"

#include "document/stage_document.h"

namespace ui {

QString ShownStage::name(const document::StageDocument &document)
{
    if (!document.stage())
        return {};
    const QString name = document.stage()->name();
    return name.isEmpty() ? document.arn() : name;
}

QString ShownStage::label(const document::StageDocument &document)
{
    const QString shown = name(document);
    return shown.isEmpty() ? tr("the stage") : shown;
}

} // namespace ui
