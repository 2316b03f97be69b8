#pragma once

#include <QColor>

class QPalette;

namespace model {

// Colours that carry a meaning — a default standing in, a pending edit, a problem, a success —
// taken from the palette in use rather than fixed, so they read on a light and a dark one alike.
enum class TextTone {
    Secondary, // between the text and its background: "not from the service"
    Edited,    // amber: a change not yet applied
    Problem,   // red
    Success,   // green
    Info,      // blue: a notice
};

QColor textColor(TextTone tone, const QPalette &palette);
// With the application's palette (a plain light one where there is no GUI, e.g. in tests).
QColor textColor(TextTone tone);

// A background for a message of this tone: a tint of the palette's base colour.
QColor tintColor(TextTone tone, const QPalette &palette);

// `a` mixed with `b`; `amountOfB` 0 gives `a`, 1 gives `b`.
QColor blend(const QColor &a, const QColor &b, qreal amountOfB);

} // namespace model
