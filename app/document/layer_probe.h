#pragma once

#include "xiuhua/gis/project.h"
#include "xiuhua/gis/result.h"

#include <QString>

#include <vector>

namespace xiuhua::app {

// The layers a file holds, as specs ready to add: one raster, or every vector layer (named after
// the file, or after the layer for multi-layer sources such as a GeoPackage). Opens the file, so
// for a large GeoJSON/CSV/KML it takes time: call it from a worker. Errors name the file.
gis::Result<std::vector<gis::LayerSpec>> probeLayerSource(const QString& path);

}  // namespace xiuhua::app
