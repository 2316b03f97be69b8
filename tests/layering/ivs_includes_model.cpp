// Compiled with the include path of the wire layer (ivs_service) by the test
// layering_service_cannot_include_model: the item models are a higher layer.
#include "model/stage_tree_model.h"

int layeringProbeServiceIncludesModel()
{
    return 0;
}
