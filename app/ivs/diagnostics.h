#pragma once

#include "ivs/stage_resources.h"

#include <QList>
#include <QString>

namespace ivs {

class Stage;

// Something worth telling about a stage: what is wrong (or notable), and what to do about it.
struct Finding {
    enum class Severity { Info, Warning, Error };

    QString id; // stable ("recording-off"): tests and the command line's JSON rely on it
    Severity severity = Severity::Info;
    QString title;  // one plain sentence saying what is wrong (or notable)
    QString action; // what to do about it
    // The tree row it is about, e.g. "endpoints.whip", or the participant, participants["id"]
    // (ivs::fieldpath::participant); may be empty when it is about no one field.
    QString fieldPath;

    friend bool operator==(const Finding &, const Finding &) = default;
};

// Every check that the stage and what is known of its surroundings allow, errors first, then
// warnings, then notes, each group ordered by id. Nothing is fetched: what the surroundings do
// not hold is not checked. An empty list means nothing is wrong or notable.
QList<Finding> diagnoseStage(const Stage &stage, const StageSurroundings &surroundings);

// "info", "warning", "error": stable words for the command line's JSON.
QString severityName(Finding::Severity severity);

// Whether anything needs attention (a warning or an error); notes alone do not count.
bool hasProblems(const QList<Finding> &findings);

} // namespace ivs
