#pragma once

// Internal: OGR geometry and CRS to Xiuhua types. Never in public headers.
#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/geometry.h"

#include <QString>

#include <memory>

class OGRGeometry;
class OGRSpatialReference;

namespace xiuhua::gis::detail {

// Always the multi type (one layer then holds single and multi parts alike); null for an empty one.
std::unique_ptr<OGRGeometry> toOgr(const Geometry& geometry);

// Flattens Z/M, linearises curves, and groups collections by their highest dimension.
Geometry fromOgr(const OGRGeometry* geometry);

// The CRS of an OGR spatial reference: "EPSG:n" when GDAL finds a confident match, else its WKT.
// Sets problem when the reference exists but cannot be turned into a CRS.
Crs crsFromOgr(const OGRSpatialReference* srs, QString& problem);

}  // namespace xiuhua::gis::detail
