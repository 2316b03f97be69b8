#pragma once

#include <QCoreApplication>
#include <QString>

namespace document {
class StageDocument;
}

namespace ui {

// How the window names the stage it shows, in titles, questions and messages.
class ShownStage final {
    Q_DECLARE_TR_FUNCTIONS(ui::ShownStage)
public:
    // The stage's name as the service has it, else its ARN; empty when none is shown.
    static QString name(const document::StageDocument &document);
    // As name(), or "the stage" when none is shown: for sentences that need a subject.
    static QString label(const document::StageDocument &document);
};

} // namespace ui
