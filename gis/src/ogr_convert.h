#pragma once

// Internal: OGR geometry and CRS to Xiuhua types. Never in public headers.
#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"

#include <QString>

class OGRGeometry;
class OGRSpatialReference;

namespace xiuhua::gis::detail {

// Flattens Z/M, linearises curves, and groups collections by their highest dimension.
Geometry fromOgr(const OGRGeometry* geometry);

// The CRS of an OGR spatial reference: "EPSG:n" when GDAL finds a confident match, else its WKT.
// Sets problem when the reference exists but cannot be turned into a CRS.
Crs crsFromOgr(const OGRSpatialReference* srs, QString& problem);

}  // namespace xiuhua::gis::detail
