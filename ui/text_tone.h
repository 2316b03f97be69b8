#pragma once

#include "model/text_colors.h"

class QWidget;

namespace ui {

// Colours `widget`'s text (a label's, say) in `tone`, from the application's palette, and again
// whenever that palette changes, e.g. when the desktop switches between light and dark.
void setTextTone(QWidget *widget, model::TextTone tone);
// Back to the palette's ordinary text colour.
void clearTextTone(QWidget *widget);

} // namespace ui
