#pragma once

#include "workspace/profile_types.h"

namespace workspace {

// Regions where Amazon IVS Real-Time runs, offered in region lists; any other well-formed region
// may still be typed.
QStringList commonIvsRegions();

// Empty when `region` is empty or shaped like an AWS region ("us-east-1", "us-gov-west-1").
QString regionProblem(const QString &region);

// Surrounding whitespace removed: pasted keys often carry a newline, and no AWS key contains one.
ProfileDraft normalizedDraft(const ProfileDraft &draft);

// Checks each field on its own; whether the name is already taken is the caller's question.
DraftProblems checkDraftFields(const ProfileDraft &draft);

} // namespace workspace
