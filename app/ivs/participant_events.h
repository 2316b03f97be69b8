#pragma once

#include "ivs/stage_resources.h"

#include <QString>

namespace ivs {

// A ListParticipantEvents entry in plain words, for producers rather than API readers.
struct EventExplanation {
    QString meaning; // what happened, including what the error code says
    QString action;  // what to do about it; empty when nothing needs doing
    bool isError = false;
};

EventExplanation explainParticipantEvent(const ParticipantEvent &event);

// What an event's errorCode means and what to do, in one or two sentences. Codes newer than this
// app get a sentence that says so and names the code; an empty code gives an empty string.
QString explainErrorCode(const QString &errorCode);

} // namespace ivs
