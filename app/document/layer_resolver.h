#pragma once

#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <vector>

namespace xiuhua::app {

// Resolves the layer ids of metric bindings to the project's sources (with declared CRS). Keeps its
// own copy of the layer list, so it may be used on any thread.
indicators::LayerResolver layerResolver(std::vector<gis::LayerSpec> layers);

}  // namespace xiuhua::app
