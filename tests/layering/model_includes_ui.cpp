// Compiled with the include path of the model layer (ivs_model) by the test
// layering_model_cannot_include_ui: the widgets are a higher layer, so this must not build.
#include "ui/main_window.h"

int layeringProbeModelIncludesUi()
{
    return 0;
}
