#pragma once

#include <Qt>

namespace model {

// Roles shared by the models of what is learnt about a stage (findings, sessions, participants,
// events), so that one view helper can draw their icons.
enum InspectionRole {
    RowIconRole = Qt::UserRole + 1, // int: a model::RowIcon, for the first column
    KeyRole,                        // QString: the row's id (finding, session or participant id)
};

// Which kind of icon a row deserves; the view picks the picture.
enum class RowIcon { None, Info, Warning, Error, Live };

} // namespace model
