#pragma once

#include "ivs/stage_arn.h"

#include <optional>
#include <QString>

namespace ivs {

// Finds the stage ARN in whatever a producer pastes or drops: the bare ARN (with stray
// whitespace, quotes or line breaks), a line of JSON or log around it, or an Amazon IVS console
// link whose path, query or #fragment carries it, percent-encoded or not
// (…/ivs/home?region=us-west-2#/stages/arn%3Aaws%3Aivs%3A…%3Astage%2FabcdABCDefgh).
// The first stage ARN in the text wins. On failure returns nullopt and sets `problem` to a
// sentence saying what was found instead and what was expected.
std::optional<StageArn> findStageArnInText(const QString &text, QString *problem = nullptr);

} // namespace ivs
