#pragma once

#include "document/layer_state.h"
#include "xiuhua/gis/result.h"

#include <QString>

namespace xiuhua::app {

// Exports a loaded vector layer — its features as read, in its own CRS (or the declared one), with
// every field — to a GeoPackage, a Shapefile (UTF-8 with a .cpg) or RFC 7946 GeoJSON, by the file
// name's extension (see gis::VectorWriter::writeFile). Fails with a message naming the layer or
// the file when the layer is not loaded or is a raster, or when the file cannot be written.
gis::Status exportLayer(const LayerState& layer, const QString& path);

}  // namespace xiuhua::app
